#!/usr/bin/env python3
"""Acceptance check: `sheetlint parse --format json` on the real published sheet yields
exactly the facts of its `.expected.yaml` (header, fiscal year, item numbers of every list
and sub-list, every code and policy number in order, the start line of every goal).

usage: check_parse.py SHEETLINT_BINARY SHEET.md EXPECTED.yaml [ENCODING_NAME]
Exits 0 when every fact holds, 1 listing each fact that does not.
"""
import json
import subprocess
import sys

import yaml


def numbers(item_list):
    return [i["number"] for i in item_list["items"] if i["number"] is not None]


def subs(item_list):
    out = {}
    for item in item_list["items"]:
        if item["number"] is not None and item["subItems"]:
            out[item["number"]] = [s["number"] for s in item["subItems"]]
    return out


def start_line(node):
    return int(node["span"].split(":")[0])


def main():
    binary, sheet, expected_path = sys.argv[1:4]
    label = sys.argv[4] if len(sys.argv) > 4 else sheet
    run = subprocess.run([binary, "parse", sheet, "--format", "json"], capture_output=True, timeout=120)
    if run.returncode != 0:
        print(f"FAIL {label}: parse exited {run.returncode}: {run.stderr.decode(errors='replace')}")
        return 1
    model = json.loads(run.stdout)
    expected = yaml.safe_load(open(expected_path, encoding="utf-8"))
    failures = []

    def check(what, got, want):
        if got != want:
            failures.append(f"{what}: got {got!r}, want {want!r}")

    check("fiscalYear", model["fiscalYear"], expected["fiscalYear"])
    for key in ("department", "position", "name"):
        check(f"header.{key}", (model["header"][key] or "").replace(" ", "").replace("\u3000", ""),
              expected["header"][key].replace(" ", "").replace("\u3000", ""))
    check("mission", numbers(model["mission"]), expected["mission"])
    check("approaches.approach", [a["number"] for a in model["approaches"] if a["approach"] is not None],
          expected["approaches"]["approach"])
    check("approaches.review", [a["number"] for a in model["approaches"] if a["review"] is not None],
          expected["approaches"]["review"])

    for section, fields in (("annualGoals", ("plan", "results", "directions")),
                            ("midTermGoals", ("body", "schedule"))):
        got_goals, want_goals = model[section], expected[section]
        check(f"{section} count", len(got_goals), len(want_goals))
        for k, (got, want) in enumerate(zip(got_goals, want_goals)):
            where = f"{section}[{k}]"
            check(f"{where}.number", got["number"], want["number"])
            check(f"{where}.line", start_line(got), want["line"])
            check(f"{where}.title", got["title"], want["title"])
            for field in fields:
                check(f"{where}.{field}", numbers(got[field]), want[field])
                want_sub = (want.get("sub") or {}).get(field, {})
                check(f"{where}.{field} sub-items", subs(got[field]), want_sub)
            check(f"{where}.planCodes", [c["code"] for c in got["planCodes"]], want["planCodes"])
            check(f"{where}.policies", [p["number"] for p in got["policies"]], want["policies"])

    if failures:
        print(f"FAIL {label}: {len(failures)} fact(s) differ")
        for f in failures:
            print("  - " + f)
        return 1
    print(f"ok {label}: every expected fact holds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
