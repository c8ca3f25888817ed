#!/usr/bin/env python3
"""Turns the hand-written questions.txt of the RAG evaluation set into questions.jsonl.

The page of each answerable question is looked up (not guessed): the one page of the PDF whose
text (pdftotext -layout, whitespace folded) holds the evidence; evidence found on no page or on
two pages is an error, so every label is checked against the document. The split is fixed by
rule before any tuning: every question on benefits and health-safety is "test" (held-out
documents), and every third question on the other documents is "test" (held-out questions);
off-topic questions alternate.
"""
import json, re, subprocess, sys
from pathlib import Path

folder = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/Assay.Services.Tests/Data/policies")
held_out_documents = {"benefits", "health-safety"}

def fold(text):
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()

pages = {}
def page_of(doc, evidence):
    if doc not in pages:
        pdf = folder / f"{doc}.pdf"
        count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout).group(1))
        pages[doc] = [fold(subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), str(pdf), "-"], capture_output=True, text=True).stdout) for p in range(1, count + 1)]
    found = [i + 1 for i, text in enumerate(pages[doc]) if fold(evidence) in text]
    if len(found) != 1:
        sys.exit(f"{doc}: evidence '{evidence}' found on pages {found}: make it unique to one page")
    return found[0]

out, per_doc, off = [], {}, 0
for number, line in enumerate((folder / "questions.txt").read_text(encoding="utf-8").splitlines(), 1):
    if not line.strip() or line.startswith("#"):
        continue
    kind, doc, question, evidence = line.split("|")
    if kind == "O":
        off += 1
        out.append({"question": question, "answerable": False, "kind": "off-topic", "split": "dev" if off % 2 else "test"})
        continue
    nth = per_doc.setdefault((doc, kind), 0) + 1
    per_doc[(doc, kind)] = nth
    split = "test" if doc in held_out_documents or nth % 3 == 0 else "dev"
    item = {"question": question, "file": f"{doc}.pdf"}
    if kind == "A":
        item.update(page=page_of(doc, evidence), evidence=[evidence])
    else:
        item.update(answerable=False, kind="near-topic")
    item["split"] = split
    out.append(item)

(folder / "questions.jsonl").write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in out), encoding="utf-8")
for split in ("dev", "test"):
    s = [i for i in out if i["split"] == split]
    print(f"{split}: {sum('evidence' in i for i in s)} answerable, {sum(i.get('kind') == 'near-topic' for i in s)} near-topic, {sum(i.get('kind') == 'off-topic' for i in s)} off-topic")
