#!/usr/bin/env bash
# sheetlint benchmark: builds sheetlint in release, generates a corpus from the bundled
# example, and times sheetlint against plain passes over the same bytes (grep, cat),
# interleaved in one run. It reports medians and ratios; it never passes or fails on
# speed (it is a measurement, not a test). See docs/performance.md.
#
# Usage: benchmarks/run.sh [options]
#   --sheets N          sheets in the corpus (default 200)
#   --runs R            timed rounds; every command runs once per round, in turn (default 5)
#   --large-mb M        size of the large sheet's big cell in MB (default 2; a second sheet
#                       with M/2 is generated too)
#   --scratch-path DIR  passed to `swift build` (e.g. .build-bench, to leave .build alone)
#   --no-build          use an existing release build (from --scratch-path or .build)
#   --bin PATH          time this sheetlint binary instead (no build; e.g. a build of
#                       another commit, to compare)
#   --no-hyperfine      time with bash even if hyperfine is installed
#   --instructions      also count instructions with valgrind/callgrind (slow: minutes;
#                       independent of machine load)
#   --keep              keep the generated corpus and raw timings (path is printed)
set -euo pipefail

sheets=200 runs=5 large_mb=2 scratch="" build=1 bin="" use_hyperfine=1 instructions=0 keep=0
while (($#)); do
    case "$1" in
        --sheets) sheets=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --large-mb) large_mb=$2; shift 2 ;;
        --scratch-path) scratch=$2; shift 2 ;;
        --no-build) build=0; shift ;;
        --bin) bin=$2; build=0; shift 2 ;;
        --no-hyperfine) use_hyperfine=0; shift ;;
        --instructions) instructions=1; shift ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
        *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
command -v python3 >/dev/null || { echo "run.sh: python3 is needed to generate the corpus" >&2; exit 2; }

# --- build -------------------------------------------------------------------------
build_args=(-c release --product sheetlint)
[[ -n $scratch ]] && build_args+=(--scratch-path "$scratch")
if ((build)); then
    echo "== building: swift build ${build_args[*]}" >&2
    swift build "${build_args[@]}" >&2
fi
if [[ -n $bin ]]; then
    bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
    built_from="binary $bin"
else
    bin="$(swift build "${build_args[@]}" --show-bin-path)/sheetlint"
    built_from="working tree at $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- Sources 2>/dev/null || echo ' (+ uncommitted Sources changes)')"
fi
[[ -x $bin ]] || { echo "run.sh: no sheetlint at $bin (build first, or drop --no-build)" >&2; exit 2; }

# --- corpus --------------------------------------------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sheetlint-bench.XXXXXX")
if ((keep)); then echo "== keeping $tmp" >&2; else trap 'rm -rf "$tmp"' EXIT; fi
corpus=$tmp/corpus
python3 benchmarks/gen_corpus.py examples/toshi-seisaku.md "$corpus" \
    --sheets "$sheets" --large-mb "$large_mb" --goals 50,500
# a minimal sheet (title, header, mission: 572 bytes) for the fixed cost of a process
awk '/^2\. /{exit} {print}' examples/toshi-seisaku.md >"$corpus/empty.md"
files=("$corpus"/sheets/*.md)
example=examples/toshi-seisaku.md

# --- commands ------------------------------------------------------------------------
# name | input key | stdout target | command (shell words, quoted with %q)
q() { printf '%q ' "$@"; }
names=() inputs=() outs=() cmds=()
add() { names+=("$1"); inputs+=("$2"); outs+=("$3"); cmds+=("$4"); }
out=$tmp/out   # grep would stop early writing to /dev/null, so output goes to a file

add "grep -c 0-0-0"          corpus    file "$(q grep -c 0-0-0 "${files[@]}")"
add "cat > /dev/null"        corpus    null "$(q cat "${files[@]}")"
add "lint --jobs 1"          corpus    file "$(q "$bin" lint --format json --jobs 1 "$corpus/sheets")"
add "lint --jobs 2"          corpus    file "$(q "$bin" lint --format json --jobs 2 "$corpus/sheets")"
add "grep -c 0-0-0"          example   file "$(q grep -c 0-0-0 "$example")"
add "lint (minimal)"         empty     file "$(q "$bin" lint --format json --jobs 1 "$corpus/empty.md")"
add "lint"                   example   file "$(q "$bin" lint --format json --jobs 1 "$example")"
add "grep -c 0-0-0"          goals50   file "$(q grep -c 0-0-0 "$corpus/goals/goals-50.md")"
add "lint"                   goals50   file "$(q "$bin" lint --format json --jobs 1 "$corpus/goals/goals-50.md")"
add "grep -c 0-0-0"          goals500  file "$(q grep -c 0-0-0 "$corpus/goals/goals-500.md")"
add "lint"                   goals500  file "$(q "$bin" lint --format json --jobs 1 "$corpus/goals/goals-500.md")"
add "parse --format json"    empty     file "$(q "$bin" parse --format json "$corpus/empty.md")"
add "grep -c 0-0-0"          largehalf file "$(q grep -c 0-0-0 "$corpus/large-half/large.md")"
add "parse --format json"    largehalf file "$(q "$bin" parse --format json "$corpus/large-half/large.md")"
add "grep -c 0-0-0"          large     file "$(q grep -c 0-0-0 "$corpus/large/large.md")"
add "parse --format json"    large     file "$(q "$bin" parse --format json "$corpus/large/large.md")"

declare -A input_label=(
    [corpus]="$sheets sheets (dir)" [example]="example (1 sheet)" [empty]="minimal sheet"
    [goals50]="50-goal sheet" [goals500]="500-goal sheet"
    [largehalf]="large sheet, $(awk "BEGIN{print $large_mb/2}") MB cell" [large]="large sheet, $large_mb MB cell")
declare -A input_files=([corpus]=$sheets [example]=1 [empty]=1 [goals50]=1 [goals500]=1 [largehalf]=1 [large]=1)
declare -A input_bytes=(
    [corpus]=$(cat "${files[@]}" | wc -c) [example]=$(wc -c <"$example") [empty]=$(wc -c <"$corpus/empty.md")
    [goals50]=$(wc -c <"$corpus/goals/goals-50.md") [goals500]=$(wc -c <"$corpus/goals/goals-500.md")
    [largehalf]=$(wc -c <"$corpus/large-half/large.md") [large]=$(wc -c <"$corpus/large/large.md"))

# --- timing --------------------------------------------------------------------------
now_us() {  # wall clock in microseconds, without forking when bash has EPOCHREALTIME
    if [[ -n ${EPOCHREALTIME:-} ]]; then local t=${EPOCHREALTIME/[.,]/}; echo "${t#0}"
    else echo $(( $(date +%s%N) / 1000 )); fi
}
have_hyperfine=0
((use_hyperfine)) && command -v hyperfine >/dev/null && have_hyperfine=1

# One untimed round first: warms the page cache and checks every command works.
echo "== warm-up round (also checks exit statuses)" >&2
for i in "${!cmds[@]}"; do
    set +e; eval "${cmds[i]}" >"$out" 2>"$tmp/err"; rc=$?; set -e
    ok=0
    case "${names[i]}" in
        grep*) ((rc <= 1)) && ok=1 ;;
        cat*) ((rc == 0)) && ok=1 ;;
        *) ((rc <= 1)) && ok=1 ;;   # sheetlint lint: 1 = the gate fails (findings), fine
    esac
    if ((!ok)); then
        echo "run.sh: '${names[i]}' on ${inputs[i]} exited $rc:" >&2; head -20 "$tmp/err" >&2; exit 2
    fi
done

times_dir=$tmp/times; mkdir -p "$times_dir"
if ((have_hyperfine)); then timer="hyperfine $(hyperfine --version | awk '{print $2}') (-N, 1 run per command per round)"
else timer="bash \$EPOCHREALTIME / date +%s%N"; fi
echo "== $runs rounds × ${#cmds[@]} commands, interleaved; timer: $timer" >&2
for ((r = 1; r <= runs; r++)); do
    echo "   round $r/$runs" >&2
    for i in "${!cmds[@]}"; do
        if ((have_hyperfine)); then
            target=$out; [[ ${outs[i]} == null ]] && target=null
            hyperfine -N -i --runs 1 --style none --output="$target" \
                --export-json "$tmp/hf.json" "${cmds[i]}" >/dev/null 2>"$tmp/hf.err" \
                || { cat "$tmp/hf.err" >&2; exit 2; }
            python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["times"][0])' \
                "$tmp/hf.json" >>"$times_dir/$i"
        else
            if [[ ${outs[i]} == null ]]; then
                t0=$(now_us); eval "${cmds[i]}" >/dev/null 2>&1 || true; t1=$(now_us)
            else
                t0=$(now_us); eval "${cmds[i]}" >"$out" 2>/dev/null || true; t1=$(now_us)
            fi
            echo "$(( t1 - t0 ))e-6" >>"$times_dir/$i"
        fi
    done
done

# --- report --------------------------------------------------------------------------
{
    for i in "${!cmds[@]}"; do
        k=${inputs[i]}
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "${names[i]}" "$k" "${input_label[$k]}" \
            "${input_files[$k]}" "${input_bytes[$k]}"
    done
} >"$tmp/meta.tsv"

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
echo
echo "sheetlint benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores${cpu:+ ($cpu)}, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "sheetlint $("$bin" --version), $built_from; timer: $timer; $runs rounds, medians"
python3 - "$tmp/meta.tsv" "$times_dir" <<'PY'
import statistics, sys, os
meta = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
times = {int(m[0]): [float(x) for x in open(os.path.join(sys.argv[2], m[0]))] for m in meta}
med = {i: statistics.median(t) for i, t in times.items()}
grep_of = {m[2]: int(m[0]) for m in meta if m[1].startswith("grep")}

def fmt_s(s): return f"{s:.4f}" if s < 1 else f"{s:.3f}"
rows = []
for i, name, key, label, nfiles, nbytes in ((int(m[0]), *m[1:]) for m in meta):
    g = grep_of.get(key)
    r = med[i] / med[g] if g is not None else None
    ratio = "1" if g == i else ("" if r is None else f"{r:.2f}" if r < 10 else f"{r:.0f}")
    spread = f"{min(times[i]):.3f}–{max(times[i]):.3f}"
    rows.append((name, label, fmt_s(med[i]), spread, ratio,
                 f"{int(nfiles) / med[i]:.1f}", f"{int(nbytes) / med[i] / 1e6:.2f}"))
head = ("command", "input", "median s", "min–max s", "× grep", "files/s", "MB/s")
w = [max(len(r[c]) for r in rows + [head]) for c in range(len(head))]
print()
print("  ".join(h.ljust(w[c]) for c, h in enumerate(head)))
print("  ".join("-" * w[c] for c in range(len(head))))
for r in rows:
    print("  ".join(v.ljust(w[c]) if c < 2 else v.rjust(w[c]) for c, v in enumerate(r)))

def find(name, key): return next(int(m[0]) for m in meta if m[1] == name and m[2] == key)
j1, j2 = med[find("lint --jobs 1", "corpus")], med[find("lint --jobs 2", "corpus")]
fixed = med[find("lint (minimal)", "empty")]
pfixed = med[find("parse --format json", "empty")]
g50, g500 = med[find("lint", "goals50")], med[find("lint", "goals500")]
lh, lf = med[find("parse --format json", "largehalf")], med[find("parse --format json", "large")]
print()
print("ratios within this run:")
print(f"  --jobs 1 / --jobs 2 on the corpus:       {j1 / j2:.2f}  (2 = perfect use of 2 cores)")
print(f"  lint 500 goals / 50 goals:               {g500 / g50:.1f}  (10 = linear)")
print(f"    same, less the fixed cost ({fmt_s(fixed)} s):  {(g500 - fixed) / (g50 - fixed):.1f}")
print(f"  parse large cell, full / half size:      {lf / lh:.2f}  (2 = linear)")
print(f"    same, less the fixed cost ({fmt_s(pfixed)} s): {(lf - pfixed) / (lh - pfixed):.2f}")
sheets = int(meta[find("lint --jobs 1", "corpus")][4])
print(f"  corpus lint --jobs 1, per sheet:         {(j1 - fixed) / sheets * 1000:.1f} ms"
      f"  (fixed cost per lint process: {fixed * 1000:.0f} ms)")
PY

# --- instructions (optional) ---------------------------------------------------------
if ((instructions)); then
    command -v valgrind >/dev/null || { echo "run.sh: --instructions needs valgrind" >&2; exit 2; }
    echo
    echo "== callgrind instruction counts (repeatable regardless of load; ~100× slower than native)" >&2
    # valgrind 3.19 cannot read the DWARF 5 that swiftc writes: count on a copy without it.
    vbin=$tmp/sheetlint-nodebug
    objcopy --strip-debug "$bin" "$vbin" 2>/dev/null || cp "$bin" "$vbin"
    small=$tmp/instr
    python3 benchmarks/gen_corpus.py examples/toshi-seisaku.md "$small" --sheets 0 --large-mb 0.5 --goals 5,25,50
    count() {  # label, then the sheetlint arguments; prints the instruction count (Ir)
        local label=$1; shift
        valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$vbin" "$@" >/dev/null 2>"$tmp/cg.err" || true
        local ir; ir=$(awk '/^(summary|totals):/ {print $2; exit}' "$tmp/cg.out" 2>/dev/null)
        [[ -n $ir ]] || { echo "run.sh: callgrind failed for $label:" >&2; tail -5 "$tmp/cg.err" >&2; ir=0; }
        echo "   $label: $ir" >&2
        echo "$ir"
    }
    lm=$(count "lint minimal sheet" lint --format json --jobs 1 "$corpus/empty.md")
    pm=$(count "parse minimal sheet" parse --format json "$corpus/empty.md")
    g5=$(count "lint 5-goal sheet" lint --format json --jobs 1 "$small/goals/goals-5.md")
    g25=$(count "lint 25-goal sheet" lint --format json --jobs 1 "$small/goals/goals-25.md")
    g50=$(count "lint 50-goal sheet" lint --format json --jobs 1 "$small/goals/goals-50.md")
    px=$(count "parse example" parse --format json "$example")
    c1=$(count "parse large cell 0.25 MB" parse --format json "$small/large-half/large.md")
    c2=$(count "parse large cell 0.5 MB" parse --format json "$small/large/large.md")
    echo
    echo "instruction counts (callgrind Ir; the same on any load):"
    printf '  %-28s %15s\n' "lint minimal sheet" "$lm" "parse minimal sheet" "$pm" \
        "lint 5-goal sheet" "$g5" "lint 25-goal sheet" "$g25" "lint 50-goal sheet" "$g50" \
        "parse example" "$px" "parse 0.25 MB cell" "$c1" "parse 0.5 MB cell" "$c2"
    python3 - "$g5" "$g25" "$g50" "$px" "$c1" "$c2" <<'PY'
import sys
g5, g25, g50, px, c1, c2 = map(int, sys.argv[1:])
if min(g5, g25, g50, px, c1, c2) > 0:
    a, b = (g25 - g5) / 20, (g50 - g25) / 25
    print(f"  per added goal, 5→25: {a / 1e6:.2f} M; 25→50: {b / 1e6:.2f} M; ratio {b / a:.2f} (1 = linear)")
    a, b = (c1 - px) / 0.25, (c2 - c1) / 0.25
    print(f"  per added MB of cell, 0→0.25 MB: {a / 1e6:.0f} M; 0.25→0.5 MB: {b / 1e6:.0f} M; ratio {b / a:.2f} (1 = linear)")
PY
fi
