"""Sample reports: templates/samples/<slug>.yml, written by `python -m macros samples ingest`.

A sample is an anonymised, corrected real report, split into paragraphs, each
annotated with the section it belongs to and what it does. This module loads
and validates the files and runs the leak gate (no identifying item may be
published); the pages are built by macros/samplepages.py.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..base import cache, paths
from ..base.errors import HandbookError
from ..base.fields import (
    check_keys,
    check_slug,
    load_yaml,
    lookup,
    require_mapping,
    require_str,
)
from ..base.vocabulary import GENRES, LEVELS, SECTIONS

# The agreed report types (genres) and section slugs, with their Chinese names:
# a sample names them even before their pages exist.
KINDS = ("title", "heading", "body")

ALLOW_FILE = "allow.yml"  # the leak gate's reviewed allow-list, beside the samples


@dataclass(frozen=True)
class Paragraph:
    text: str  # the paragraph as published (what the copy button copies)
    kind: str  # title | heading | body
    level: int  # heading depth (1 = 一、), 0 for title and body
    lead: str  # a run-in heading at the start of a body paragraph ("（一）……。"), or ""
    section: str  # a slug of SECTIONS
    note: str  # one line: what the paragraph does


@dataclass(frozen=True)
class Correction:
    what: str
    where: str
    why: str


@dataclass(frozen=True)
class Sample:
    slug: str
    title: str
    genre: str
    year: int
    level: str
    report_type: str
    source: str
    paragraphs: tuple[Paragraph, ...]
    corrections: tuple[Correction, ...]
    path: Path
    # What is weak in the sample as a model (a missing 问题 section, a patchwork of roles …),
    # written by a reviewer: the page says it plainly, not only what each paragraph does.
    weaknesses: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        return paths.rel(self.path)

    @property
    def body(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.kind != "title")

    @property
    def length(self) -> int:
        """Characters of text (no whitespace), the usual measure of a report's length."""
        return sum(len("".join(p.text.split())) for p in self.body)


SAMPLE_KEYS = {"slug", "title", "genre", "year", "level", "report_type", "source", "paragraphs", "corrections",
               "weaknesses"}
PARA_KEYS = {"text", "kind", "level", "lead", "section", "note"}
CORR_KEYS = {"what", "where", "why"}


def load_sample(path: Path) -> Sample:
    """The sample in path, checked (under mkdocs serve, kept by the file's bytes)."""
    return _LOADED.cached(lambda: cache.digest(str(path), path.read_bytes()), lambda: _load_sample(path))


_LOADED = cache.ContentMemo(10_000)


def _load_sample(path: Path) -> Sample:
    where = paths.rel(path)
    raw = require_mapping(load_yaml(path), where)
    check_keys(raw, SAMPLE_KEYS, where)
    slug = check_slug(require_str(raw, "slug", where), where)
    if slug != path.stem:
        raise HandbookError(where, f"slug {slug!r} must equal the file name {path.stem!r}", "slug")
    genre = require_str(raw, "genre", where)
    if genre not in GENRES:
        raise HandbookError(where, f"unknown genre {genre!r} (one of {', '.join(GENRES)})", "genre")
    year = raw.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not 2012 <= year <= 2100:
        raise HandbookError(where, f"expected a report year (2012–2100), got {year!r}", "year")
    level = require_str(raw, "level", where)
    if level not in LEVELS:
        raise HandbookError(where, f"unknown level {level!r} (one of {', '.join(LEVELS)})", "level")
    paras_raw = raw.get("paragraphs")
    if not isinstance(paras_raw, list) or not paras_raw:
        raise HandbookError(where, "expected a non-empty list of paragraphs", "paragraphs")
    paras: list[Paragraph] = []
    for i, p in enumerate(paras_raw):
        f = f"paragraphs[{i}]"
        p = require_mapping(p, where, f)
        check_keys(p, PARA_KEYS, where, f + ".")
        kind = require_str(p, "kind", where, prefix=f + ".")
        if kind not in KINDS:
            raise HandbookError(where, f"unknown kind {kind!r} (one of {', '.join(KINDS)})", f + ".kind")
        section = require_str(p, "section", where, prefix=f + ".")
        if section not in SECTIONS:
            raise HandbookError(where, f"unknown section {section!r}", f + ".section")
        level_n = p.get("level", 0)
        if not isinstance(level_n, int) or not 0 <= level_n <= 4:
            raise HandbookError(where, f"expected a heading level 0–4, got {level_n!r}", f + ".level")
        text = require_str(p, "text", where, prefix=f + ".")
        lead = require_str(p, "lead", where, optional=True, prefix=f + ".")
        if lead and not text.startswith(lead):
            raise HandbookError(where, "lead must be the start of the paragraph text", f + ".lead")
        paras.append(Paragraph(
            text=text, kind=kind, level=level_n, lead=lead, section=section,
            note=require_str(p, "note", where, optional=kind == "heading", prefix=f + "."),
        ))
    if paras[0].kind != "title":
        raise HandbookError(where, "the first paragraph must be the title", "paragraphs[0].kind")
    corrections: list[Correction] = []
    for i, c in enumerate(raw.get("corrections") or []):
        f = f"corrections[{i}]"
        c = require_mapping(c, where, f)
        check_keys(c, CORR_KEYS, where, f + ".")
        corrections.append(Correction(*(require_str(c, k, where, prefix=f + ".") for k in ("what", "where", "why"))))
    weak_raw = raw.get("weaknesses") or []
    if not isinstance(weak_raw, list):
        raise HandbookError(where, "expected a list of sentences", "weaknesses")
    weaknesses = []
    for i, w in enumerate(weak_raw):
        if not isinstance(w, str) or len(w.strip()) < 8:
            raise HandbookError(where, f"expected a sentence saying what is weak, got {w!r}", f"weaknesses[{i}]")
        weaknesses.append(w.strip())
    return Sample(
        slug=slug, title=require_str(raw, "title", where), genre=genre, year=year, level=level,
        report_type=require_str(raw, "report_type", where), source=require_str(raw, "source", where),
        paragraphs=tuple(paras), corrections=tuple(corrections), path=path, weaknesses=tuple(weaknesses),
    )


@cache.per_root
def all_samples(root: Path = paths.TEMPLATES) -> dict[str, Sample]:
    """Every sample by slug, newest report year first, then by slug."""
    found = [load_sample(p) for p in sorted((root / "samples").glob("*.yml")) if p.name != ALLOW_FILE]
    found.sort(key=lambda s: (-s.year, s.slug))
    return {s.slug: s for s in found}


def get_sample(slug: str, root: Path = paths.TEMPLATES) -> Sample:
    return lookup(all_samples(root), slug, "templates/samples", "sample")


# ---------------------------------------------------------------------------
# The leak gate
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Allowed:
    text: str
    category: str  # "" = any category
    sample: str  # "" = any sample
    reason: str


@cache.per_root
def allow_list(root: Path = paths.TEMPLATES) -> tuple[Allowed, ...]:
    """Reviewed false alarms of the anonymiser: templates/samples/allow.yml."""
    path = root / "samples" / ALLOW_FILE
    if not path.exists():
        return ()
    where = paths.rel(path)
    raw = require_mapping(load_yaml(path), where)
    check_keys(raw, {"allow"}, where)
    entries = raw.get("allow") or []
    if not isinstance(entries, list):
        raise HandbookError(where, "expected a list", "allow")
    out = []
    for i, e in enumerate(entries):
        f = f"allow[{i}]"
        e = require_mapping(e, where, f)
        check_keys(e, {"text", "category", "sample", "reason"}, where, f + ".")
        reason = require_str(e, "reason", where, prefix=f + ".")
        if len(reason) < 4:
            raise HandbookError(where, "give a real reason why this is not identifying", f + ".reason")
        out.append(Allowed(
            text=require_str(e, "text", where, prefix=f + "."),
            category=require_str(e, "category", where, optional=True, prefix=f + "."),
            sample=require_str(e, "sample", where, optional=True, prefix=f + "."),
            reason=reason,
        ))
    return tuple(out)


def is_allowed(text: str, category: str, sample: str, allowed: tuple[Allowed, ...]) -> bool:
    return any(
        a.text == text and a.category in ("", category) and a.sample in ("", sample) for a in allowed
    )
