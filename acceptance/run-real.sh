#!/usr/bin/env bash
# Acceptance checks on the real published sheet in ../shared/fixtures/real (not shipped
# with the project). Usage: acceptance/run-real.sh SHEETLINT_BINARY
set -euo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
real=$(cd "$here/../../shared/fixtures/real" 2>/dev/null && pwd) || { echo "acceptance: ../shared/fixtures/real not present, skipped"; exit 0; }
sheet=$real/toyonaka-r4-toshikeiei.md
expected=$real/toyonaka-r4-toshikeiei.expected.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
python3 "$here/check_parse.py" "$bin" "$sheet" "$expected" "real sheet (UTF-8)" || status=1

# The same facts from re-encoded copies: the file name keeps .md so the form is known.
iconv -f UTF-8 -t CP932 "$sheet" > "$work/cp932.md"
python3 "$here/check_parse.py" "$bin" "$work/cp932.md" "$expected" "real sheet as CP932" || status=1
iconv -f UTF-8 -t UTF-16 "$sheet" > "$work/utf16.md"
python3 "$here/check_parse.py" "$bin" "$work/utf16.md" "$expected" "real sheet as UTF-16 (BOM)" || status=1
iconv -f UTF-8 -t UTF-16LE "$sheet" > "$work/utf16le.md"
python3 "$here/check_parse.py" "$bin" "$work/utf16le.md" "$expected" "real sheet as UTF-16LE (no BOM)" || status=1
{ printf '\xef\xbb\xbf'; cat "$sheet"; } > "$work/bom.md"
python3 "$here/check_parse.py" "$bin" "$work/bom.md" "$expected" "real sheet as UTF-8 with BOM" || status=1
sed 's/$/\r/' "$sheet" > "$work/crlf.md"
python3 "$here/check_parse.py" "$bin" "$work/crlf.md" "$expected" "real sheet with CRLF" || status=1
sed 's/$/\r/' "$sheet" | iconv -f UTF-8 -t CP932 > "$work/cp932-crlf.md"
python3 "$here/check_parse.py" "$bin" "$work/cp932-crlf.md" "$expected" "real sheet as CP932 with CRLF" || status=1

python3 "$here/check_lint.py" "$bin" "$sheet" "$expected" || status=1
# Byte for byte the recorded output (digests only): speed work must not change a byte.
"$here/check_output_hash.sh" "$bin" "$sheet" || status=1
# Style findings: each notation group as the sheet really uses it, each at its characters.
python3 "$here/check_style.py" "$bin" "$sheet" || status=1

# The stage gate: the sheet is a review; its goal-setting form (made here from it, never
# committed) reads the same goals and passes at auto with only its citation placeholders.
python3 "$here/check_stage.py" "$bin" "$sheet" "$expected" "$work" || status=1

# SARIF: the real sheet and directories of our own fixtures validate against the schema,
# carry GitHub's fields, and keep their fingerprints when a line is inserted at the top.
schema=$real/../../schemas/sarif-schema-2.1.0.json
python3 "$here/check_sarif.py" "$bin" "$schema" "$sheet" "$here/../examples" \
  "$here/../Tests/SheetReadingTests/Fixtures/quirks" "$here/../examples/toshi-seisaku.md" || status=1
# The audit report on the real sheet: placeholders and completion as the expected facts imply.
python3 "$here/check_report.py" "$bin" "$sheet" "$expected" "$here/../rules/schema/report.schema.json" || status=1
exit $status
