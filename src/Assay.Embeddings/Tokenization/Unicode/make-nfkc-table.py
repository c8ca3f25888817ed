#!/usr/bin/env python3
"""Writes nfkc-table.txt, the Unicode data Nfkc.cs needs to normalise text as JavaScript's
String.prototype.normalize("NFKC") does (the reference tokenizer normalises with it).

Lines: `d CP CP...` full compatibility decomposition (NFKD of one code point, Hangul
syllables left to the algorithm); `c CP N` canonical combining class when not 0;
`p A B C` primary composition A+B -> C (canonical pairs that NFC recomposes).
Source: Python's unicodedata (its Unicode version is written into the file's first line).
Run: python3 make-nfkc-table.py > nfkc-table.txt
"""
import sys
import unicodedata as ud

def hexs(cps):
    return " ".join(f"{c:X}" for c in cps)

out = sys.stdout
out.write(f"# Unicode {ud.unidata_version}, made by make-nfkc-table.py\n")
for cp in range(0x110000):
    if 0xD800 <= cp <= 0xDFFF or 0xAC00 <= cp <= 0xD7A3:
        continue
    ch = chr(cp)
    nfkd = ud.normalize("NFKD", ch)
    if nfkd != ch:
        out.write(f"d {cp:X} {hexs(map(ord, nfkd))}\n")
    ccc = ud.combining(ch)
    if ccc:
        out.write(f"c {cp:X} {ccc}\n")
    dec = ud.decomposition(ch)
    if dec and not dec.startswith("<"):
        parts = [int(p, 16) for p in dec.split()]
        if len(parts) == 2 and ud.normalize("NFC", chr(parts[0]) + chr(parts[1])) == ch:
            out.write(f"p {parts[0]:X} {parts[1]:X} {cp:X}\n")
