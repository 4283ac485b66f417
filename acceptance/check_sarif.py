#!/usr/bin/env python3
"""Acceptance check for SARIF output.

usage: check_sarif.py SHEETLINT_BINARY SCHEMA.json PATH [PATH...]
For each PATH (a sheet or a directory): `sheetlint lint --format sarif` validates against
the SARIF 2.1.0 schema and carries every field GitHub code scanning requires. For each
Markdown sheet PATH, the fingerprints are unchanged after a blank line is inserted at the
top of a copy of the sheet (only the line numbers move).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema


def sarif(binary, path, cwd=None):
    run = subprocess.run([binary, "lint", "--format", "sarif", path], capture_output=True, timeout=300, cwd=cwd)
    if run.returncode not in (0, 1):
        raise SystemExit(f"FAIL sarif {path}: exit {run.returncode}: {run.stderr.decode(errors='replace')}")
    return json.loads(run.stdout)


def github_fields(log, label):
    problems = []
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    for key in ("name", "semanticVersion", "informationUri", "rules"):
        if key not in driver:
            problems.append(f"tool.driver.{key} missing")
    rule_ids = [r["id"] for r in driver["rules"]]
    for r in driver["rules"]:
        for key in ("id", "name", "shortDescription", "fullDescription", "help", "defaultConfiguration", "properties"):
            if key not in r:
                problems.append(f"rule {r.get('id')} lacks {key}")
        if "markdown" not in r.get("help", {}) or "text" not in r.get("help", {}):
            problems.append(f"rule {r.get('id')} lacks help.text/help.markdown")
    if run.get("columnKind") != "unicodeCodePoints":
        problems.append("run.columnKind is not unicodeCodePoints")
    for res in run["results"]:
        if rule_ids[res["ruleIndex"]] != res["ruleId"]:
            problems.append(f"ruleIndex {res['ruleIndex']} does not point at {res['ruleId']}")
        loc = res["locations"][0]["physicalLocation"]
        uri = loc["artifactLocation"]["uri"]
        if uri.startswith("/") or uri.startswith("file:"):
            problems.append(f"artifact uri is not repo-relative: {uri}")
        region = loc["region"]
        for key in ("startLine", "startColumn", "endLine", "endColumn"):
            if key not in region:
                problems.append(f"region lacks {key}")
        if "primaryLocationLineHash" not in res.get("partialFingerprints", {}):
            problems.append("result lacks partialFingerprints.primaryLocationLineHash")
        if not res.get("message", {}).get("text"):
            problems.append("result lacks message.text")
    return [f"{label}: {p}" for p in problems]


def fingerprints(log):
    return sorted((r["ruleId"], r["partialFingerprints"]["primaryLocationLineHash"]) for r in log["runs"][0]["results"])


def main():
    binary, schema_path = sys.argv[1:3]
    schema = json.load(open(schema_path, encoding="utf-8"))
    failures = []
    for path in sys.argv[3:]:
        # Run from the folder that holds the path, as CI runs from the repository root,
        # so artifact URIs are relative to it.
        absolute = os.path.abspath(path)
        log = sarif(binary, os.path.basename(absolute.rstrip("/")) or ".", cwd=os.path.dirname(absolute.rstrip("/")))
        try:
            jsonschema.validate(log, schema)
        except jsonschema.ValidationError as e:
            failures.append(f"{path}: schema: {e.message} at {list(e.absolute_path)}")
        failures += github_fields(log, path)
        if path.endswith(".md") and os.path.isfile(path):
            with tempfile.TemporaryDirectory() as work:
                copy = os.path.join(work, "sheet.md")
                shutil.copy(path, copy)
                before = fingerprints(sarif(binary, "sheet.md", cwd=work))
                with open(path, "rb") as src, open(copy, "wb") as dst:
                    dst.write(b"\n" + src.read())
                after_log = sarif(binary, "sheet.md", cwd=work)
                after = fingerprints(after_log)
                if before != after:
                    failures.append(f"{path}: fingerprints changed after inserting a blank line at the top")
                elif not before:
                    failures.append(f"{path}: no results, fingerprint stability not shown")
        print(f"checked SARIF of {path}: {len(log['runs'][0]['results'])} results")
    if failures:
        print("FAIL sarif:")
        for f in failures:
            print("  - " + f)
        return 1
    print("ok sarif: valid against the 2.1.0 schema, GitHub fields present, fingerprints stable")
    return 0


if __name__ == "__main__":
    sys.exit(main())
