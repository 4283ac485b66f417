#!/usr/bin/env bash
# The hostile-shape benchmark (issue #8, defect 5): a sheet of each shape that once made
# sheetlint slow, at the 10 MiB size limit, linted in JSON, in SARIF and writing a baseline, each
# once with wall time and peak memory.
# A measurement, not a test: it never fails on speed. See docs/performance.md.
#
# Usage: benchmarks/hostile.sh [--bytes N] [--bin PATH] [--no-build]
#   --bytes N    size of each sheet (default 10 MiB minus 4 KiB, just under the limit)
#   --bin PATH   time this sheetlint binary (default: a release build of this tree)
set -euo pipefail
bytes=$((10 * 1024 * 1024 - 4096)) bin="" build=1
while (($#)); do
    case "$1" in
        --bytes) bytes=$2; shift 2 ;;
        --bin) bin=$2; build=0; shift 2 ;;
        --no-build) build=0; shift ;;
        -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
        *) echo "hostile.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
if ((build)); then swift build -c release --product sheetlint >&2; fi
[[ -n $bin ]] || bin="$(swift build -c release --product sheetlint --show-bin-path)/sheetlint"
[[ -x /usr/bin/time ]] || { echo "hostile.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sheetlint-hostile.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
python3 benchmarks/gen_hostile.py examples/toshi-seisaku.md examples/canonical/shimin-kyodo.yaml "$tmp" --bytes "$bytes"
printf '%-16s %-14s %12s %10s %12s %s\n' shape run bytes seconds "peak MB" exit
# Each shape in JSON (the reference), in SARIF (a content fingerprint per finding) and
# writing a baseline (the text under each finding): thousands of findings on one long line
# once made the last two quadratic.
for f in "$tmp"/*.md "$tmp"/*.json; do
    [[ $(basename "$f") == *.baseline.json ]] && continue
    for run in json sarif baseline; do
        case $run in
            json) args=(--format json) ;;
            sarif) args=(--format sarif) ;;
            baseline) args=(--format json --write-baseline "$tmp/$(basename "$f").baseline.json") ;;
        esac
        set +e
        /usr/bin/time -f '%e %M' -o "$tmp/time.txt" "$bin" lint "${args[@]}" "$f" > /dev/null 2> "$tmp/err.txt"
        status=$?
        set -e
        read -r seconds kb < <(tail -1 "$tmp/time.txt")  # time prefixes a "Command exited" line on exit 1
        printf '%-16s %-14s %12d %10s %12d %s\n' "$(basename "$f")" "$run" "$(stat -c %s "$f")" "$seconds" $((kb / 1024)) "$status"
    done
done
