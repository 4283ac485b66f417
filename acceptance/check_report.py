#!/usr/bin/env python3
"""Acceptance check: `sheetlint report` on the real sheet writes every file of the audit
report, and its figures are those the sheet's `.expected.yaml` implies:
- placeholders left: the placeholder findings the expected file lists (0-0-0 and 0);
- completion per annual goal: plan items (n) with a result (n) and a direction (n), counted
  here from the expected file's item numbers;
- coverage: the default 総合計画 catalogue is partial, and the report says so;
- report.json validates against rules/schema/report.schema.json; the CSV files parse back,
  with a UTF-8 BOM and CRLF line ends.

usage: check_report.py SHEETLINT_BINARY SHEET.md EXPECTED.yaml SCHEMA.json
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

import jsonschema
import yaml

# The expected file's comment on goal 7 says its 課題・今後の方向性 is "free text, not
# numbered": unnumbered text answers every plan item.
FREE_TEXT = {7: {"directions"}}


def expected_completion(goal):
    free = FREE_TEXT.get(goal["number"], set())
    plan = goal["plan"]
    results = set(goal["results"])
    directions = set(goal["directions"])
    with_result = [n for n in plan if n in results or "results" in free]
    with_direction = [n for n in plan if n in directions or "directions" in free]
    complete = [n for n in plan if n in with_result and n in with_direction]
    return {"number": goal["number"], "planItems": len(plan), "withResult": len(with_result),
            "withDirection": len(with_direction), "complete": len(complete)}


def main():
    binary, sheet, expected_path, schema_path = sys.argv[1:5]
    expected = yaml.safe_load(open(expected_path, encoding="utf-8"))
    failures = []
    with tempfile.TemporaryDirectory() as out:
        run = subprocess.run([binary, "report", sheet, "--out", out], capture_output=True, timeout=120)
        if run.returncode != 0:
            print(f"FAIL report on the real sheet: exit {run.returncode}: {run.stderr.decode(errors='replace')}")
            return 1
        names = sorted(os.listdir(out))
        want = sorted(["index.html", "summary.md", "report.json", "findings.csv", "citations.csv", "coverage.csv", "completion.csv",
                       ".sheetlint-report"])
        if names != want:
            failures.append(f"files written: {names}")
        report = json.load(open(os.path.join(out, "report.json"), encoding="utf-8"))
        errors = sorted(jsonschema.Draft7Validator(json.load(open(schema_path))).iter_errors(report), key=str)
        if errors:
            failures.append(f"report.json does not validate: {errors[0].message}")

        sheet_fig = report["sheets"][0]
        if (sheet_fig["department"], sheet_fig["fiscalYear"], sheet_fig["stage"]) != (
                expected["header"]["department"], expected["fiscalYear"], "review"):
            failures.append(f"sheet: {sheet_fig['department']} {sheet_fig['fiscalYear']} {sheet_fig['stage']}")

        # Placeholders: the placeholder findings listed in the expected file.
        want_placeholders = sorted(f["line"] for f in expected["findings"]["errors"] if f["rule"].endswith("-placeholder"))
        got_placeholders = sorted(p["line"] for p in report["departments"][0]["placeholders"])
        if got_placeholders != want_placeholders or sheet_fig["placeholders"] != len(want_placeholders):
            failures.append(f"placeholders at lines {got_placeholders}, want {want_placeholders}")

        # Completion per annual goal and in total.
        want_goals = [expected_completion(g) for g in expected["annualGoals"]]
        got_goals = [{k: g[k] for k in ("number", "planItems", "withResult", "withDirection", "complete")}
                     for g in sheet_fig["completion"]["goals"]]
        if got_goals != want_goals:
            failures.append(f"completion per goal: {got_goals}, want {want_goals}")
        total = sum(g["complete"] for g in want_goals), sum(g["planItems"] for g in want_goals)
        c = sheet_fig["completion"]
        if (c["complete"], c["planItems"]) != total or abs(c["share"] - round(total[0] / total[1], 4)) > 1e-9:
            failures.append(f"completion {c['complete']}/{c['planItems']} ({c['share']}), want {total[0]}/{total[1]}")

        # The default 総合計画 catalogue is partial: the report must say so.
        plan = [t for t in report["coverage"] if t["catalog"] == "sogo-keikaku"]
        if not plan or plan[0]["catalogComplete"] is not False:
            failures.append("the 総合計画 coverage does not say its catalogue is incomplete")
        html = open(os.path.join(out, "index.html"), encoding="utf-8").read()
        if "このカタログは不完全です" not in html:
            failures.append("index.html does not flag the partial catalogue")
        cited = sorted({c for g in expected["annualGoals"] + expected["midTermGoals"] for c in g["planCodes"] if c != "0-0-0"})
        got_cited = sorted(r["key"] for r in plan[0]["rows"] if r["total"] > 0) if plan else []
        if got_cited != cited:
            failures.append(f"cited plan codes {got_cited}, want {cited}")

        # CSV files: BOM, CRLF, and the completion rows match report.json.
        for name in ["findings.csv", "citations.csv", "coverage.csv", "completion.csv"]:
            raw = open(os.path.join(out, name), "rb").read()
            if not raw.startswith(b"\xef\xbb\xbf") or b"\r\n" not in raw or b"\n" in raw.replace(b"\r\n", b""):
                failures.append(f"{name}: not UTF-8 with BOM and CRLF")
        rows = list(csv.DictReader(io.StringIO(open(os.path.join(out, "completion.csv"), encoding="utf-8-sig", newline="").read())))
        if [int(r["complete"]) for r in rows] != [g["complete"] for g in want_goals]:
            failures.append(f"completion.csv: {[r['complete'] for r in rows]}")
        findings = list(csv.DictReader(io.StringIO(open(os.path.join(out, "findings.csv"), encoding="utf-8-sig", newline="").read())))
        if len(findings) != report["overview"]["findings"]["total"]:
            failures.append(f"findings.csv has {len(findings)} rows, report.json counts {report['overview']['findings']['total']}")

    if failures:
        print(f"FAIL report on the real sheet: {len(failures)} problem(s)")
        for f in failures:
            print("  " + f)
        return 1
    print(f"ok report on the real sheet: {len(want_placeholders)} placeholders, completion {total[0]}/{total[1]}, "
          f"{report['overview']['findings']['total']} findings, partial catalogue flagged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
