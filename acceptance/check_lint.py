#!/usr/bin/env python3
"""Acceptance check: `sheetlint lint --format json` on the real sheet reports exactly the
errors and warnings listed under `findings` in its `.expected.yaml` (rule and line), no
other error or warning, and exits 1.

usage: check_lint.py SHEETLINT_BINARY SHEET.md EXPECTED.yaml
"""
import json
import subprocess
import sys

import yaml

# Lines the expected file names as also acceptable for a finding (its comments say so).
ALSO_ACCEPTABLE = {("plan-item-without-direction", 67): {66, 67}}


def main():
    binary, sheet, expected_path = sys.argv[1:4]
    run = subprocess.run([binary, "lint", "--format", "json", sheet], capture_output=True, timeout=120)
    failures = []
    if run.returncode != 1:
        failures.append(f"exit status {run.returncode}, want 1 ({run.stderr.decode(errors='replace').strip()})")
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError as e:
        print(f"FAIL lint: output is not JSON: {e}")
        return 1
    expected = yaml.safe_load(open(expected_path, encoding="utf-8"))["findings"]
    want = [("error", f["rule"], f["line"]) for f in expected["errors"]]
    want += [("warning", f["rule"], f["line"]) for f in expected["warnings"]]
    got = [(d["severity"], d["ruleId"], d["line"]) for d in report["diagnostics"] if d["severity"] in ("error", "warning")]

    unmatched = list(got)
    for severity, rule, line in want:
        lines = ALSO_ACCEPTABLE.get((rule, line), {line})
        hit = next((g for g in unmatched if g[0] == severity and g[1] == rule and g[2] in lines), None)
        if hit is None:
            failures.append(f"missing {severity} {rule} at line {line}")
        else:
            unmatched.remove(hit)
    for severity, rule, line in unmatched:
        failures.append(f"unexpected {severity} {rule} at line {line}")
    for d in report["diagnostics"]:
        for key in ("ruleId", "severity", "message", "file", "line", "column", "endLine", "endColumn", "path"):
            if key not in d:
                failures.append(f"diagnostic lacks '{key}': {d}")
                break
    if failures:
        print(f"FAIL lint on the real sheet: {len(failures)} problem(s)")
        for f in failures:
            print("  - " + f)
        return 1
    print(f"ok lint on the real sheet: exactly the {len(want)} expected errors and warnings, exit 1")
    return 0


if __name__ == "__main__":
    sys.exit(main())
