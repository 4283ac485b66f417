#!/usr/bin/env bash
# The real sheet's lint output, byte for byte, against the one recorded (issue #10: the
# engine's speed work must not change a byte). Only SHA-256 digests are recorded
# (acceptance/real-sheet-output.sha256): the sheet is not ours to ship, nor is output
# quoting it. When a change is meant to alter this output, re-record and say so in the
# commit: acceptance/check_output_hash.sh BINARY SHEET --record
# Usage: check_output_hash.sh SHEETLINT_BINARY SHEET [--record]
set -euo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") sheet=$2
here=$(cd "$(dirname "$0")" && pwd)
record=$here/real-sheet-output.sha256
dir=$(cd "$(dirname "$sheet")" && pwd) name=$(basename "$sheet")
digests() {
    local fmt lang
    for fmt in json text sarif; do
        for lang in ja en; do
            # Run beside the sheet so every relative path in the output is the same wherever it
            # is; SARIF also names the absolute folder it ran in (originalUriBaseIds), which
            # differs between checkouts, so that one URI is masked before hashing.
            printf '%s %s %s\n' "$fmt" "$lang" \
                "$(cd "$dir" && { "$bin" lint --format "$fmt" --lang "$lang" --jobs 1 "$name" 2>&1 || true; } \
                    | sed -E 's#"uri": "file://[^"]*"#"uri": "file://ROOT/"#' | sha256sum | cut -d' ' -f1)"
        done
    done
}
if [[ ${3:-} == --record ]]; then
    digests >"$record"
    echo "recorded $record"
    exit 0
fi
got=$(digests)
if [[ $got == "$(cat "$record")" ]]; then
    echo "ok real sheet: lint output byte-identical to the recorded digests (json, text, sarif; ja, en)"
else
    echo "FAIL real sheet: lint output differs from acceptance/real-sheet-output.sha256"
    diff <(cat "$record") <(echo "$got") || true
    echo "     (re-record with acceptance/check_output_hash.sh BINARY SHEET --record when the change is meant)"
    exit 1
fi
