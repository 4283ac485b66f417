#!/usr/bin/env python3
"""Acceptance check: the style findings on the real sheet (notation-variance,
mixed-width-brackets) match the sheet's actual usage, and each covers exactly the
characters it is about.

- Each notation group is counted on the sheet's own prose the way a reader would: 取組状況
  is a fixed compound (not the variant 取組), こども after a particle (校区のこどもたち) is
  こども, and a cited policy title (みんなで取り組み支え合う…) is not the department's notation.
- Every style finding's span, read back from the file, is the variant it names.

usage: check_style.py SHEETLINT_BINARY SHEET.md
"""
import json
import re
import subprocess
import sys


def main():
    binary, sheet = sys.argv[1:3]
    run = subprocess.run([binary, "lint", "--format", "json", sheet], capture_output=True, timeout=120)
    report = json.loads(run.stdout)
    lines = open(sheet, encoding="utf-8").read().split("\n")
    failures = []
    style = [d for d in report["diagnostics"] if d["ruleId"] in ("notation-variance", "mixed-width-brackets")]
    groups = {}
    for d in style:
        text = lines[d["line"] - 1][d["column"] - 1:d["endColumn"] - 1] if d["line"] == d["endLine"] else None
        m = re.search(r"（「(.+?)」と「(.+?)」）|「(.+?)」が \d+ 箇所、多いのは「(.+?)」", d["message"])
        if not m:
            failures.append(f"{d['ruleId']} at {d['line']}:{d['column']}: message names no variant: {d['message']}")
            continue
        variant, expected = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        # The span holds the variant (for brackets, one of its two characters).
        if text is None or not (text == variant or (len(variant) == 2 and text in variant)):
            failures.append(f"{d['ruleId']} at {d['line']}:{d['column']}-{d['endLine']}:{d['endColumn']} covers "
                            f"{text!r}, not the variant {variant!r}")
        group = re.search(r"「(.+?)」の表記", d["message"])
        groups[group.group(1) if group else "括弧"] = (variant, expected)

    # What the sheet's prose uses, as a person reading it counts.
    want = {"範囲の記号": ("~", "～"), "子ども": ("子ども", "こども"), "括弧": ("（）", "()")}
    if groups != want:
        failures.append(f"style findings {groups}, want {want}")
    if any("取組状況" in lines[d["line"] - 1][d["column"] - 1:d["column"] + 3] for d in style):
        failures.append("取組状況 reported as a notation variant")

    for f in failures:
        print(f"FAIL style: {f}")
    if not failures:
        print(f"ok style on the real sheet: {len(style)} findings, each at the characters it names")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
