"""A whole report assembled from its genre's outline: the drafting tool's 复制全文, in Python.

`assemble(genre, variant, year, values)` gives the same lines as the browser
tool (/tools/draft/, docs/assets/javascripts/draft.js) shows for the same
choices with every section kept in its default order: the title block, then
each part's heading 一、…, its sections renumbered （一）（二）… (no heading when a
part has one section), a section outside any part keeping the 一、 heading its
template brings, renumbered. Sections come from sections.render_for_tool, the
renderings the browser reads from draft-data.js; writing instructions are never
in the text; a slot is its value when one is given, else 【标签】.

The report year is the 年度 slot's value (as in the browser, where typing the
year is what chooses it), so `year` fills that slot.

A values file (`python -m macros draft --values FILE`) is UTF-8 JSON:

    {"genre": "personal-duty-report", "variant": "individual", "year": 2024,
     "values": {"unit": "县某某局", "position": "局长"}}

Every key is optional except that the file is one object; genre, variant and
year, when present, must agree with the command line (which may leave them
out to take the file's). `values` maps slot names of templates/slots.yml to
one-line text (a whole number is taken as its digits); a blank value leaves
the slot as 【标签】, a slot this genre does not use is ignored, an unknown
name is an error, and so is a character a Word file cannot hold.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from ..base.errors import HandbookError
from ..base.text import NUMERALS
from ..engine import render, word
from . import calendar, genres, sections, slots

# A section's own leading heading, as draft.js reads it (一、 or （一）).
_HEADING_RE = re.compile(rf"^(?:[{NUMERALS}]+、|[（(][{NUMERALS}]+[）)])")
_H1_RE = re.compile(rf"^[{NUMERALS}]+、")
_SLOT_IN_TEXT = re.compile(r"【([^【】]+)】")
# What XML 1.0 cannot hold, our private-use markers, invisible characters and line breaks:
# a value is one line of visible text, the same in the text and in Word.
_BAD_VALUE_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
    f"{re.escape(render.MARKERS)}\u200b\u200c\u200d\u2060\ufeff\u00ad\n\r\u2028\u2029]"
)
_FILE_KEYS = ("genre", "variant", "year", "values")

Seg = tuple[str, str]  # (kind, text): t text, s slot NAME, h writing instruction
Para = list[Seg]


@dataclass(frozen=True)
class Draft:
    genre: str
    variant: str
    year: int
    title_lines: tuple[str, ...]  # the title, then the byline (a personal report's unit and post)
    body_lines: tuple[str, ...]

    @property
    def lines(self) -> list[str]:
        return [*self.title_lines, *self.body_lines]

    @property
    def text(self) -> str:
        """What 复制全文 copies: the lines joined by newlines."""
        return "\n".join(self.lines)

    def docx_bytes(self) -> bytes:
        """The .docx the browser's 下载 Word writes for the same lines (GB/T 9704 body format)."""
        title = self.title_lines[0] if self.title_lines else ""
        return word.document_bytes(title, list(self.body_lines), byline="\n".join(self.title_lines[1:]))


# ---------------------------------------------------------------------------
# Which variants a genre offers
# ---------------------------------------------------------------------------

def variant_labels() -> dict[str, str]:
    """Each variant id's label: a voice's own (genres.VOICES), else the first template's."""
    labels: dict[str, str] = {}
    for tpl in sections.all_sections().values():
        for v in tpl.variants:
            labels.setdefault(v.id, v.label)
    return {**labels, **genres.VOICES}


def genre_variants(genre: genres.Genre) -> list[str]:
    """The genre's voices, default first (its yml `variant:`): every section is written in
    each of them (genres.check_voices), so a personal report offers no 领导班子 wording."""
    return list(genre.variants)


def section_variants(genre: genres.Genre) -> dict[str, dict[str, str]]:
    """Section slug → {voice: the template variant that speaks in it}, for written sections."""
    templates = sections.all_sections()
    return {item.section: {voice: genres.section_variant(genre, templates[item.section], voice)
                           for voice in genre.variants}
            for item in genre.items() if item.section in templates}


def catalog() -> list[dict[str, Any]]:
    """Every genre: its slug, title, variant ids and the report years (for --list)."""
    years = list(calendar.load_calendar().years)
    return [{"genre": g.slug, "title": g.title, "variants": genre_variants(g), "years": years}
            for g in genres.all_genres().values()]


# ---------------------------------------------------------------------------
# Checking the choices
# ---------------------------------------------------------------------------

def check_genre(slug: Any, where: str = "GENRE") -> genres.Genre:
    known = genres.all_genres()
    if not isinstance(slug, str) or slug not in known:
        raise HandbookError(where, f"unknown report type {slug!r} (known: {', '.join(known)})")
    return known[slug]


def check_variant(genre: genres.Genre, variant: Any, where: str = "--variant") -> str:
    offered = genre_variants(genre)
    if variant is None:
        return offered[0]
    if not isinstance(variant, str) or variant not in offered:
        raise HandbookError(where, f"{genre.slug} has no variant {variant!r} (its variants: {', '.join(offered)})")
    return variant


def check_year(year: Any, where: str = "--year") -> int:
    cal = calendar.load_calendar()
    if isinstance(year, str) and re.fullmatch(r"[0-9]{4}", year.strip()):
        year = int(year)
    if not cal.covers(year):
        raise HandbookError(where, f"expected a report year the handbook covers "
                                   f"({cal.first_year}–{cal.last_year}), got {year!r}")
    return year


def check_values(values: Any, where: str = "values") -> dict[str, str]:
    """Slot name → text; one line naming the first bad entry."""
    if not isinstance(values, Mapping):
        raise HandbookError(where, f"expected an object of slot name → text, got {type(values).__name__}")
    known = slots.slot_catalog()
    out: dict[str, str] = {}
    for name, value in values.items():
        field = f"values.{name}"
        if name not in known:
            raise HandbookError(where, f"unknown slot {name!r} (see templates/slots.yml)", field)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise HandbookError(where, f"expected text, got {json.dumps(value, ensure_ascii=False)}", field)
        bad = _BAD_VALUE_CHARS.search(value)
        if bad:
            raise HandbookError(where, f"character U+{ord(bad.group()):04X} at {bad.start()} cannot go into "
                                       "the text or a Word file (one line of visible text)", field)
        out[name] = value
    return out


# ---------------------------------------------------------------------------
# Assembling (a port of draft.js assemble(), splitHeading(), blockLines())
# ---------------------------------------------------------------------------

def _segments(paragraphs: list[render.Paragraph]) -> list[Para]:
    kinds = {"text": "t", "fill": "t", "slot": "s", "hint": "h"}
    return [[(kinds[s.kind], s.text) for s in p.segments if s.kind in kinds] for p in paragraphs]


def _title_segments(text: str, labels: dict[str, str]) -> Para:
    """A genre's doc_title (plain text with 【标签】) as segments."""
    out: Para = []
    pos = 0
    for m in _SLOT_IN_TEXT.finditer(text):
        if m.start() > pos:
            out.append(("t", text[pos:m.start()]))
        name = labels.get(m.group(1))
        out.append(("s", name) if name else ("t", m.group(0)))
        pos = m.end()
    if pos < len(text):
        out.append(("t", text[pos:]))
    return out


def _is_instruction(p: Para) -> bool:
    return all(kind == "h" or not text.strip() for kind, text in p)


def _split_heading(paras: list[Para]) -> tuple[str | None, Para | None, list[Para]]:
    texts = [p for p in paras if not _is_instruction(p)]
    first = texts[0] if texts else None
    words = [s for s in first if s[0] != "h"] if first else []
    if not words or words[0][0] != "t" or not _HEADING_RE.search(words[0][1]):
        return None, None, paras
    lead = words[0]
    kind = "h1" if _H1_RE.search(lead[1]) else "h2"
    own = [("t", _HEADING_RE.sub("", s[1], count=1)) if i == 0 else s for i, s in enumerate(words)]
    own = [s for s in own if s[1] != ""]
    return kind, own, [p for p in paras if p is not first]


def _blocks(genre: genres.Genre, variant: str, year: int) -> tuple[list[Para], list[list[Para]]]:
    """The title block's paragraphs and each later block's, in order."""
    templates = sections.all_sections()
    blocks: list[list[Para]] = []
    title_paras: list[Para] | None = None
    n1 = 0
    for part in genre.skeleton:
        included = part.items  # every section kept, in the skeleton's order (the tool's default layout)
        if part.heading:
            blocks.append([[("t", f"{NUMERALS[n1]}、{part.heading}")]])
            n1 += 1
        for j, item in enumerate(included):
            tpl = templates.get(item.section)
            paras: list[Para] | None = None
            if tpl is not None:
                v = genres.section_variant(genre, tpl, variant)
                paras = _segments(sections.render_for_tool(tpl, v, year))
            if item.section == "title":
                title_paras = paras
                continue
            if paras is None:
                kind, own, rest = None, None, [[("t", f"【{item.title}：{item.length}】")]]
            else:
                kind, own, rest = _split_heading(paras)
            if part.heading and len(included) > 1:
                out = [[("t", f"（{NUMERALS[j]}）"), *(own or [("t", item.title)])], *rest]
            elif part.heading:
                out = rest
            elif kind == "h1":
                out = [[("t", f"{NUMERALS[n1]}、"), *(own or [])], *rest]
                n1 += 1
            else:
                out = paras if paras is not None else rest
            blocks.append(out)
    if title_paras is None:
        labels = {s.label: s.name for s in slots.slot_catalog().values()}
        title_paras = [_title_segments(genre.doc_title, labels)]
    return title_paras, blocks


def _lines(paras: list[Para], values: Mapping[str, str]) -> list[str]:
    catalog_ = slots.slot_catalog()

    def slot_text(name: str) -> str:
        value = values.get(name, "").strip()
        if value:
            return value
        return f"【{catalog_[name].label if name in catalog_ else name}】"

    out = []
    for p in paras:
        if _is_instruction(p):
            continue
        line = "".join("" if k == "h" else slot_text(t) if k == "s" else t for k, t in p).strip()
        if line:
            out.append(line)
    return out


def assemble(genre: str, variant: str | None, year: int, values: Mapping[str, Any] | None = None) -> Draft:
    """The report as the drafting tool copies it; bad choices raise HandbookError (one line)."""
    g = check_genre(genre)
    v = check_variant(g, variant)
    y = check_year(year)
    filled = check_values({} if values is None else values)
    if filled.get("year", "").strip() not in ("", str(y)):
        raise HandbookError("values", f"the 年度 slot says {filled['year']!r} but the report year is {y}",
                            "values.year")
    filled["year"] = str(y)  # the browser's year is the 年度 slot's value
    title_paras, blocks = _blocks(g, v, y)
    body = [line for b in blocks for line in _lines(b, filled)]
    return Draft(g.slug, v, y, tuple(_lines(title_paras, filled)), tuple(body))


# ---------------------------------------------------------------------------
# The values file
# ---------------------------------------------------------------------------

def read_values_file(path: Path) -> dict[str, Any]:
    """The file's {"genre", "variant", "year", "values"} (each optional), checked for shape."""
    where = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise HandbookError(where, "no such file") from None
    except OSError as exc:
        raise HandbookError(where, f"cannot read it ({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise HandbookError(where, "not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise HandbookError(where, f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    if not isinstance(data, dict):
        raise HandbookError(where, f"expected a JSON object {{{', '.join(_FILE_KEYS)}}}, got {type(data).__name__}")
    unknown = [k for k in data if k not in _FILE_KEYS]
    if unknown:
        raise HandbookError(where, f"unknown key {unknown[0]!r} (expected: {', '.join(_FILE_KEYS)})", unknown[0])
    for key in ("genre", "variant"):
        if key in data and not isinstance(data[key], str):
            raise HandbookError(where, f"expected text, got {json.dumps(data[key], ensure_ascii=False)}", key)
    if "year" in data:
        data["year"] = check_year(data["year"], where=f"{where} [year]")
    data["values"] = check_values(data.get("values", {}), where)
    return data
