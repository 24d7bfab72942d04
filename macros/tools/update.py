"""年度更新: what must change to turn last year's report into this year's draft.

Reads a report (any text the reader takes), detects its report type, its year
and its parts (一、（一）… headings mapped to section slugs, as ingestion does),
and lists every change the new year asks for, each with its reason and, where
the replacement is certain, the new wording:

* the year itself: 2025年度 / 2025年 → 2026…, and in 下一步 the year after;
* the calendar's wording, found by the checker run on the text with the year
  already moved on: the spirit to study (a certain replacement), a campaign of
  last year, plenums and plans (suggested: the sentence around them needs
  rewriting);
* the new year's campaign, when the report does not name it;
* figures (会议12次, 谈话45人次 …): last year's, to be checked;
* the parts the report type's skeleton requires that the report lacks.

Offsets are Python str indices into the text as the reader gives it (the same
text `check --json` indexes). Replacing a year keeps its length, so the
checker's offsets on the moved-on text are the report's own.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from ..base.errors import HandbookError
from ..base.vocabulary import GENRES, SECTIONS
from ..content import calendar, genres
from ..engine import word
from . import checker
from .ingest import guess_genre, structure

# Public: the browser's 年度更新 (docs/assets/javascripts/update.js) reads these very patterns.
YEAR_RE = re.compile(r"(?<![0-9])(20[0-9]{2})(年度|年)(?![0-9])")
COUNT_RE = re.compile(r"(?<![0-9.])[0-9]+(?:\.[0-9]+)?(?:余|多)?(?:人次|次|人|个|件|项|场|篇|期|家|万元|亿元|元|%|％)")
QUOTED_RE = re.compile(r"“([^”]+)”")
NOT_PARTS = ("title", "closing")  # never reported missing


@dataclass(frozen=True)
class Change:
    start: int
    end: int
    kind: str          # year | spirit | calendar | campaign | count
    old: str
    new: str | None    # None: the writer decides (the suggestion says what to do)
    reason: str
    suggestion: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Part:
    heading: str
    section: str
    start: int
    end: int


@dataclass
class Update:
    genre: str
    from_year: int
    to_year: int
    text: str
    parts: list[Part] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    missing: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"genre": self.genre, "from": self.from_year, "to": self.to_year,
                "parts": [asdict(p) for p in self.parts], "changes": [c.as_dict() for c in self.changes],
                "missing": self.missing}

    def updated_text(self) -> tuple[str, list[tuple[int, int]]]:
        """The text with every certain replacement made, and the spans of every change in it
        (replaced or to review), for the marked .docx."""
        out, spans, pos, shift = [], [], 0, 0
        for c in sorted(self.changes, key=lambda c: (c.start, c.end)):
            if c.start < pos:
                continue  # overlaps a change already made
            out.append(self.text[pos:c.start])
            new = c.new if c.new is not None else c.old
            spans.append((c.start + shift, c.start + shift + len(new)))
            out.append(new)
            shift += len(new) - (c.end - c.start)
            pos = c.end
        out.append(self.text[pos:])
        return "".join(out), spans


def _year(value: Any, where: str) -> int:
    cal = calendar.load_calendar()
    if isinstance(value, str) and not re.fullmatch(r"[0-9]{4}", value.strip()):
        raise HandbookError(where, f"expected a report year ({cal.first_year}–{cal.last_year}), got {value!r}")
    year = int(value)
    if not cal.covers(year):
        raise HandbookError(where, f"expected a report year the handbook covers ({cal.first_year}–{cal.last_year}), got {value!r}")
    return year


def detect_year(text: str) -> int:
    """The report's year: the 20XX年度 of its title or first lines, else its most frequent 20XX年."""
    head = "\n".join(text.strip().split("\n")[:3])
    m = re.search(r"(20[0-9]{2})年度", head) or re.search(r"(20[0-9]{2})年", head)
    if m:
        return int(m.group(1))
    counts: dict[int, int] = {}
    for y, _ in YEAR_RE.findall(text):
        counts[int(y)] = counts.get(int(y), 0) + 1
    if not counts:
        raise HandbookError("--from", "cannot tell the report's year: give --from YYYY")
    return max(counts, key=lambda y: (counts[y], y))


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(line number, offset, text) of each non-empty line."""
    out, pos = [], 0
    for n, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            out.append((n, pos + len(line) - len(line.lstrip()), line.strip()))
        pos += len(line) + 1
    return out


def find_parts(text: str, genre: str) -> tuple[list[Part], dict[int, str]]:
    """The report's headed parts, and the section of every line (by line number)."""
    lines = _lines(text)
    paras = structure([(n, t) for n, _, t in lines], genre)
    offsets = {n: off for n, off, _ in lines}
    sections = {p.line: p.section for p in paras}
    heads = [(p, offsets[p.line]) for p in paras if p.kind == "heading"]
    parts = []
    for i, (p, start) in enumerate(heads):
        end = next((s for q, s in heads[i + 1:] if q.level <= p.level), len(text))
        parts.append(Part(p.text, p.section, start, end))
    return parts, sections


def _line_at(lines: list[tuple[int, int, str]], offset: int) -> int:
    n = lines[0][0] if lines else 1
    for num, off, _ in lines:
        if off > offset:
            break
        n = num
    return n


def update_text(text: str, to_year: Any, *, from_year: Any = None, genre: str | None = None) -> Update:
    cal = calendar.load_calendar()
    to_y = _year(to_year, "--to")
    from_y = _year(from_year, "--from") if from_year is not None else detect_year(text)
    if not cal.covers(from_y):
        raise HandbookError("--from", f"the report's year {from_y} is not covered ({cal.first_year}–{cal.last_year}): give --from")
    if to_y <= from_y:
        raise HandbookError("--to", f"must be after the report's year {from_y}, got {to_y}")
    if genre is not None and genre not in GENRES:
        raise HandbookError("--genre", f"unknown report type {genre!r} (one of {', '.join(GENRES)})")
    title = next((t for _, _, t in _lines(text)), "")
    g = genre or guess_genre(title)
    parts, line_sections = find_parts(text, g)
    lines = _lines(text)
    result = Update(g, from_y, to_y, text, parts)
    changes: list[Change] = []

    # The year itself (and, in 下一步, the year after it). Lengths stay equal.
    moved = list(text)
    for m in YEAR_RE.finditer(text):
        y = int(m.group(1))
        section = line_sections.get(_line_at(lines, m.start()), "")
        if y == from_y:
            new_y, why = to_y, "报告年度"
        elif y == from_y + 1 and section == "next-steps":
            new_y, why = to_y + 1, "下一步打算写的是报告年度的下一年"
        else:
            continue
        new = f"{new_y}{m.group(2)}"
        changes.append(Change(m.start(), m.end(), "year", m.group(0), new, why))
        moved[m.start():m.end()] = list(new)
    moved_text = "".join(moved)

    # The calendar's wording, for the new year.
    spirit_now = cal.spirit(to_y)
    for f in checker.check(moved_text, to_y):
        if f.rule != "stale":
            continue
        old = text[f.start:f.end]
        quoted = QUOTED_RE.search(f.suggestion)
        if old.endswith("精神") and quoted:
            # The new year's own line (not the one that followed the old): 历次 where the report said so.
            new = cal.spirit(to_y, "all") if "历次" in old else spirit_now
            if text[max(0, f.start - 2):f.start] == "党的" and new.startswith("党的"):
                new = new[2:]
            changes.append(Change(f.start, f.end, "spirit", old, new, f"{to_y}年度应学习贯彻的是{spirit_now}"))
        else:
            changes.append(Change(f.start, f.end, "calendar", old, None, f.message, f.suggestion))
    campaign = cal.campaign(to_y)
    if campaign and campaign.label not in text and campaign.name not in text:
        at = lines[1][1] if len(lines) > 1 else 0
        changes.append(Change(at, at, "campaign", "", None, f"{to_y}年开展{campaign.label}，报告应写到",
                              f"在开头和政治建设部分写“扎实开展{campaign.label}”"))

    # Last year's figures: every count in the body is to be checked.
    for m in COUNT_RE.finditer(text):
        section = line_sections.get(_line_at(lines, m.start()), "")
        if section in ("title", "next-steps"):
            continue
        if any(c.start <= m.start() < c.end for c in changes if c.kind == "year"):
            continue
        changes.append(Change(m.start(), m.end(), "count", m.group(0), None,
                              f"{from_y}年度的数字", f"按{to_y}年度的实际核实"))
    result.changes = sorted(changes, key=lambda c: (c.start, c.end, c.kind))

    # Parts the skeleton requires that the report lacks.
    present = set(line_sections.values())
    for item in genres.get_genre(g).items():
        if item.required and item.section not in present and item.section not in NOT_PARTS:
            result.missing.append({"section": item.section, "title": SECTIONS.get(item.section, item.title),
                                   "template": f"sections/{item.section}/"})
    return result


def updated_docx(update: Update) -> bytes:
    """The updated draft in the official format, each change highlighted for review in Word or WPS."""
    text, spans = update.updated_text()
    lines, pos = [], 0
    for line in text.split("\n"):
        marks = [(max(a, pos) - pos, min(b, pos + len(line)) - pos) for a, b in spans if a < pos + len(line) and b > pos]
        stripped = len(line) - len(line.lstrip())
        line_marks = [(a - stripped, b - stripped) for a, b in marks if b - stripped > 0]
        if line.strip():
            lines.append((line.strip(), [(max(0, a), b) for a, b in line_marks]))
        pos += len(line) + 1
    if not lines:
        raise HandbookError("FILE", "no text to update")
    (title, _), body = lines[0], lines[1:]
    return word.document_bytes(title, [t for t, _ in body], highlights={i: m for i, (_, m) in enumerate(body) if m})
