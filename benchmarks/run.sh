#!/usr/bin/env bash
# sheetlint benchmark: builds sheetlint in release, generates a corpus (copies of the real
# sheet when ../shared/fixtures/real is present, and of our own example), and times
# sheetlint against plain passes over the same bytes (grep, cat) and, with --prev, against
# an earlier build, all interleaved in one run. It reports medians, ratios and each target
# of docs/performance.md; it never passes or fails on speed (it is a measurement, not a
# test).
#
# Usage: benchmarks/run.sh [options]
#   --sheets N          sheets in the small corpus; the large one has 10×N (default 200)
#   --runs R            timed rounds; every command runs once per round, in turn (default 3)
#   --large-mb M        size of the big cell of the large-cell sheet, in MiB (default 9.5:
#                       the reader refuses files over 10 MiB)
#   --huge-goals G      goals in the many-goals sheet (default 9000, about 10 MB; 0 = none)
#   --mem-sheets M      sheets (hard links) for the peak-memory run of the build (default 20000)
#   --prev-mem-sheets M the same for --prev, which may be much slower (default 2000)
#   --scratch-path DIR  passed to `swift build` (e.g. .build-bench, to leave .build alone)
#   --static            build with --static-swift-stdlib (the Swift runtime and Foundation
#                       linked in, as scripts/package.sh ships it; in .build-static
#                       unless --scratch-path says otherwise, so it does not replace .build)
#   --no-build          use an existing release build (from --scratch-path or .build)
#   --bin PATH          time this sheetlint binary instead (no build)
#   --prev PATH         also time this earlier build (the previous release) with every
#                       sheetlint command, interleaved with --bin's, and report new/prev
#   --no-real           do not use ../shared/fixtures/real even when it is present
#   --no-hyperfine      time with bash even if hyperfine is installed
#   --instructions      also count instructions with valgrind/callgrind (slow: minutes;
#                       independent of machine load)
#   --smoke             a few seconds: tiny corpus, one round, no huge sheets (for CI; the
#                       figures mean nothing)
#   --keep              keep the generated corpus and raw timings (path is printed)
set -euo pipefail

sheets=200 runs=3 large_mb=9.5 huge_goals=9000 mem_sheets=20000 prev_mem_sheets=2000
scratch="" static=0 build=1 bin="" prev="" use_real=1 use_hyperfine=1 instructions=0 keep=0 smoke=0
while (($#)); do
    case "$1" in
        --sheets) sheets=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --large-mb) large_mb=$2; shift 2 ;;
        --huge-goals) huge_goals=$2; shift 2 ;;
        --mem-sheets) mem_sheets=$2; shift 2 ;;
        --prev-mem-sheets) prev_mem_sheets=$2; shift 2 ;;
        --scratch-path) scratch=$2; shift 2 ;;
        --static) static=1; shift ;;
        --no-build) build=0; shift ;;
        --bin) bin=$2; build=0; shift 2 ;;
        --prev) prev=$2; shift 2 ;;
        --no-real) use_real=0; shift ;;
        --no-hyperfine) use_hyperfine=0; shift ;;
        --instructions) instructions=1; shift ;;
        --smoke) smoke=1; shift ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
        *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
if ((smoke)); then
    sheets=3 runs=1 large_mb=0.05 huge_goals=0 mem_sheets=30 prev_mem_sheets=30
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
command -v python3 >/dev/null || { echo "run.sh: python3 is needed to generate the corpus" >&2; exit 2; }

# --- build -------------------------------------------------------------------------
build_args=(-c release --product sheetlint)
# The static build goes to its own scratch path unless told otherwise, so it never replaces
# the plain build in .build.
((static)) && [[ -z $scratch ]] && scratch=.build-static
[[ -n $scratch ]] && build_args+=(--scratch-path "$scratch")
((static)) && build_args+=(--static-swift-stdlib)
if ((build)); then
    echo "== building: swift build ${build_args[*]}" >&2
    swift build "${build_args[@]}" >&2
fi
abspath() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
if [[ -n $bin ]]; then
    bin=$(abspath "$bin")
    built_from="binary $bin"
else
    bin="$(swift build "${build_args[@]}" --show-bin-path)/sheetlint"
    built_from="working tree at $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- Sources 2>/dev/null || echo ' (+ uncommitted Sources changes)')"
fi
[[ -x $bin ]] || { echo "run.sh: no sheetlint at $bin (build first, or drop --no-build)" >&2; exit 2; }
if [[ -n $prev ]]; then
    prev=$(abspath "$prev")
    [[ -x $prev ]] || { echo "run.sh: --prev $prev is not an executable" >&2; exit 2; }
fi
# How a binary links the Swift runtime: the one-sheet and --version times depend on it (the
# dynamic loader relocates libswiftCore, Foundation and ICU at every start), so the report
# says which build each figure is for. The shipped release (scripts/package.sh) is static.
linkage() {
    command -v ldd >/dev/null || { echo "unknown"; return; }
    # ldd's whole output first: `ldd | grep -q` under pipefail fails when grep quits early.
    local libs; libs=$(ldd "$1" 2>/dev/null || true)
    if grep -qE 'swift|Foundation|dispatch|BlocksRuntime|icu' <<<"$libs"; then echo "plain"; else echo "static"; fi
}
bin_link=$(linkage "$bin"); prev_link=""; [[ -n $prev ]] && prev_link=$(linkage "$prev")

# --- corpus --------------------------------------------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sheetlint-bench.XXXXXX")
if ((keep)); then echo "== keeping $tmp" >&2; else trap 'rm -rf "$tmp"' EXIT; fi
corpus=$tmp/corpus
example=examples/toshi-seisaku.md
# The real sheet is public data the project does not ship: it is read from ../shared and
# copied only into this temporary corpus.
real=""
if ((use_real)) && [[ -f ../shared/fixtures/real/toyonaka-r4-toshikeiei.md ]]; then
    real=$(abspath ../shared/fixtures/real/toyonaka-r4-toshikeiei.md)
fi
copies=$(abspath "$example")${real:+,$real}
big=$((sheets * 10))
echo "== generating the corpus in $corpus" >&2
goals="50,500"; ((huge_goals > 0)) && goals+=",$huge_goals"
python3 benchmarks/gen_corpus.py "$example" "$corpus" --sheets 0 --large-mb "$large_mb" --goals "$goals" \
    --copies "$copies" --copies-sheets "$sheets,$big"
# a minimal sheet (title, header, mission: 572 bytes) for the fixed cost of a process
awk '/^2\. /{exit} {print}' "$example" >"$corpus/empty.md"
one=${real:-$(abspath "$example")}

# --- commands ------------------------------------------------------------------------
# Each command: a name, an input key, which binary ("-" for grep/cat, "new", "prev") and
# the shell words (quoted with %q). Every input has a grep over the same bytes: the unit
# of the "× grep" ratios.
q() { printf '%q ' "$@"; }
names=() inputs=() who=() cmds=()
add() { names+=("$1"); inputs+=("$2"); who+=("$3"); cmds+=("$4"); }
declare -A input_label input_files input_paths
input() {  # key, label, number of files, paths...
    local k=$1; input_label[$k]=$2; input_files[$k]=$3; shift 3; input_paths[$k]="$(q "$@")"
}
small_files=("$corpus/copies-$sheets"/*.md)
big_files=("$corpus/copies-$big"/*.md)
input small "$sheets sheets (dir)" "$sheets" "${small_files[@]}"
input big "$big sheets (dir)" "$big" "${big_files[@]}"
input one "one sheet ($(basename "$one"))" 1 "$one"
input empty "minimal sheet" 1 "$corpus/empty.md"
input none "(no input)" 0
input goals50 "50-goal sheet" 1 "$corpus/goals/goals-50.md"
input goals500 "500-goal sheet" 1 "$corpus/goals/goals-500.md"
if [[ -f $corpus/large/large.md ]]; then
    input cell "large-cell sheet" 1 "$corpus/large/large.md"
    input cellhalf "half large-cell sheet" 1 "$corpus/large-half/large.md"
fi
((huge_goals > 0)) && input goalsbig "$huge_goals-goal sheet" 1 "$corpus/goals/goals-$huge_goals.md"

for k in big small one goals50 goals500 cellhalf cell goalsbig; do
    [[ -n ${input_label[$k]:-} ]] || continue
    # grep writes to a file: to /dev/null GNU grep would stop at the first match.
    add "grep -c 0-0-0" "$k" - "grep -c 0-0-0 ${input_paths[$k]}"
done
add "cat > /dev/null" big - "cat ${input_paths[big]}"
bins=(new); [[ -n $prev ]] && bins+=(prev)
for b in "${bins[@]}"; do
    exe=$bin; [[ $b == prev ]] && exe=$prev
    lint="$(q "$exe") lint --format json --jobs 1"
    add "lint --jobs 1" big "$b" "$lint $(q "$corpus/copies-$big")"
    add "lint --jobs 1" small "$b" "$lint $(q "$corpus/copies-$sheets")"
    add "lint --jobs 2" big "$b" "$(q "$exe") lint --format json --jobs 2 $(q "$corpus/copies-$big")"
    add "lint --jobs 2" small "$b" "$(q "$exe") lint --format json --jobs 2 $(q "$corpus/copies-$sheets")"
    add "lint" one "$b" "$lint ${input_paths[one]}"
    add "lint" empty "$b" "$lint ${input_paths[empty]}"
    add "--version" none "$b" "$(q "$exe") --version"
    add "lint" goals50 "$b" "$lint ${input_paths[goals50]}"
    add "lint" goals500 "$b" "$lint ${input_paths[goals500]}"
    if [[ -n ${input_label[cell]:-} ]]; then
        add "lint" cellhalf "$b" "$lint ${input_paths[cellhalf]}"
        add "lint" cell "$b" "$lint ${input_paths[cell]}"
    fi
    [[ -n ${input_label[goalsbig]:-} ]] && add "lint" goalsbig "$b" "$lint ${input_paths[goalsbig]}"
done

declare -A input_bytes
for k in "${!input_label[@]}"; do
    if [[ $k == none ]]; then input_bytes[$k]=0; else input_bytes[$k]=$(eval "cat ${input_paths[$k]}" | wc -c); fi
done

# --- timing --------------------------------------------------------------------------
now_us() {  # wall clock in microseconds, without forking when bash has EPOCHREALTIME
    if [[ -n ${EPOCHREALTIME:-} ]]; then local t=${EPOCHREALTIME/[.,]/}; echo "${t#0}"
    else echo $(( $(date +%s%N) / 1000 )); fi
}
have_hyperfine=0
((use_hyperfine)) && command -v hyperfine >/dev/null && have_hyperfine=1
out=$tmp/out

# One untimed round first: warms the page cache and checks every command works.
echo "== warm-up round (also checks exit statuses)" >&2
for i in "${!cmds[@]}"; do
    set +e; eval "${cmds[i]}" >"$out" 2>"$tmp/err"; rc=$?; set -e
    # grep: 1 = no match; sheetlint lint: 1 = the gate fails (findings), expected here
    if ((rc > 1)) || { [[ ${names[i]} == cat* || ${names[i]} == --version ]] && ((rc != 0)); }; then
        echo "run.sh: '${names[i]}' on ${inputs[i]} (${who[i]}) exited $rc:" >&2; head -20 "$tmp/err" >&2; exit 2
    fi
done

times_dir=$tmp/times; mkdir -p "$times_dir"
if ((have_hyperfine)); then timer="hyperfine $(hyperfine --version | awk '{print $2}') (-N, 1 run per command per round)"
else timer="bash \$EPOCHREALTIME / date +%s%N"; fi
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
echo "== $runs rounds × ${#cmds[@]} commands, interleaved; timer: $timer" >&2
for ((r = 1; r <= runs; r++)); do
    echo "   round $r/$runs (load $(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?'))" >&2
    for i in "${!cmds[@]}"; do
        target=$out; [[ ${names[i]} == cat* ]] && target=/dev/null
        if ((have_hyperfine)); then
            hyperfine -N -i --runs 1 --style none --output="$target" \
                --export-json "$tmp/hf.json" "${cmds[i]}" >/dev/null 2>"$tmp/hf.err" \
                || { cat "$tmp/hf.err" >&2; exit 2; }
            python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["times"][0])' \
                "$tmp/hf.json" >>"$times_dir/$i"
        else
            t0=$(now_us); eval "${cmds[i]}" >"$target" 2>/dev/null || true; t1=$(now_us)
            echo "$(( t1 - t0 ))e-6" >>"$times_dir/$i"
        fi
    done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

# --- peak memory -----------------------------------------------------------------------
# Many sheets, copies of the large corpus's files (not hard links: sheetlint reads a file
# reached twice only once), linted once per binary; peak resident memory from getrusage.
peak_kb() {  # command words...; prints max RSS in KiB
    python3 - "$@" <<'PY'
import resource, subprocess, sys
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
# lint exits 1 when the gate fails (these sheets have findings); 2 or worse is a failure
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if r.returncode in (0, 1) else -1)
PY
}
mem_dir() {  # count → directory of that many copies
    local n=$1 d=$tmp/mem-$1
    if [[ ! -d $d ]]; then
        mkdir -p "$d"
        python3 - "$d" "$n" "${big_files[@]}" <<'PY'
import shutil, sys
d, n, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
for i in range(n):
    shutil.copyfile(files[i % len(files)], f"{d}/m-{i:05d}.md")
PY
    fi
    echo "$d"
}
echo "== peak memory" >&2
mem_rows=()
for b in "${bins[@]}"; do
    exe=$bin; n=$mem_sheets; [[ $b == prev ]] && { exe=$prev; n=$prev_mem_sheets; }
    counts=("$n"); ((n != prev_mem_sheets)) && [[ -n $prev ]] && counts=("$prev_mem_sheets" "$n")
    for c in "${counts[@]}"; do
        d=$(mem_dir "$c")
        t0=$(now_us); kb=$(peak_kb "$exe" lint --format json --jobs 2 "$d"); t1=$(now_us)
        mem_rows+=("$b	$c	$kb	$(( t1 - t0 ))")
        ((kb >= 0)) || { echo "run.sh: $b failed on $c sheets (peak memory run)" >&2; exit 2; }
        echo "   $b, $c sheets: $((kb / 1024)) MiB" >&2
    done
done
printf '%s\n' "${mem_rows[@]}" >"$tmp/mem.tsv"

# --- report --------------------------------------------------------------------------
for i in "${!cmds[@]}"; do
    k=${inputs[i]}
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "${names[i]}" "$k" "${who[i]}" "${input_label[$k]}" \
        "${input_files[$k]}" "${input_bytes[$k]}"
done >"$tmp/meta.tsv"

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
echo
echo "sheetlint benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores${cpu:+ ($cpu)}"
echo "load average before / after the timed rounds: $load_before / $load_after"
link_text() {
    case $1 in
        plain) echo "plain build: the Swift runtime and Foundation loaded dynamically (swift build -c release)" ;;
        static) echo "static build: the Swift runtime and Foundation linked in (--static-swift-stdlib, as scripts/package.sh ships it)" ;;
        *) echo "linkage unknown (no ldd)" ;;
    esac
}
echo "new:  sheetlint $("$bin" --version), $built_from; $(link_text "$bin_link")"
[[ -n $prev ]] && echo "prev: sheetlint $("$prev" --version), binary $prev; $(link_text "$prev_link")"
echo "corpus: copies of $(basename "$example")${real:+ and the real sheet (../shared/fixtures/real)}, in turn"
echo "timer: $timer; $runs rounds, medians"
((smoke)) && echo "(--smoke: a tiny corpus and one round; these figures mean nothing)"
python3 - "$tmp/meta.tsv" "$times_dir" "$tmp/mem.tsv" "$sheets" "$big" "$bin_link" "$prev_link" <<'PY'
import statistics, sys, os
links = {"new": sys.argv[6], "prev": sys.argv[7]}
meta = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
times = {int(m[0]): [float(x) for x in open(os.path.join(sys.argv[2], m[0]))] for m in meta}
mem = [l.rstrip("\n").split("\t") for l in open(sys.argv[3]) if l.strip()]
small, big = int(sys.argv[4]), int(sys.argv[5])
med = {i: statistics.median(t) for i, t in times.items()}
info = {int(m[0]): m[1:] for m in meta}   # name, key, who, label, files, bytes
grep_of = {m[2]: int(m[0]) for m in meta if m[1].startswith("grep")}
has_prev = any(m[3] == "prev" for m in meta)

def find(name, key, who):
    for i, (n, k, w, *_r) in info.items():
        if n == name and k == key and w == who:
            return i
    return None

def t(name, key, who="new"):
    i = find(name, key, who)
    return med[i] if i is not None else None

def fs(s):
    return "—" if s is None else (f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s")

def ratio(a, b):
    return "—" if a is None or b is None or b == 0 else (f"{a / b:.2f}" if a / b < 10 else f"{a / b:.0f}")

# Every sheetlint command: new, prev, new/prev, × grep, MB/s
rows = []
for i, (name, key, who, label, nfiles, nbytes) in info.items():
    if who != "new" and who != "-":
        continue
    g = grep_of.get(key)
    p = find(name, key, "prev") if who == "new" else None
    mb = int(nbytes) / med[i] / 1e6 if int(nbytes) else None
    rows.append((name, label, fs(med[i]), fs(med[p]) if p is not None else "", ratio(med[i], med[p]) if p is not None else "",
                 "1" if g == i else ratio(med[i], med[g]) if g is not None else "",
                 ratio(med[p], med[g]) if p is not None and g is not None else "",
                 f"{mb:.2f}" if mb is not None else ""))
head = ("command", "input", "new", "prev", "new/prev", "new × grep", "prev × grep", "new MB/s")
w = [max(len(r[c]) for r in rows + [head]) for c in range(len(head))]
print()
print("  ".join(h.ljust(w[c]) for c, h in enumerate(head)))
print("  ".join("-" * w[c] for c in range(len(head))))
for r in rows:
    print("  ".join(v.ljust(w[c]) if c < 2 else v.rjust(w[c]) for c, v in enumerate(r)))

# The targets of docs/performance.md, for the new build and (when given) the previous one.
def figures(who):
    out = {}
    bi = find("lint --jobs 1", "big", who)
    if bi is not None:
        out["mbps"] = int(info[bi][5]) / med[bi] / 1e6
        out["mbps_grep"] = med[bi] / med[grep_of["big"]]
    j1, j2 = t("lint --jobs 1", "small", who), t("lint --jobs 2", "small", who)
    out["jobs"] = j1 / j2 if j1 and j2 else None
    bj1, bj2 = t("lint --jobs 1", "big", who), t("lint --jobs 2", "big", who)
    out["jobsbig"] = bj1 / bj2 if bj1 and bj2 else None
    out["one"] = t("lint", "one", who)
    out["version"] = t("--version", "none", who)
    b = t("lint --jobs 1", "big", who)
    out["sheets"] = b / j1 if b and j1 else None
    g50, g500 = t("lint", "goals50", who), t("lint", "goals500", who)
    out["goals"] = g500 / g50 if g50 and g500 else None
    out["cell"] = t("lint", "cell", who)
    ch = t("lint", "cellhalf", who)
    out["cellratio"] = out["cell"] / ch if out["cell"] and ch else None
    out["goalsbig"] = t("lint", "goalsbig", who)
    m = [r for r in mem if r[0] == who]
    out["mem"] = [(int(r[1]), int(r[2]) / 1024, int(r[3]) / 1e6) for r in m]
    return out

new = figures("new")
prev = figures("prev") if has_prev else None
def row(target, key, fmt, goal):
    a = fmt(new.get(key))
    b = fmt(prev.get(key)) if prev else ""
    return (target, goal, a, b)
f2 = lambda x: "—" if x is None else f"{x:.2f}"
fmb = lambda x: "—" if x is None else f"{x:.2f} MB/s"
fms = lambda x: "—" if x is None else f"{x * 1000:.1f} ms"
fsec = lambda x: "—" if x is None else f"{x:.2f} s"
def fmem(ms):
    return "; ".join(f"{n} sheets: {mib:.0f} MiB ({s:.1f} s)" for n, mib, s in ms) or "—"
targets = [
    row(f"lint --jobs 1, {big} sheets (MB/s per core)", "mbps", fmb, "≥ 25 MB/s"),
    row("  the same, × grep", "mbps_grep", f2, ""),
    row(f"speed-up of --jobs 2 ({big} sheets)", "jobsbig", f2, "≥ 1.8 (quiet machine)"),
    row(f"  the same on {small} sheets", "jobs", f2, ""),
    row("one sheet, end to end", "one", fms, "≤ 15 ms"),
    row("--version", "version", fms, "≤ 10 ms"),
    row(f"{big} / {small} sheets (time ratio)", "sheets", f2, "≤ 10.5"),
    row("500 / 50 goals (time ratio)", "goals", f2, "≤ 10.5"),
    row("large-cell sheet (~10 MiB)", "cell", fsec, "seconds"),
    row("  full / half cell (time ratio)", "cellratio", f2, "2 = linear"),
    row("many-goals sheet (~10 MB)", "goalsbig", fsec, "seconds"),
    ("peak memory, --jobs 2", "≤ 150 MB for 20000", fmem(new["mem"]), fmem(prev["mem"]) if prev else ""),
]
print()
print("targets (ratios and figures from this one run):")
head = ("target", "goal", f"new ({links['new']})", f"prev ({links['prev']})" if prev else "")
w = [max(len(r[c]) for r in targets + [head]) for c in range(4)]
print("  " + "  ".join(h.ljust(w[c]) for c, h in enumerate(head)))
for r in targets:
    print("  " + "  ".join(v.ljust(w[c]) for c, v in enumerate(r)))
# The process-start figures depend on how the runtime is linked and include the timer's own
# fork and exec, which grep pays too: say both, so no figure is read for another build.
g = t("grep -c 0-0-0", "one", "-")
print(f"  one sheet and --version are for the {links['new']} build" +
      (f" (prev: {links['prev']})" if prev else "") +
      "; the shipped release is static (scripts/package.sh; measure it with --static)." +
      (f" The timer charges grep -c on the same sheet {fs(g)}." if g is not None else ""))
PY

# --- instructions (optional) ---------------------------------------------------------
if ((instructions)); then
    command -v valgrind >/dev/null || { echo "run.sh: --instructions needs valgrind" >&2; exit 2; }
    echo
    echo "== callgrind instruction counts (repeatable regardless of load; ~100× slower than native)" >&2
    small_dir=$tmp/instr
    python3 benchmarks/gen_corpus.py "$example" "$small_dir" --sheets 0 --large-mb 0.5 --goals 5,25,50
    count() {  # binary, label, then the sheetlint arguments; prints the instruction count (Ir)
        local exe=$1 label=$2; shift 2
        valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$exe" "$@" >/dev/null 2>"$tmp/cg.err" || true
        local ir; ir=$(awk '/^(summary|totals):/ {print $2; exit}' "$tmp/cg.out" 2>/dev/null)
        [[ -n $ir ]] || { echo "run.sh: callgrind failed for $label:" >&2; tail -5 "$tmp/cg.err" >&2; ir=0; }
        echo "   $label: $ir" >&2
        echo "$ir"
    }
    echo
    echo "instruction counts (callgrind Ir; the same on any load):"
    for b in "${bins[@]}"; do
        exe=$bin; [[ $b == prev ]] && exe=$prev
        # valgrind 3.19 cannot read the DWARF 5 that swiftc writes: count on a copy without it.
        vbin=$tmp/sheetlint-$b
        objcopy --strip-debug "$exe" "$vbin" 2>/dev/null || cp "$exe" "$vbin"
        v=$(count "$vbin" "$b --version" --version)
        lm=$(count "$vbin" "$b lint minimal" lint --format json --jobs 1 "$corpus/empty.md")
        lo=$(count "$vbin" "$b lint one sheet" lint --format json --jobs 1 "$one")
        g5=$(count "$vbin" "$b lint 5 goals" lint --format json --jobs 1 "$small_dir/goals/goals-5.md")
        g25=$(count "$vbin" "$b lint 25 goals" lint --format json --jobs 1 "$small_dir/goals/goals-25.md")
        g50=$(count "$vbin" "$b lint 50 goals" lint --format json --jobs 1 "$small_dir/goals/goals-50.md")
        c1=$(count "$vbin" "$b lint 0.25 MB cell" lint --format json --jobs 1 "$small_dir/large-half/large.md")
        c2=$(count "$vbin" "$b lint 0.5 MB cell" lint --format json --jobs 1 "$small_dir/large/large.md")
        python3 - "$b" "$v" "$lm" "$lo" "$g5" "$g25" "$g50" "$c1" "$c2" <<'PY'
import sys
b = sys.argv[1]
v, lm, lo, g5, g25, g50, c1, c2 = map(int, sys.argv[2:])
for label, n in [("--version", v), ("lint minimal sheet", lm), ("lint one sheet", lo),
                 ("lint 5 / 25 / 50 goals", None), ("lint 0.25 / 0.5 MB cell", None)]:
    if n is not None:
        print(f"  {b:4} {label:26} {n:>15,}")
print(f"  {b:4} {'lint 5 / 25 / 50 goals':26} {g5:>15,} {g25:>15,} {g50:>15,}")
print(f"  {b:4} {'lint 0.25 / 0.5 MB cell':26} {c1:>15,} {c2:>15,}")
if min(g5, g25, g50) > 0 and g25 > g5:
    a, c = (g25 - g5) / 20, (g50 - g25) / 25
    print(f"  {b:4} per added goal, 5→25: {a / 1e6:.2f} M; 25→50: {c / 1e6:.2f} M; ratio {c / a:.2f} (1 = linear)")
if lo > lm > 0:
    print(f"  {b:4} one sheet less the minimal one: {(lo - lm) / 1e6:.1f} M")
PY
    done
fi
