#!/usr/bin/env python3
"""Writes the goal-setting form (当初設定) of a published Markdown sheet: the same file with
every 実績 (取組みを行った内容・成果), 課題・今後の方向性 and 取り組みの総括 cell emptied, as
the sheet stood when it was submitted in April. Lines and every other cell are kept, so
findings keep their line numbers.

Cells are found from the tables' own header rows: in section 2 the 総括 column of every row;
in section 3 the result and direction columns of each goal's rows, up to its first citation
row (総合計画 / 基本政策), whose cells in those columns hold citations, not results.

usage: goal_setting_form.py SHEET.md OUT.md
"""
import re
import sys

TAG = re.compile(r"<[^>]*>")


def cells(line):
    """The cells of a pipe-table row (without the outer pipes), or None."""
    stripped = line.rstrip("\r\n")
    if not stripped.startswith("|") or not stripped.endswith("|") or len(stripped) < 2:
        return None
    return stripped[1:-1].split("|")


def text(cell):
    return TAG.sub("", cell).replace(" ", "").replace("\u3000", "")


def role(cell):
    t = text(cell)
    if "取組みを行った内容" in t or t == "実績":
        return "results"
    if "課題" in t or "方向性" in t:
        return "directions"
    if "総括" in t:
        return "review"
    return None


def is_header(row):
    words = ("No", "当年度目標", "取組み事項", "実績", "取組みを行った", "課題", "方向性", "方針", "総括")
    filled = [text(c) for c in row if text(c)]
    return bool(filled) and all(len(f) <= 40 and any(w in f for w in words) for f in filled)


def is_citation(row):
    """A row holding a 総合計画 / 基本政策 label: alone, or followed by a code or number
    (`基本政策の推進` is a goal title, not a label)."""
    return any(re.match(r"^(総合計画|基本政策)([:：]?$|[0-9０-９])", text(c)) for c in row)


def main():
    source, out = sys.argv[1:3]
    lines = open(source, encoding="utf-8").read().split("\n")
    section = None
    columns = {}
    in_goal_text = False
    first_row = False
    emptied = 0
    for i, line in enumerate(lines):
        heading = re.match(r"^\s*([1-4])\.\s", line)
        if heading:
            section = int(heading.group(1))
            continue
        row = cells(line)
        if row is None:
            if not line.strip():
                columns = {}
                first_row = False
            continue
        if set(line.strip()) <= set("|-: "):
            continue
        if is_header(row):
            for index, cell in enumerate(row):
                r = role(cell)
                if r:
                    columns[index] = r
            in_goal_text = False
            first_row = True
            continue
        was_first, first_row = first_row, False
        if section == 2:
            targets = [k for k, r in columns.items() if r == "review"]
        elif section == 3:
            # A goal starts on the first row of its table; later number rows are policies.
            if was_first and text(row[0]).isdigit():
                in_goal_text = True
            if is_citation(row):
                in_goal_text = False
            targets = [k for k, r in columns.items() if r in ("results", "directions")] if in_goal_text else []
        else:
            targets = []
        changed = False
        for k in targets:
            if k < len(row) and text(row[k]):
                row[k] = " "
                changed = True
                emptied += 1
        if changed:
            lines[i] = "|" + "|".join(row) + "|"
    open(out, "w", encoding="utf-8").write("\n".join(lines))
    print(f"{out}: {emptied} cells emptied", file=sys.stderr)


if __name__ == "__main__":
    main()
