#!/usr/bin/env python3
"""Generates the benchmark corpus from the bundled example sheet.

Usage: gen_corpus.py EXAMPLE OUTDIR [--sheets N] [--large-mb M] [--goals A,B]
                     [--copies FILE,FILE...] [--copies-sheets N,N...]

Writes (all derived from EXAMPLE, deterministic):
  OUTDIR/sheets/sheet-NNNN.md   N sheets: the example with the department, the
                                head's name and the figures varied
  OUTDIR/large/large.md         the example with one 実績 cell grown to ~M MB
                                (many <p> paragraphs on one line)
  OUTDIR/large-half/large.md    the same with the cell at ~M/2 MB
  OUTDIR/goals/goals-A.md       the example with section 3 holding A goals
  OUTDIR/goals/goals-B.md       ... and B goals (the example's four goal tables
                                repeated and renumbered 1…99, 1…99, …)
  OUTDIR/copies-N/copy-NNNNN.md with --copies: N byte-for-byte copies of the given sheets,
                                taken in turn (for each N of --copies-sheets); a sheet
                                the project may not ship (the real one) is only copied
                                into this temporary corpus
"""
import argparse
import os
import random
import re

DEPARTMENTS = [
    "都市政策部", "市民協働部", "環境部", "福祉部", "健康医療部", "こども未来部",
    "都市基盤部", "上下水道局", "消防局", "総務部", "財務部", "危機管理室",
    "人権政策課", "産業振興部", "教育委員会事務局", "文化芸術部",
]
NAMES = ["久我山 修", "西原 葉子", "高槻 亮", "三国 真理", "豊島 一郎", "緑丘 恵",
         "千里 健太", "服部 直子", "庄内 誠", "野田 美和"]
POSTS = ["部 長", "局 長", "室 長", "理 事"]


def vary(text, i, rng):
    dept = DEPARTMENTS[i % len(DEPARTMENTS)]
    if i >= len(DEPARTMENTS):
        # 第2都市政策部 …: a distinct name per sheet once the list runs out
        dept = f"第{i // len(DEPARTMENTS) + 1}{dept}"
    text = text.replace("都市政策部", dept, 1)
    text = text.replace("久我山 修", NAMES[i % len(NAMES)], 1)
    text = text.replace("| 部 長 |", f"| {POSTS[i % len(POSTS)]} |", 1)
    # figures in the prose: 11地区, 420人, 128人, 14件, 6回, 24人 …
    text = re.sub(r"(\d+)(地区|人|件|回)",
                  lambda m: f"{rng.randint(2, 999)}{m.group(2)}", text)
    return text


def sections(text):
    """Splits the example into (before section 3 tables, the goal tables, after)."""
    start = text.index("3. 当年度目標")
    end = text.index("4. 中期目標")
    head_end = text.index("\n", start) + 1
    middle = text[head_end:end]
    tables = [t.strip("\n") for t in re.split(r"\n\s*\n", middle) if t.strip()]
    return text[:head_end], tables, text[end:]


def renumber(table, old, new):
    lines = table.split("\n")
    for k, line in enumerate(lines):
        if line.startswith(f"| {old} |"):
            lines[k] = f"| {new} |" + line[len(f"| {old} |"):]
            break
    return "\n".join(lines)


def goals_sheet(text, count):
    head, tables, tail = sections(text)
    out = []
    for n in range(1, count + 1):
        j = (n - 1) % len(tables)
        # goal number cells are read as 1-2 digits (MarkdownSheetParser.goalNumber),
        # so numbers cycle through 1…99; a repeated number is still a new goal
        out.append(renumber(tables[j], j + 1, (n - 1) % 99 + 1))
    return head + "\n" + "\n\n".join(out) + "\n\n" + tail


def large_sheet(text, megabytes, rng):
    # one 実績 cell (goal 1) grown with many unnumbered paragraphs
    anchor = "いただいた意見を反映した素案を10月に取りまとめました。</p>"
    assert anchor in text, "example changed: large-cell anchor not found"
    sentences = [
        "地区ごとの説明会では、交通、買い物、子育ての環境について多くの意見をいただきました。",
        "いただいた意見は地区別にまとめ、担当課と共有したうえで素案の修正に反映しています。",
        "高齢の参加者からは、駅までの歩行空間の段差解消を求める声が特に多く寄せられました。",
        "若い世代の参加が少なかったため、オンラインでの意見募集を並行して行いました。",
    ]
    target = int(megabytes * 1024 * 1024)
    parts, size = [], 0
    while size < target:
        p = "<p>" + "".join(rng.choice(sentences) for _ in range(3)) + "</p> "
        parts.append(p)
        size += len(p.encode("utf-8"))
    return text.replace(anchor, anchor + " " + "".join(parts), 1)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("example")
    ap.add_argument("outdir")
    ap.add_argument("--sheets", type=int, default=200)
    ap.add_argument("--large-mb", type=float, default=2.0)
    ap.add_argument("--goals", default="50,500")
    ap.add_argument("--copies", default="")
    ap.add_argument("--copies-sheets", default="")
    a = ap.parse_args()
    sources = [p for p in a.copies.split(",") if p]
    for count in (int(c) for c in a.copies_sheets.split(",") if c):
        datas = [open(p, "rb").read() for p in sources]
        d = os.path.join(a.outdir, f"copies-{count}")
        os.makedirs(d, exist_ok=True)
        for i in range(count):
            with open(os.path.join(d, f"copy-{i + 1:05d}.md"), "wb") as f:
                f.write(datas[i % len(datas)])
    with open(a.example, encoding="utf-8") as f:
        text = f.read()
    rng = random.Random(20240401)
    for i in range(a.sheets):
        write(os.path.join(a.outdir, "sheets", f"sheet-{i + 1:04d}.md"), vary(text, i, rng))
    if a.large_mb > 0:
        write(os.path.join(a.outdir, "large", "large.md"), large_sheet(text, a.large_mb, rng))
        write(os.path.join(a.outdir, "large-half", "large.md"), large_sheet(text, a.large_mb / 2, rng))
    for count in (int(c) for c in a.goals.split(",") if c):
        write(os.path.join(a.outdir, "goals", f"goals-{count}.md"), goals_sheet(text, count))


if __name__ == "__main__":
    main()
