#!/usr/bin/env python3
"""Build the anonymiser evaluation set from hand-written marked-up sources.

Source files: src/<split>/rNN.src (UTF-8). Markup:
  {category:text}            planted identifying item
  {category/tag,tag:text}    item with tags (persons: nc = no cue, mn = minority,
                             cs = compound surname, sg = single surname before a title)
  {T:text}                   must-not-flag trap
  {id_card:@id 331125}       generated 18-char ID, valid birth date and checksum,
  {id_card:@idX 331125}      ... forced to end in X
  {bank_account:@bank 19}    generated card/account number (Luhn-valid, 62 prefix)
  {bank_account:@bankg 19}   ... printed in groups of four
Only numbers are generated; all prose was written by hand.
Writes <split>/rNN.txt and <split>/rNN.items.json.
"""
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\{([a-z_]+|T)(?:/([a-z,]+))?:([^{}]+)\}")
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHK = "10X98765432"


def id_number(rng, prefix, want_x):
    while True:
        y = rng.randint(1962, 1999)
        m = rng.randint(1, 12)
        d = rng.randint(1, 28)
        body = f"{prefix}{y:04d}{m:02d}{d:02d}{rng.randint(0, 999):03d}"
        c = CHK[sum(int(a) * b for a, b in zip(body, W)) % 11]
        if (c == "X") == want_x:
            return body + c


def luhn_digit(s):
    total = 0
    for i, ch in enumerate(reversed(s)):
        n = int(ch)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return str((10 - total % 10) % 10)


def bank_number(rng, length, grouped):
    head = rng.choice(["6217", "6228", "6222", "6212", "6230", "6214", "6227"])
    body = head + "".join(str(rng.randint(0, 9)) for _ in range(length - 5))
    num = body + luhn_digit(body)
    if grouped:
        num = " ".join(num[i:i + 4] for i in range(0, len(num), 4))
    return num


def generate(rng, spec):
    kind, _, arg = spec[1:].partition(" ")
    if kind in ("id", "idX"):
        return id_number(rng, arg.strip(), kind == "idX")
    if kind in ("bank", "bankg"):
        return bank_number(rng, int(arg), kind == "bankg")
    raise ValueError(f"unknown generator {spec}")


def build(src):
    raw = src.read_text(encoding="utf-8")
    rng = random.Random(src.stem + src.parent.name)
    out, items, traps, tags = [], [], [], []
    pos = 0
    length = 0
    for m in MARK.finditer(raw):
        plain = raw[pos:m.start()]
        out.append(plain)
        length += len(plain)
        cat, tag, text = m.group(1), m.group(2), m.group(3)
        if text.startswith("@"):
            text = generate(rng, text)
        start, end = length, length + len(text)
        out.append(text)
        length = end
        if cat == "T":
            traps.append({"start": start, "end": end, "text": text})
        else:
            items.append({"start": start, "end": end, "category": cat, "text": text})
            if tag:
                tags.append({"start": start, "end": end, "tags": tag.split(",")})
        pos = m.end()
    out.append(raw[pos:])
    text = "".join(out)
    if "{" in text or "}" in text:
        raise SystemExit(f"{src}: stray brace in output")
    doc = {"items": items, "traps": traps}
    if tags:
        doc["person_tags"] = tags
    return text, doc


def main(argv=None):
    # With arguments, build only those sources (so two authors can build their own files at once).
    names = set(sys.argv[1:] if argv is None else argv)
    for split in ("dev", "heldout"):
        for src in sorted((HERE / "src" / split).glob("r*.src")):
            if names and src.stem not in names and src.name not in names:
                continue
            text, doc = build(src)
            dst = HERE / split
            (dst / f"{src.stem}.txt").write_text(text, encoding="utf-8")
            (dst / f"{src.stem}.items.json").write_text(
                json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
