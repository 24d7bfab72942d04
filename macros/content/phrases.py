"""The phrase library (提法库): templates/phrases/<group>.yml.

A group file is `{group: <title>, entries: [...]}` plus optional `section`
(the section template the group serves), `order`, `intro` and `moves` (the
moves of that section, in reading order). An entry is one standard wording
with its kind, the sections and moves it serves, what it means, how to use it,
an example, its source, the report years it is right for and, for fixed
formulations, its members, full wording and known misquotes.

Sources and dates (issue 14): a term kind (fixed, institution, event, campaign,
document, requirement) names the document or meeting that fixes it, with its
year; a general kind (collocation, parallel, opening, transition, problem,
cause, resolution, closing) has no source (the page shows the kind instead).
An event, campaign or document entry is dated; `event: <calendar id>` links it
to templates/calendar.yml, which then gives the dates (one source of dates).
`variants` are accepted alternative wordings of one entry; `expands` names the
entries whose wording an entry's wording contains (it is their longer form).

Everything here is plain Python: the build (hooks, pages), the checker and the
tests call it without MkDocs. Bad data raises HandbookError with one line that
names the file and the entry.
"""
from __future__ import annotations

import dataclasses
import operator
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..base import cache, paths
from ..base.errors import HandbookError
from ..base.fields import (
    MAX_YEAR,
    MIN_YEAR,
    check_keys,
    check_slug,
    load_yaml,
    lookup,
    require_mapping,
)

# The agreed section slugs and titles, in reading order (one copy, in samples.py);
# a phrase may serve a section before its template page exists.
from ..base.vocabulary import SECTIONS
from . import calendar as cal

# The controlled vocabulary of kinds (what sort of wording an entry is).
KINDS: dict[str, str] = {
    "fixed": "固定提法",
    "institution": "制度名称",
    "collocation": "动宾搭配",
    "parallel": "排比句式",
    "opening": "开头语",
    "transition": "过渡语",
    "problem": "问题表述",
    "cause": "原因表述",
    "resolution": "整改表述",
    "closing": "结尾语",
    "event": "会议和重要节点",
    "campaign": "学习教育",
    "document": "法规文件",
    "requirement": "工作要求",
}

# Kinds whose wording is a term a reader may meet in running text and want
# explained (tooltips, the jieba dictionary); the others are sentence patterns.
TERM_KINDS = frozenset({"fixed", "institution", "event", "campaign", "document", "requirement"})
# Term kinds are fixed by a document or meeting: `source` names it, with its year.
SOURCED_KINDS = TERM_KINDS
# General expressions have no single source: a page shows GENERAL_LABEL and the kind instead.
GENERAL_KINDS = frozenset(KINDS) - SOURCED_KINDS
GENERAL_LABEL = "通用表述"
# Kinds that are current only from (and maybe until) a year: valid_from is required.
DATED_KINDS = frozenset({"event", "campaign", "document"})
SOURCE_YEAR_RE = re.compile(r"(?:19|20)\d{2}年")

REQUIRED = ("id", "phrase", "kind", "sections", "meaning", "usage", "example")
OPTIONAL = ("source", "moves", "valid_from", "valid_until", "replaced_by", "members", "full", "wrong",
            "choices", "cautions", "pinyin", "event", "variants", "expands")
GROUP_FIELDS = {"group", "section", "order", "intro", "moves", "entries"}
PINYIN_RE = re.compile(r"^[a-z ]+$")


@dataclass(frozen=True)
class Phrase:
    id: str
    phrase: str
    kind: str = "fixed"
    sections: tuple[str, ...] = ()
    moves: tuple[str, ...] = ()
    meaning: str = ""
    usage: str = ""
    example: str = ""
    source: str = ""
    valid_from: int | None = None
    valid_until: int | None = None
    replaced_by: str | None = None
    members: tuple[str, ...] = ()
    full: str | None = None
    wrong: tuple[str, ...] = ()
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)
    cautions: str = ""
    group: str = ""  # the group file's slug: the entry's page is /phrases/<group>/
    pinyin: str = ""  # a reading that overrides pypinyin's guess (heteronyms: 三重一大)
    event: str | None = None  # the templates/calendar.yml event it is (its dates come from there)
    variants: tuple[str, ...] = ()  # accepted alternative wordings (merged near-duplicates)
    expands: tuple[str, ...] = ()  # ids of the entries whose wording this one's contains

    @property
    def wordings(self) -> tuple[str, ...]:
        """The wording and its accepted variants: what search, the checker and find_in_text know."""
        return (self.phrase, *self.variants)

    @property
    def general(self) -> bool:
        """A general expression (no single source): the page shows the kind instead of a source."""
        return self.kind in GENERAL_KINDS

    def valid_in(self, year: int) -> bool:
        """Whether this wording is right as current wording in a report for `year`."""
        return (self.valid_from is None or year >= self.valid_from) and (
            self.valid_until is None or year <= self.valid_until)

    @property
    def quoted(self) -> bool:
        """Whether running text puts this wording in quotation marks (增强“四个意识”).

        Derived from the entry's own text, not stored: the wording occurs in
        quotation marks (“X” or ‘X’) in its example sentence, or as ‘X’ inside a
        quoted pattern of its usage (固定搭配“增强‘四个意识’”), or its usage asks
        for them (加引号：“一把手”). A usage that only cites the wording in
        quotation marks (完整写法“中央八项规定及其实施细则精神”) does not count,
        nor does a wording that carries its own marks (党建和业务“两张皮”).
        """
        x = self.phrase
        if x[:1] in "“‘" or x[-1:] in "”’":
            return False
        marks = (f"“{x}”", f"‘{x}’")
        if any(m in self.example for m in marks) or marks[1] in self.usage:
            return True
        return "引号" in self.usage and marks[0] in self.usage

    @property
    def copy_form(self) -> str:
        """What the copy button gives: the wording in Chinese quotation marks when `quoted`, else as it is."""
        return f"“{self.phrase}”" if self.quoted else self.phrase

    @property
    def is_term(self) -> bool:
        """A short standard term (not a sentence pattern): tooltips, dictionary."""
        return self.kind in TERM_KINDS and "【" not in self.phrase and len(self.phrase) <= 24


@dataclass(frozen=True)
class Move:
    id: str
    label: str


@dataclass(frozen=True)
class Group:
    slug: str
    title: str
    section: str | None
    order: int
    intro: str
    moves: tuple[Move, ...]
    ids: tuple[str, ...]  # its entries, in file order
    path: Path

    @property
    def where(self) -> str:
        return paths.rel(self.path)


@dataclass(frozen=True)
class Library:
    groups: dict[str, Group]
    phrases: dict[str, Phrase]
    moves: dict[str, Move]


# ---------------------------------------------------------------------------
# Field readers: each names the file and `<entry id>.<field>` on failure
# ---------------------------------------------------------------------------

def _text(value: Any, where: str, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise HandbookError(where, f"must be non-empty text, got {value!r}", name)
    return value.strip()


def _texts(value: Any, where: str, name: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise HandbookError(where, f"expected a list of texts, got {value!r}", name)
    return tuple(_text(v, where, f"{name}[{i}]") for i, v in enumerate(value))


# A document in force today may have been issued before the first report year (2009, 2013 …).
FIRST_ISSUE_YEAR = 1921


def _year(value: Any, where: str, name: str, low: int = MIN_YEAR) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= MAX_YEAR:
        raise HandbookError(where, f"expected a report year ({low}–{MAX_YEAR}), got {value!r}", name)
    return value


def _entry(raw: Any, i: int, where: str, group: str) -> tuple[Phrase, list[str]]:
    """One entry, checked on its own. Returns the phrase and its move ids."""
    raw = require_mapping(raw, where, f"entries[{i}]")
    if "id" not in raw or raw["id"] is None:
        raise HandbookError(where, "required field is missing", f"entries[{i}].id")
    pid = check_slug(raw["id"], where, f"entries[{i}].id")
    check_keys(raw, set(REQUIRED) | set(OPTIONAL), where, f"{pid}.")
    for key in REQUIRED:
        if raw.get(key) in (None, "", []):
            raise HandbookError(where, "required field is missing", f"{pid}.{key}")
    kind = raw["kind"]
    if kind not in KINDS:
        raise HandbookError(where, f"unknown kind {kind!r} (one of {', '.join(KINDS)})", f"{pid}.kind")
    sections = _texts(raw["sections"], where, f"{pid}.sections")
    for s in sections:
        if s not in SECTIONS:
            raise HandbookError(where, f"unknown section {s!r} (one of {', '.join(SECTIONS)})", f"{pid}.sections")
    moves = list(_texts(raw.get("moves") or [], where, f"{pid}.moves"))
    valid_from = _year(raw.get("valid_from"), where, f"{pid}.valid_from", low=FIRST_ISSUE_YEAR)
    valid_until = _year(raw.get("valid_until"), where, f"{pid}.valid_until")
    if valid_from is not None and valid_until is not None and valid_from > valid_until:
        raise HandbookError(where, f"inverted date range: valid_from {valid_from} is after valid_until {valid_until}",
                            f"{pid}.valid_until")
    replaced_by = raw.get("replaced_by")
    if replaced_by is not None:
        replaced_by = _text(replaced_by, where, f"{pid}.replaced_by")
        if valid_until is None:
            raise HandbookError(where, "replaced_by needs the valid_until year it applies after", f"{pid}.replaced_by")
    phrase = _text(raw["phrase"], where, f"{pid}.phrase")
    full = raw.get("full")
    full = _text(full, where, f"{pid}.full") if full is not None else None
    wrong = _texts(raw.get("wrong") or [], where, f"{pid}.wrong")
    for w in wrong:
        if w in (phrase, full):
            raise HandbookError(where, f"{w!r} is listed as wrong but is the entry's own wording", f"{pid}.wrong")
    choices_raw = require_mapping(raw.get("choices") or {}, where, f"{pid}.choices")
    choices: dict[str, tuple[str, ...]] = {}
    for word, alts in choices_raw.items():
        if not isinstance(word, str) or word not in phrase:
            raise HandbookError(where, f"choice slot {word!r} does not occur in the phrase", f"{pid}.choices")
        choices[word] = _texts(alts, where, f"{pid}.choices.{word}")
    pinyin = raw.get("pinyin") or ""
    if pinyin and (not isinstance(pinyin, str) or not PINYIN_RE.match(pinyin)):
        raise HandbookError(where, "pinyin is lower-case syllables separated by spaces", f"{pid}.pinyin")
    cautions = raw.get("cautions") or ""
    if not isinstance(cautions, str):
        raise HandbookError(where, f"must be text, got {cautions!r}", f"{pid}.cautions")
    source = raw.get("source")
    if kind in GENERAL_KINDS:
        if source not in (None, ""):
            raise HandbookError(where, f"a {kind} entry is a general expression ({GENERAL_LABEL}): drop the source "
                                f"{source!r}", f"{pid}.source")
        source = ""
    else:
        if source in (None, ""):
            raise HandbookError(where, "required field is missing (the document or meeting, with its year)",
                                f"{pid}.source")
        source = _text(source, where, f"{pid}.source")
        if not SOURCE_YEAR_RE.search(source):
            raise HandbookError(where, f"source {source!r} names no year: name the document or meeting with its "
                                "year, e.g. 《中国共产党纪律处分条例》（2023年修订）", f"{pid}.source")
    event = raw.get("event")
    if event is not None:
        event = check_slug(event, where, f"{pid}.event")
    variants = _texts(raw.get("variants") or [], where, f"{pid}.variants")
    for v in variants:
        if v == phrase or variants.count(v) > 1:
            raise HandbookError(where, f"variant {v!r} repeats a wording of the entry", f"{pid}.variants")
        if v in wrong:
            raise HandbookError(where, f"{v!r} is listed both as a variant and as wrong", f"{pid}.variants")
    expands_raw = raw.get("expands")
    expands = ((check_slug(expands_raw, where, f"{pid}.expands"),) if isinstance(expands_raw, str)
               else tuple(check_slug(x, where, f"{pid}.expands[{i}]") for i, x in enumerate(expands_raw or [])))
    return Phrase(
        id=pid, phrase=phrase, kind=kind, sections=sections, moves=tuple(moves),
        meaning=_text(raw["meaning"], where, f"{pid}.meaning"),
        usage=_text(raw["usage"], where, f"{pid}.usage"),
        example=_text(raw["example"], where, f"{pid}.example"),
        source=source, event=event, variants=variants, expands=expands,
        valid_from=valid_from, valid_until=valid_until, replaced_by=replaced_by,
        members=_texts(raw.get("members") or [], where, f"{pid}.members"),
        full=full, wrong=wrong, choices=choices, cautions=cautions.strip(),
        group=group, pinyin=pinyin,
    ), moves


def _group(path: Path, library: dict[str, Phrase], origin: dict[str, str],
           moves: dict[str, Move], pending: list[tuple[str, str, list[str]]]) -> Group:
    where = paths.rel(path)
    slug = check_slug(path.stem, where, "file name")
    raw = require_mapping(load_yaml(path), where)
    check_keys(raw, GROUP_FIELDS, where)
    title = _text(raw.get("group"), where, "group")
    section = raw.get("section")
    if section is not None and section not in SECTIONS:
        raise HandbookError(where, f"unknown section {section!r} (one of {', '.join(SECTIONS)})", "section")
    order = raw.get("order", 999)
    if isinstance(order, bool) or not isinstance(order, int):
        raise HandbookError(where, f"expected a whole number, got {order!r}", "order")
    own_moves = []
    for i, mv in enumerate(raw.get("moves") or []):
        mv = require_mapping(mv, where, f"moves[{i}]")
        move = Move(check_slug(mv.get("id"), where, f"moves[{i}].id"), _text(mv.get("label"), where, f"moves[{i}].label"))
        if move.id in moves and moves[move.id].label != move.label:
            raise HandbookError(where, f"move {move.id!r} is already declared with the label "
                                f"{moves[move.id].label!r}", f"moves[{i}].label")
        moves[move.id] = move
        own_moves.append(move)
    entries = raw.get("entries")
    if not isinstance(entries, list) or not entries:
        raise HandbookError(where, "expected a non-empty list of entries", "entries")
    ids = []
    for i, item in enumerate(entries):
        ph, entry_moves = _entry(item, i, where, slug)
        if ph.id in library:
            raise HandbookError(where, f"duplicate id {ph.id!r} (also in {origin[ph.id]})", f"{ph.id}.id")
        library[ph.id] = ph
        origin[ph.id] = where
        pending.append((where, ph.id, entry_moves))
        ids.append(ph.id)
    return Group(slug, title, section, order, str(raw.get("intro") or "").strip(), tuple(own_moves), tuple(ids), path)


@cache.per_root
def load(root: Path = paths.TEMPLATES) -> Library:
    """The whole library, checked across files (ids, moves, replacements).

    Under mkdocs serve the checked library is kept by the digest of what it is read
    from (its files and the calendar's), so an edit elsewhere does not reload it."""
    return _LIBRARIES.cached(lambda: library_digest(root), lambda: _load(root))


_LIBRARIES = cache.ContentMemo(4)


def _load(root: Path) -> Library:
    library: dict[str, Phrase] = {}
    origin: dict[str, str] = {}
    moves: dict[str, Move] = {}
    pending: list[tuple[str, str, list[str]]] = []
    groups = [_group(p, library, origin, moves, pending) for p in sorted((root / "phrases").glob("*.yml"))]
    for where, pid, entry_moves in pending:
        for mv in entry_moves:
            if mv not in moves:
                raise HandbookError(where, f"unknown move {mv!r} (declare it under moves: in a group file)",
                                    f"{pid}.moves")
        target = library[pid].replaced_by
        if target is not None and target not in library:
            raise HandbookError(where, f"replaced_by points to {target!r}, which is no entry", f"{pid}.replaced_by")
        if target == pid:
            raise HandbookError(where, "replaced_by points to the entry itself", f"{pid}.replaced_by")
    _dates_from_calendar(library, origin, root)
    _check_wordings(library, origin)
    groups.sort(key=lambda g: (g.order, g.slug))
    return Library({g.slug: g for g in groups}, library, moves)


def _dates_from_calendar(library: dict[str, Phrase], origin: dict[str, str], root: Path) -> None:
    """Give `event:` entries the calendar's years, and require dates of event, campaign and document entries.

    An entry whose wording (without 《》) is one of its event's calendar wordings takes that wording's
    years; another wording of the event (a spirit, a short name) starts no earlier than the event's
    first year. Written years that contradict the calendar are refused: the calendar is the one
    source of dates.
    """
    calendar: cal.Calendar | None = None
    rows: dict[str, list[dict[str, Any]]] = {}
    for pid, ph in list(library.items()):
        where = origin[pid]
        if ph.event is not None:
            if calendar is None:
                calendar = cal.load_calendar(root)
                for r in calendar.stale_terms():
                    rows.setdefault(r["event"], []).append(r)
            if ph.event not in rows:
                raise HandbookError(where, f"unknown calendar event {ph.event!r} (an id of {calendar.where})",
                                    f"{pid}.event")
            own = rows[ph.event]
            first = min(r["valid_from"] for r in own)
            forms = {f for w in ph.wordings for f in (w, w.strip("《》"))}
            named = [r for r in own if r["phrase"] in forms]
            start, until = ph.valid_from, ph.valid_until
            if named:
                r = named[0]
                for name, mine, theirs in (("valid_from", start, r["valid_from"]),
                                           ("valid_until", until, r["valid_until"])):
                    if mine is not None and mine != theirs:
                        raise HandbookError(where, f"{name} {mine} contradicts {calendar.where} ({ph.event}: "
                                            f"{r['phrase']} {name} {theirs}): drop it, the calendar gives it",
                                            f"{pid}.{name}")
                start, until = r["valid_from"], r["valid_until"]
            elif start is None:
                start = first
            if start < first:
                raise HandbookError(where, f"valid_from {start} is before {first}, the first year of calendar "
                                    f"event {ph.event!r} ({calendar.where})", f"{pid}.valid_from")
            if until is not None and start > until:
                raise HandbookError(where, f"inverted date range: valid_from {start} is after valid_until {until}",
                                    f"{pid}.valid_until")
            ph = library[pid] = dataclasses.replace(ph, valid_from=start, valid_until=until)
        if ph.kind in DATED_KINDS and ph.valid_from is None:
            raise HandbookError(where, f"a {ph.kind} entry is dated: add event: <calendar id> or valid_from "
                                "(and valid_until when it stops being current)", f"{pid}.valid_from")


def _check_wordings(library: dict[str, Phrase], origin: dict[str, str]) -> None:
    """One entry per wording, and a wording that contains another entry's names it in `expands`."""
    owner: dict[str, str] = {}
    for pid, ph in library.items():
        for w in ph.wordings:
            if w in owner and owner[w] != pid:
                raise HandbookError(origin[pid], f"wording {w!r} is also a wording of {owner[w]!r} "
                                    f"({origin[owner[w]]}): merge them (one entry, the other form as a variant)",
                                    f"{pid}.phrase" if w == ph.phrase else f"{pid}.variants")
            owner[w] = pid
    for pid, ph in library.items():
        for target in ph.expands:
            if target not in library:
                raise HandbookError(origin[pid], f"expands points to {target!r}, which is no entry", f"{pid}.expands")
            if target == pid:
                raise HandbookError(origin[pid], "expands points to the entry itself", f"{pid}.expands")
    by_pair: dict[str, list[str]] = {}
    for w in owner:
        by_pair.setdefault(w[:2], []).append(w)

    def closure(pid: str) -> set[str]:
        seen: set[str] = set()
        todo = list(library[pid].expands)
        while todo:
            x = todo.pop()
            if x not in seen:
                seen.add(x)
                todo.extend(library[x].expands)
        return seen

    for pid, ph in library.items():
        inside: dict[str, str] = {}
        for w in ph.wordings:
            for pair in char_pairs(w):
                for u in by_pair.get(pair, ()):
                    if u != w and owner[u] != pid and u in w:
                        inside.setdefault(owner[u], u)
        linked = closure(pid)
        for other, u in inside.items():
            if other not in linked:
                raise HandbookError(origin[pid], f"entry {pid} contains the wording of {other} ({u}): "
                                    f"add expands: {other} or merge", f"{pid}.expands")
        for target in ph.expands:
            if target not in inside:
                raise HandbookError(origin[pid], f"expands {target}, but no wording of {pid} contains a wording "
                                    f"of {target}", f"{pid}.expands")


def load_library(root: Path = paths.TEMPLATES) -> dict[str, Phrase]:
    """Every phrase by id, in file order."""
    return load(root).phrases



def get_phrase(pid: str, root: Path = paths.TEMPLATES) -> Phrase:
    return lookup(load_library(root), pid, "templates/phrases", "phrase id", list_known=False)


def url_for(pid: str, root: Path = paths.TEMPLATES) -> str:
    """The entry's address relative to the site root: phrases/<group>/#<id>.

    /phrases/#<id> also works (the index lists every entry under its id).
    """
    return f"phrases/{get_phrase(pid, root).group}/#{pid}"


def phrase_terms(root: Path = paths.TEMPLATES) -> tuple[str, ...]:
    """Every phrase's exact wording, its variants and the members of enumerations, in file order.

    Feeds the jieba user dictionary, which skips what cannot be one token.
    """
    terms: list[str] = []
    for ph in load_library(root).values():
        terms.extend(ph.wordings)
        terms.extend(ph.members)
    return tuple(dict.fromkeys(terms))


def char_pairs(text: str) -> set[str]:
    """Every two adjacent characters of text: a wording can only occur in a text
    that has its first two characters (a cheap test before a substring search)."""
    return set(map(operator.add, text, text[1:]))


@cache.per_root
def first_pair_index(root: Path = paths.TEMPLATES) -> tuple[dict[str, list[int]], list[tuple[str, Phrase]], list[int]]:
    """Every wording and variant with its entry, longest first; each one's position in that order
    filed under its first two characters (wordings shorter than two: always tried)."""
    ordered = sorted(((w, ph) for ph in load_library(root).values() for w in ph.wordings), key=lambda t: -len(t[0]))
    index: dict[str, list[int]] = {}
    short = []
    for i, (w, _) in enumerate(ordered):
        if len(w) >= 2:
            index.setdefault(w[:2], []).append(i)
        else:
            short.append(i)
    return index, ordered, short


def find_in_text(text: str, root: Path = paths.TEMPLATES) -> list[Phrase]:
    """The library phrases that occur in text by their wording or a variant (longest first, no
    overlaps), each once, in order of first occurrence."""
    return list(_FOUND.cached(lambda: (library_digest(root), text), lambda: _find(text, root)))


def _find(text: str, root: Path) -> tuple[Phrase, ...]:
    index, ordered, short = first_pair_index(root)
    # Only wordings whose first two characters occur in the text can occur in it.
    candidates = set(short)
    for pair in index.keys() & char_pairs(text):
        candidates.update(index[pair])
    taken = [False] * len(text)
    found: dict[str, tuple[int, Phrase]] = {}
    for i in sorted(candidates):
        w, ph = ordered[i]
        start = text.find(w)
        while start != -1:
            end = start + len(w)
            if not any(taken[start:end]):
                for j in range(start, end):
                    taken[j] = True
                if ph.id not in found or start < found[ph.id][0]:
                    found[ph.id] = (start, ph)
                break
            start = text.find(w, start + 1)
    return tuple(ph for _, ph in sorted(found.values(), key=lambda t: t[0]))


# mkdocs serve: the phrases found in a text, by the library's files and the text.
_FOUND = cache.ContentMemo(20_000)


def library_digest(root: Path = paths.TEMPLATES) -> bytes:
    """What the library is read from (its files and the calendar's), once per build."""
    root = Path(root)
    return cache.digest(cache.files_digest(root / "phrases", "*.yml"), cache.files_digest(root, "calendar.yml"))
