#!/usr/bin/env python3
"""Generates sheets of the shapes that once made sheetlint slow (issue #8, defect 5), each
close to a given size (default 10 MiB, the size limit), from the bundled example.

Usage: gen_hostile.py EXAMPLE_MD EXAMPLE_YAML OUTDIR [--bytes N]

Writes (deterministic):
  OUTDIR/comments.md    the example plus one line holding thousands of unclosed `<!--`
  OUTDIR/paragraphs.md  the example with one table row whose cell is `<p>(1) x</p>`
                        repeated on one line
  OUTDIR/goals.json     the canonical example (JSON) with section 3 repeated as many goals
  OUTDIR/cell.md        the example with one 実績 cell grown to one long paragraph
  OUTDIR/eras.md        the example with one cell grown to one paragraph of era years that
                        contradict their western years (`令和3年（2020年）`), each a finding
                        placed inside the cell
"""
import argparse
import json
import os

try:
    import yaml  # optional: only for goals.json
except ImportError:  # pragma: no cover
    yaml = None


def fill(prefix, unit, suffix, size):
    n = max(1, (size - len(prefix.encode()) - len(suffix.encode())) // len(unit.encode()))
    return prefix + unit * n + suffix


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("example_md")
    ap.add_argument("example_yaml")
    ap.add_argument("outdir")
    ap.add_argument("--bytes", type=int, default=10 * 1024 * 1024 - 4096)
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    md = open(a.example_md, encoding="utf-8").read()
    base = md.encode()
    room = a.bytes - len(base) - 2

    with open(os.path.join(a.outdir, "comments.md"), "w", encoding="utf-8") as f:
        f.write(md + "\n" + fill("", "<!-- x ", "\n", room))

    lines = md.split("\n")
    row = next(i for i, l in enumerate(lines) if l.startswith("|") and "<p>" in l)
    target = 2 if len(lines[row].split("|")) > 3 else 1

    def grown_cell(name, unit):
        """The example with one table cell grown to `unit` repeated on one line."""
        grown = md.split("\n")
        cells = grown[row].split("|")
        cells[target] = fill(" ", unit, " ", room - len(grown[row].encode()))
        grown[row] = "|".join(cells)
        with open(os.path.join(a.outdir, name), "w", encoding="utf-8") as f:
            f.write("\n".join(grown))

    grown_cell("paragraphs.md", "<p>(1) x</p>")
    grown_cell("cell.md", "市民活動の支援を継続し、参加者は前年度比で増加しました。")
    # Every expression a finding about part of the cell: each used to align the whole cell
    # with the source again (quadratic: 10,000 of them in 200 KB took 45 s).
    grown_cell("eras.md", "令和3年（2020年）に実施。")

    if yaml is not None:
        sheet = yaml.safe_load(open(a.example_yaml, encoding="utf-8"))
        goal = sheet["annualGoals"][0]

        def render(count):
            goals = []
            for i in range(count):
                g = dict(goal)
                g["number"] = i % 99 + 1
                goals.append(g)
            sheet["annualGoals"] = goals
            return json.dumps(sheet, ensure_ascii=False, indent=1)

        # Grow the goal count until the JSON is just under the size asked for.
        count = 100
        size = len(render(count).encode())
        count = max(1, int(count * (a.bytes - 4096) / size))
        text = render(count)
        while len(text.encode()) > a.bytes:
            count = int(count * 0.98)
            text = render(count)
        with open(os.path.join(a.outdir, "goals.json"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
