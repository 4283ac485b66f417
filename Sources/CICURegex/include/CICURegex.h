// The part of ICU's regular-expression C API that sheetlint uses, as exported by the
// Swift toolchain's own ICU (lib_FoundationICU, every symbol prefixed `swift_`). Declared
// here because the toolchain ships the library without headers. Signatures follow
// ICU's unicode/uregex.h; UChar is a UTF-16 code unit, UErrorCode an int32 (<= 0 is success).
#ifndef CICUREGEX_H
#define CICUREGEX_H

#include <stdint.h>

typedef uint16_t SLUChar;
typedef int32_t SLUErrorCode;
typedef int8_t SLUBool;
typedef struct SLURegularExpression SLURegularExpression;

/// ICU's UParseError: where a pattern failed to compile.
typedef struct {
    int32_t line;
    int32_t offset;
    SLUChar preContext[16];
    SLUChar postContext[16];
} SLUParseError;

/// ICU error codes sheetlint tells apart (unicode/utypes.h).
enum {
    SL_U_REGEX_STACK_OVERFLOW = 0x10311,
    SL_U_REGEX_TIME_OUT = 0x10312,
    SL_U_REGEX_STOPPED_BY_CALLER = 0x10313,
};

SLURegularExpression *swift_uregex_open(const SLUChar *pattern, int32_t patternLength, uint32_t flags,
                                        SLUParseError *pe, SLUErrorCode *status);
SLURegularExpression *swift_uregex_clone(const SLURegularExpression *regexp, SLUErrorCode *status);
void swift_uregex_close(SLURegularExpression *regexp);
void swift_uregex_setText(SLURegularExpression *regexp, const SLUChar *text, int32_t textLength,
                          SLUErrorCode *status);
SLUBool swift_uregex_findNext(SLURegularExpression *regexp, SLUErrorCode *status);
int32_t swift_uregex_start(SLURegularExpression *regexp, int32_t groupNum, SLUErrorCode *status);
int32_t swift_uregex_end(SLURegularExpression *regexp, int32_t groupNum, SLUErrorCode *status);
int32_t swift_uregex_groupCount(SLURegularExpression *regexp, SLUErrorCode *status);
int32_t swift_uregex_groupNumberFromName(SLURegularExpression *regexp, const SLUChar *groupName,
                                         int32_t nameLength, SLUErrorCode *status);
void swift_uregex_setTimeLimit(SLURegularExpression *regexp, int32_t limit, SLUErrorCode *status);
void swift_uregex_setStackLimit(SLURegularExpression *regexp, int32_t limit, SLUErrorCode *status);
const char *swift_u_errorName(SLUErrorCode code);

/// Makes `regexp` stop (U_REGEX_STOPPED_BY_CALLER) once `*remainingTicks` reaches zero.
/// ICU calls back once per tick of its match engine (10,000 steps); each call takes one
/// tick from the counter, so the counter bounds the steps of every match that shares it.
/// `remainingTicks` must outlive the matches; NULL removes the callback.
void sheetlint_uregex_shareBudget(SLURegularExpression *regexp, int64_t *remainingTicks, SLUErrorCode *status);

#endif
