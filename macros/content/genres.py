"""Report types (genres): templates/genres/<slug>.yml → /genres/<slug>/ and a Word skeleton.

A genre is an ordered skeleton of section templates plus the guide text of its
page (what it is, who writes it, the regulation it answers to, what reviewers
check, common mistakes). The skeleton's Word file is assembled from the
section templates themselves (single source); a section whose template is not
written yet appears as its heading and a slot naming what goes there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..base import cache, paths, vocabulary
from ..base.errors import HandbookError
from ..base.fields import (
    check_keys,
    check_slug,
    load_yaml,
    lookup,
    require_mapping,
    require_str,
)
from ..base.text import HEADING_PATTERNS, NUMERALS
from ..engine import render
from ..engine.word import paragraph_kind
from . import sections

# The agreed section slugs (shared contract) and their Chinese titles, used
# when a section's template has not been written yet: one copy, in vocabulary.py.
SECTION_TITLES: dict[str, str] = vocabulary.SECTIONS

# The voices a report is written in (a genre's `variant:` list, the writer's 身份 on the
# tools): who speaks decides every section's variant (see section_variant).
VOICES: dict[str, str] = {
    "team": "领导班子",                 # 领导班子／党组（党委）集体，“我们”
    "supervision": "“一把手”监督汇报",   # 党组（党委）集体的专项汇报
    "individual": "个人（主要负责人）",  # 本人，第一责任人，不写分管领域
    "member": "个人（班子成员）",        # 本人，“一岗双责”，分管领域
    "secretary": "党组（党委）书记",      # 本人，第一责任人，主持会议
}


_FIELDS = {"title", "order", "summary", "subject", "doc_title", "variant", "what", "who", "to_whom",
           "when", "basis", "skeleton", "review", "mistakes", "notes"}
_REQUIRED = ("title", "summary", "subject", "doc_title", "what", "who", "to_whom", "when")
_ITEM_FIELDS = {"section", "required", "length", "note"}
_PART_FIELDS = {"part", "required", "sections", "note"}
_BASIS_FIELDS = {"name", "issued", "note"}


@dataclass(frozen=True)
class Basis:
    name: str    # exact title with 《》, or 有关规定 when unsure
    issued: str  # e.g. 2020年3月印发; empty when unknown
    note: str


@dataclass(frozen=True)
class Item:
    """One section template in the skeleton."""
    section: str
    required: bool
    length: str
    note: str

    @property
    def title(self) -> str:
        return SECTION_TITLES[self.section]


@dataclass(frozen=True)
class Part:
    """A level-1 part (一、…): its own heading, one or more sections. `heading` None = no heading."""
    heading: str | None
    required: bool
    items: tuple[Item, ...]
    note: str


@dataclass(frozen=True)
class Genre:
    slug: str
    title: str
    order: int
    summary: str
    subject: str    # 报告主体, for the overview table
    doc_title: str  # the Word title, with 【slots】
    variants: tuple[str, ...]  # the voices it is written in (team, individual, member …), default first
    what: str
    who: str
    to_whom: str
    when: str
    basis: tuple[Basis, ...]
    skeleton: tuple[Part, ...]
    review: tuple[str, ...]
    mistakes: tuple[str, ...]
    notes: str
    where: str

    def items(self) -> list[Item]:
        return [item for part in self.skeleton for item in part.items]


def _bool(raw: dict, key: str, where: str, field: str) -> bool:
    value = raw.get(key, True)
    if not isinstance(value, bool):
        raise HandbookError(where, f"expected true or false, got {value!r}", field)
    return value


def _str_list(raw: dict, key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key)
    if not isinstance(value, list) or not value:
        raise HandbookError(where, "expected a non-empty list of texts", key)
    for i, v in enumerate(value):
        if not isinstance(v, str) or not v.strip():
            raise HandbookError(where, f"must be non-empty text, got {v!r}", f"{key}[{i}]")
    return tuple(v.strip() for v in value)


def _item(raw: Any, where: str, field: str) -> Item:
    raw = require_mapping(raw, where, field)
    check_keys(raw, _ITEM_FIELDS, where, f"{field}.")
    slug = require_str(raw, "section", where, prefix=f"{field}.")
    if slug not in SECTION_TITLES:
        raise HandbookError(where, f"unknown section slug {slug!r} (agreed: {', '.join(SECTION_TITLES)})",
                            f"{field}.section")
    return Item(slug, _bool(raw, "required", where, f"{field}.required"),
                require_str(raw, "length", where, prefix=f"{field}."),
                require_str(raw, "note", where, optional=True, prefix=f"{field}."))


def _variants(raw: dict, where: str) -> tuple[str, ...]:
    """The voices the report is written in: each section template must have a variant that
    is or serves each of them (checked by check_voices once the templates are loaded)."""
    if "variant" not in raw:
        raise HandbookError(where, "required field is missing (the voices: team, individual, member …)", "variant")
    value = raw["variant"]
    value = [value] if isinstance(value, str) else value
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise HandbookError(where, f"expected a variant id or a list of them, got {value!r}", "variant")
    for i, v in enumerate(value):
        if v not in VOICES:
            raise HandbookError(where, f"unknown voice {v!r} (one of {', '.join(VOICES)})", f"variant[{i}]")
    if len(set(value)) != len(value):
        raise HandbookError(where, f"a variant is listed twice: {value!r}", "variant")
    return tuple(value)


def load_genre(path: Path) -> Genre:
    where = paths.rel(path)
    slug = check_slug(path.stem, where, "file name")
    raw = require_mapping(load_yaml(path), where)
    check_keys(raw, _FIELDS, where)
    text = {k: require_str(raw, k, where) for k in _REQUIRED}

    basis = []
    raw_basis = raw.get("basis")
    if not isinstance(raw_basis, list) or not raw_basis:
        raise HandbookError(where, "expected a non-empty list of regulations", "basis")
    for i, b in enumerate(raw_basis):
        b = require_mapping(b, where, f"basis[{i}]")
        check_keys(b, _BASIS_FIELDS, where, f"basis[{i}].")
        basis.append(Basis(require_str(b, "name", where, prefix=f"basis[{i}]."),
                           require_str(b, "issued", where, optional=True, prefix=f"basis[{i}]."),
                           require_str(b, "note", where, optional=True, prefix=f"basis[{i}].")))

    skeleton: list[Part] = []
    raw_skel = raw.get("skeleton")
    if not isinstance(raw_skel, list) or not raw_skel:
        raise HandbookError(where, "expected a non-empty list of sections and parts", "skeleton")
    seen: set[str] = set()
    for i, entry in enumerate(raw_skel):
        field = f"skeleton[{i}]"
        entry = require_mapping(entry, where, field)
        if "part" in entry:
            check_keys(entry, _PART_FIELDS, where, f"{field}.")
            members = entry.get("sections")
            if not isinstance(members, list) or not members:
                raise HandbookError(where, "a part needs a non-empty list of sections", f"{field}.sections")
            items = tuple(_item(m, where, f"{field}.sections[{j}]") for j, m in enumerate(members))
            skeleton.append(Part(require_str(entry, "part", where, prefix=f"{field}."),
                                 _bool(entry, "required", where, f"{field}.required"), items,
                                 require_str(entry, "note", where, optional=True, prefix=f"{field}.")))
        else:
            item = _item(entry, where, field)
            skeleton.append(Part(None, item.required, (item,), ""))
        for item in skeleton[-1].items:
            if item.section in seen:
                raise HandbookError(where, f"section {item.section!r} appears twice", field)
            seen.add(item.section)

    order = raw.get("order", 999)
    if not isinstance(order, int):
        raise HandbookError(where, f"expected a whole number, got {order!r}", "order")
    return Genre(
        slug=slug, title=text["title"], order=order, summary=text["summary"], subject=text["subject"],
        doc_title=text["doc_title"],
        variants=_variants(raw, where),
        what=text["what"], who=text["who"], to_whom=text["to_whom"], when=text["when"],
        basis=tuple(basis), skeleton=tuple(skeleton),
        review=_str_list(raw, "review", where), mistakes=_str_list(raw, "mistakes", where),
        notes=require_str(raw, "notes", where, optional=True), where=where,
    )


@cache.per_root
def all_genres(root: Path = paths.TEMPLATES) -> dict[str, Genre]:
    """Every report type, in the order of their `order` field."""
    found = [load_genre(p) for p in sorted((root / "genres").glob("*.yml"))]
    found.sort(key=lambda g: (g.order, g.slug))
    return {g.slug: g for g in found}


def get_genre(slug: str) -> Genre:
    return lookup(all_genres(), slug, "templates/genres", "report type")


# ---------------------------------------------------------------------------
# The skeleton as text (Word files)
# ---------------------------------------------------------------------------

def section_variant(genre: Genre, tpl: sections.SectionTemplate, voice: str) -> str:
    """The template variant that speaks in `voice` (one of the genre's variants): the one
    with that id, else the first that lists it under `serves`; a template that declares
    no variants (its one `default`) speaks for every voice. Never a silent fallback: a
    班子成员's draft in the 主要负责人's words would say 第一责任人 of himself."""
    ids = [v.id for v in tpl.variants]
    if voice in ids:
        return voice
    for v in tpl.variants:
        if voice in v.serves:
            return v.id
    if ids == ["default"]:
        return "default"
    raise HandbookError(tpl.where, f"no variant is or serves {voice!r}, a voice of {genre.slug} "
                        f"(variants: {', '.join(ids)})", "variants")


def check_voices(genre: Genre) -> None:
    """Every written section of the skeleton has a variant for each of the genre's voices."""
    templates = sections.all_sections()
    for item in genre.items():
        if item.section in templates:
            for voice in genre.variants:
                section_variant(genre, templates[item.section], voice)


def section_paragraphs(genre: Genre, slug: str, voice: str | None = None) -> list[render.Paragraph] | None:
    """The section's template rendered for this genre in `voice` (default: the genre's
    first variant), or None when it is not written yet."""
    templates = sections.all_sections()
    if slug not in templates:
        return None
    tpl = templates[slug]
    return sections.render_variant(tpl, section_variant(genre, tpl, voice or genre.variants[0]))


def document_title(genre: Genre) -> tuple[str, str]:
    """The report's title and byline: from the `title` template for this genre when it
    exists (its first paragraph is the title, the rest the byline), else doc_title."""
    paras = section_paragraphs(genre, "title")
    texts = [p.plain() for p in paras or [] if not p.is_instruction]
    if texts:
        return texts[0], "\n".join(texts[1:])
    return genre.doc_title, ""


_HEADING_RE = re.compile(f"{HEADING_PATTERNS['h1']}|{HEADING_PATTERNS['h2']}")


@dataclass(frozen=True)
class Line:
    """One row of a skeleton's outline: a part, or a section with its text."""
    number: str            # typed number: "一、", "（一）" or ""
    heading: str | None    # heading text without its number; None = no heading line
    item: Item | None      # None for a part's own heading
    required: bool
    text: tuple[str | render.Paragraph, ...] = ()  # the section's text after its heading


def _split_heading(paras: list[render.Paragraph]) -> tuple[str | None, str | None, list[render.Paragraph]]:
    """A template's own leading heading: (its kind h1/h2, its text without the number, the rest)."""
    texts = [p for p in paras if not p.is_instruction]
    if texts and _HEADING_RE.match(texts[0].plain()):
        first = texts[0].plain()
        return paragraph_kind(first), _HEADING_RE.sub("", first, count=1), texts[1:]
    return None, None, paras


def outline(genre: Genre, voice: str | None = None) -> list[Line]:
    """The skeleton in order, numbered the one way the page and the Word file share.

    A part gets the next 一、; its sections get （一）（二）… when there are
    several (under the template's own heading when it has one, renumbered),
    and no heading of their own when it is alone. A section outside any part
    keeps a 一、 heading its template brings, renumbered in sequence. Numbers
    are text, as the standard wants, never Word numbering.
    """
    check_voices(genre)
    lines: list[Line] = []
    n1 = 0
    for part in genre.skeleton:
        if part.heading:
            lines.append(Line(f"{NUMERALS[n1]}、", part.heading, None, part.required))
            n1 += 1
        for j, item in enumerate(part.items):
            paras = section_paragraphs(genre, item.section, voice)
            if paras is None:  # not written yet: a slot says what goes here
                kind, own, rest = None, None, [f"【{item.title}：{item.length}】"]
            else:
                kind, own, rest = _split_heading(paras)
            if part.heading and len(part.items) > 1:
                lines.append(Line(f"（{NUMERALS[j]}）", own or item.title, item, item.required, tuple(rest)))
            elif part.heading:
                lines.append(Line("", None, item, item.required, tuple(rest)))
            elif kind == "h1":
                lines.append(Line(f"{NUMERALS[n1]}、", own, item, item.required, tuple(rest)))
                n1 += 1
            else:
                lines.append(Line("", None, item, item.required, tuple(paras if paras is not None else rest)))
    return lines


def skeleton_texts(genre: Genre) -> list[str | render.Paragraph]:
    """The whole skeleton as Word paragraphs: typed headings, then each section's text."""
    out: list[str | render.Paragraph] = []
    for line in outline(genre):
        if line.item is not None and line.item.section == "title":
            continue  # it is the document's title
        if line.heading is not None:
            out.append(f"{line.number}{line.heading}")
        out.extend(line.text)
    return out
