#include "CICURegex.h"
#include <stddef.h>

typedef SLUBool (*SLURegexMatchCallback)(const void *context, int32_t steps);
void swift_uregex_setMatchCallback(SLURegularExpression *regexp, SLURegexMatchCallback callback,
                                   const void *context, SLUErrorCode *status);

static SLUBool takeTick(const void *context, int32_t steps) {
    (void)steps;
    int64_t *remaining = (int64_t *)context;
    *remaining -= 1;
    return *remaining > 0;
}

void sheetlint_uregex_shareBudget(SLURegularExpression *regexp, int64_t *remainingTicks, SLUErrorCode *status) {
    swift_uregex_setMatchCallback(regexp, remainingTicks ? takeTick : NULL, remainingTicks, status);
}
