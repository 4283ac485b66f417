#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (Swift, -sanitize=fuzzer,address) and runs one of
# them for a given time, on a corpus seeded from the project's own fixtures (issue #8).
#
# Usage: scripts/fuzz.sh TARGET SECONDS      run TARGET (or `all`, each in turn) that long
#        scripts/fuzz.sh --build             only build
#        scripts/fuzz.sh --seeds TARGET DIR  only write TARGET's seed corpus into DIR
#   TARGET: FuzzMarkdown | FuzzCanonical | FuzzRuleFile | FuzzConfig | all
#
# A crash, a hang (one input over 10 s), a leak or an input over 2 GB RSS stops the run
# with a non-zero exit; libFuzzer writes the input as Fuzz/artifacts/TARGET/crash-… (turn it
# into a regression test). The corpus grown by a run is kept in Fuzz/corpus/TARGET (not
# committed). The last line printed is `TARGET: N executions in S s`.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
fuzz="$root/Fuzz"
targets=(FuzzMarkdown FuzzCanonical FuzzRuleFile FuzzConfig)

build() {
    # Every Swift module is compiled with libFuzzer's coverage and AddressSanitizer; the
    # targets are libraries (see Fuzz/Package.swift), linked here with libFuzzer's main.
    (cd "$fuzz" && swift build -c release --build-path "$fuzz/.build" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -g >&2)
    local bin objects t
    bin=$(cd "$fuzz" && swift build -c release --build-path "$fuzz/.build" --show-bin-path)
    # Every library module built (sheetlint's and its dependencies'), but no executable:
    # not the CLI, not build-tool plugins, not the other fuzz targets.
    objects=()
    local dir name
    for dir in "$bin"/*.build; do
        name=$(basename "$dir" .build)
        case $name in
            sheetlint|Fuzz*|*-tool|generate_*) continue ;;
        esac
        while IFS= read -r -d '' o; do objects+=("$o"); done < <(find "$dir" -name '*.o' -print0 | sort -z)
    done
    for t in "${targets[@]}"; do
        # (ld.gold warns about every ASan report helper it cannot export: noise, dropped.)
        swiftc -sanitize=fuzzer,address -g "$bin/$t.build"/*.o "${objects[@]}" -l_FoundationICU -o "$bin/$t" 2>&1 \
            | { grep -v "Cannot export local symbol" || true; } >&2
    done
}

# Seeds: every fixture and example of the kind the target reads.
seeds() {
    local target=$1 dir=$2 f i=0
    mkdir -p "$dir"
    case $target in
        FuzzMarkdown)
            # The first byte picks the encoding (0 = detect); see FuzzMarkdown.swift.
            while IFS= read -r -d '' f; do
                { printf '\000'; head -c 65536 "$f"; } > "$dir/seed-$((i++))"
            done < <(find "$root/examples" "$root/Tests" -name '*.md' -size -200k -print0 | sort -z)
            ;;
        FuzzCanonical)
            while IFS= read -r -d '' f; do head -c 65536 "$f" > "$dir/seed-$((i++))"; done \
                < <(find "$root/examples" "$root/Tests" \( -name '*.yaml' -o -name '*.json' \) -size -200k \
                    ! -path '*/Goldens/*' -print0 | sort -z)
            ;;
        FuzzRuleFile)
            while IFS= read -r -d '' f; do cp "$f" "$dir/seed-$((i++))"; done \
                < <(find "$root/rules" -name '*.yml' -print0 | sort -z)
            ;;
        FuzzConfig)
            while IFS= read -r -d '' f; do cp "$f" "$dir/seed-$((i++))"; done \
                < <(find "$root/Tests" "$root/examples" "$root/docs" -name '.sheetlint.yml' -print0 2>/dev/null | sort -z)
            printf 'rules:\n  notation-variance: {severity: warning, options: {groups: [{name: a, variants: [{label: a, pattern: "a+"}]}]}}\nignore: ["drafts/**"]\noverrides:\n  - files: ["legacy/**"]\n    rules: {plan-code-missing: off}\nfiscalYear: 2024\nlang: en\nextends: base.yml\ncatalogs: [c.yml]\n' > "$dir/seed-$((i++))"
            ;;
        *) echo "fuzz.sh: unknown target $target" >&2; exit 2 ;;
    esac
}

run() {
    local target=$1 seconds=$2
    local corpus="$fuzz/corpus/$target" artifacts="$fuzz/artifacts/$target/" log
    mkdir -p "$corpus" "$artifacts"
    seeds "$target" "$corpus"
    log=$(mktemp)
    set +e
    LSAN_OPTIONS="suppressions=$fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
    "$(cd "$fuzz" && swift build -c release --build-path "$fuzz/.build" --show-bin-path)/$target" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts" 2>&1 | tee "$log" | grep -E '^(#[0-9]+.*(pulse|DONE)|==|SUMMARY|Done)' >&2
    local status=${PIPESTATUS[0]}
    set -e
    local runs
    runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1 || echo "?")
    echo "$target: $runs executions in $seconds s (exit $status)"
    rm -f "$log"
    return "$status"
}

case ${1:-} in
    --build) build; exit 0 ;;
    --seeds) seeds "$2" "$3"; exit 0 ;;
    ""|-h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
esac
target=$1 seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
build
if [[ $target == all ]]; then
    status=0
    for t in "${targets[@]}"; do run "$t" "$seconds" || status=$?; done
    exit "$status"
fi
run "$target" "$seconds"
