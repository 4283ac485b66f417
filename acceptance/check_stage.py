#!/usr/bin/env python3
"""Acceptance check of the stage gate on the real sheet:

- the published sheet is inferred as `review` (its findings are check_lint.py's);
- its goal-setting form (goal_setting_form.py: the same file with the 実績, 課題・今後の方向性
  and 取り組みの総括 cells emptied, made here, never committed) reads with the same seven
  annual goals, numbers, titles, plan items, schedules and citations, the same mid-term
  goals, and no result, direction or 総括 left;
- the form passes at `auto` (inferred `plan`) and at `--stage plan` with only the sheet's
  citation placeholders as errors, and fails at `--stage review` with exactly one
  result-missing and one direction-missing per annual goal and one approach-without-review
  per 方針 added.

usage: check_stage.py SHEETLINT_BINARY SHEET.md EXPECTED.yaml WORK_DIR
"""
import json
import os
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
REVIEW_RULES = {"result-missing", "plan-item-without-result", "result-without-plan", "direction-missing",
                "plan-item-without-direction", "approach-without-review"}


def run(args):
    return subprocess.run(args, capture_output=True, timeout=120)


def strip_spans(value):
    if isinstance(value, dict):
        return {k: strip_spans(v) for k, v in value.items() if k != "span"}
    if isinstance(value, list):
        return [strip_spans(v) for v in value]
    return value


def main():
    binary, sheet, expected_path, work = sys.argv[1:5]
    expected = yaml.safe_load(open(expected_path, encoding="utf-8"))
    failures = []

    def check(what, got, want):
        if got != want:
            failures.append(f"{what}: got {got!r}, want {want!r}")

    def lint(path, *extra):
        r = run([binary, "lint", "--format", "json", *extra, path])
        try:
            return r.returncode, json.loads(r.stdout)
        except json.JSONDecodeError:
            failures.append(f"lint {' '.join(extra)} {path}: not JSON (exit {r.returncode}): {r.stderr[:300]!r}")
            return r.returncode, {"diagnostics": [], "sheets": []}

    def parse(path):
        r = run([binary, "parse", path, "--format", "json"])
        if r.returncode != 0:
            failures.append(f"parse {path}: exit {r.returncode}")
            return {}
        return json.loads(r.stdout)

    def found(report, severities=("error", "warning")):
        return sorted((d["severity"], d["ruleId"], d["line"]) for d in report["diagnostics"] if d["severity"] in severities)

    # The published sheet: a year-end review, inferred.
    _, original = lint(sheet)
    check("stage of the published sheet", original.get("sheets"), [{"file": original["sheets"][0]["file"] if original.get("sheets") else "", "stage": "review", "stageSource": "inferred"}])

    # Text output states the inferred stage once, on a note line that is not a finding.
    text = run([binary, "lint", "--lang", "en", sheet]).stdout.decode()
    notes = [line for line in text.splitlines() if ": info: checked at stage" in line]
    check("stage notes in text output", [n.split(": info: ")[1].split(",")[0] for n in notes], ["checked at stage review (year-end review)"])
    counts = {s: sum(1 for d in original["diagnostics"] if d["severity"] == s) for s in ("error", "warning", "info")}
    summary = f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} infos in 1 file"
    check("text summary counts the findings only", summary in text, True)

    # Its goal-setting form, made now.
    form = os.path.join(work, "goal-setting-form.md")
    made = run([sys.executable, os.path.join(HERE, "goal_setting_form.py"), sheet, form])
    if made.returncode != 0:
        print(f"FAIL stage: could not make the goal-setting form: {made.stderr.decode(errors='replace')}")
        return 1
    a, b = parse(sheet), parse(form)
    goals_a, goals_b = a.get("annualGoals", []), b.get("annualGoals", [])
    check("annual goal numbers of the form", [g["number"] for g in goals_b], [g["number"] for g in expected["annualGoals"]])
    check("annual goal start lines of the form", [int(g["span"].split(":")[0]) for g in goals_b],
          [g["line"] for g in expected["annualGoals"]])
    for key in ("title", "plan", "planCodes", "policies"):
        check(f"annualGoals[].{key} of the form", [strip_spans(g[key]) for g in goals_b],
              [strip_spans(g[key]) for g in goals_a])
    check("midTermGoals of the form", strip_spans(b.get("midTermGoals")), strip_spans(a.get("midTermGoals")))
    check("mission of the form", strip_spans(b.get("mission")), strip_spans(a.get("mission")))
    check("approaches of the form", [x["approach"] for x in b.get("approaches", [])],
          [x["approach"] for x in a.get("approaches", [])])
    check("results, directions and 総括 left in the form",
          [g["number"] for g in goals_b if g["results"]["items"] or g["directions"]["items"]]
          + [x["number"] for x in b.get("approaches", []) if x["review"] is not None], [])

    # The form at auto and at plan: only the citation placeholders are errors.
    status, auto = lint(form)
    check("stage of the form at auto", [(s["stage"], s["stageSource"]) for s in auto.get("sheets", [])], [("plan", "inferred")])
    placeholders = sorted(("error", f["rule"], f["line"]) for f in expected["findings"]["errors"])
    check("errors of the form at auto", found(auto, ("error",)), placeholders)
    check("exit status of the form at auto", status, 1)
    check("review-stage findings of the form at auto", [d for d in auto["diagnostics"] if d["ruleId"] in REVIEW_RULES], [])
    _, plan = lint(form, "--stage", "plan")
    check("findings of the form at --stage plan", found(plan, ("error", "warning", "info")), found(auto, ("error", "warning", "info")))

    # At review: exactly the result, direction and 総括 findings are added.
    _, review = lint(form, "--stage", "review")
    added = list(found(review, ("error", "warning", "info")))
    for item in found(plan, ("error", "warning", "info")):
        if item in added:
            added.remove(item)
        else:
            failures.append(f"--stage review lost {item}")
    want = sorted([("error", "result-missing", g["line"]) for g in expected["annualGoals"]]
                  + [("warning", "direction-missing", g["line"]) for g in expected["annualGoals"]]
                  + [("warning", "approach-without-review", 18)] * len(expected["approaches"]["approach"]))
    check("findings added at --stage review", sorted(added), want)

    if failures:
        print(f"FAIL stage on the real sheet: {len(failures)} problem(s)")
        for f in failures:
            print("  - " + f)
        return 1
    print(f"ok stage on the real sheet: inferred review; its goal-setting form keeps {len(goals_b)} annual goals and "
          f"passes at auto/plan with only the {len(placeholders)} citation placeholders as errors; "
          f"--stage review adds exactly {len(want)} result, direction and 総括 findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
