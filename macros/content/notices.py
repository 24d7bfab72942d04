"""Typical notices (通知): templates/notices.yml → what each asks of each report type.

A drafting office writes to a notice that lists what the report must cover. The
genre pages show, per notice type, which parts it asks for and in what words,
and mark them in the skeleton table. Slugs are checked against the agreed
vocabulary (base/vocabulary.py), not against the templates written so far: a
notice may ask for a part whose template is still to come.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..base import cache, paths, vocabulary
from ..base.errors import HandbookError
from ..base.fields import check_keys, check_slug, load_yaml, require_mapping, require_str
from ..base.text import tidy

FILE = "notices.yml"
_FIELDS = {"id", "title", "short", "description", "asks"}


@dataclass(frozen=True)
class Notice:
    id: str
    title: str        # 年度考核通知（组织部门）
    short: str        # the skeleton table's column heading
    description: str
    asks: dict[str, dict[str, str]]  # genre slug → {section slug → how it usually asks}

    def asks_for(self, genre: str, section: str) -> str | None:
        return self.asks.get(genre, {}).get(section)


def _notice(raw: object, where: str, field: str) -> Notice:
    raw = require_mapping(raw, where, field)
    check_keys(raw, _FIELDS, where, f"{field}.")
    nid = check_slug(require_str(raw, "id", where, prefix=f"{field}."), where, f"{field}.id")
    text = {k: tidy(require_str(raw, k, where, prefix=f"{field}.")) for k in ("title", "short", "description")}
    asks_raw = require_mapping(raw.get("asks"), where, f"{field}.asks")
    if not asks_raw:
        raise HandbookError(where, "a notice asks something of at least one report type", f"{field}.asks")
    asks: dict[str, dict[str, str]] = {}
    for genre, parts in asks_raw.items():
        gfield = f"{field}.asks.{genre}"
        if genre not in vocabulary.GENRES:
            raise HandbookError(where, f"unknown report type {genre!r} (one of {', '.join(vocabulary.GENRES)})",
                                gfield)
        parts = require_mapping(parts, where, gfield)
        if not parts:
            raise HandbookError(where, "expected the parts this notice asks for", gfield)
        asks[genre] = {}
        for section in parts:
            if section not in vocabulary.SECTIONS:
                raise HandbookError(where, f"unknown section slug {section!r} (agreed: {', '.join(vocabulary.SECTIONS)})",
                                    f"{gfield}.{section}")
            asks[genre][section] = tidy(require_str(parts, section, where, prefix=f"{gfield}."))
    return Notice(nid, text["title"], text["short"], text["description"], asks)


@cache.per_root
def all_notices(root: Path = paths.TEMPLATES) -> dict[str, Notice]:
    """Every notice type, in the file's order."""
    path = root / FILE
    where = paths.rel(path)
    raw = load_yaml(path)
    if not isinstance(raw, list) or not raw:
        raise HandbookError(where, "expected a non-empty list of notice types")
    out: dict[str, Notice] = {}
    for i, entry in enumerate(raw):
        notice = _notice(entry, where, f"[{i}]")
        if notice.id in out:
            raise HandbookError(where, f"notice id {notice.id!r} appears twice", f"[{i}].id")
        out[notice.id] = notice
    return out


def for_genre(genre: str, root: Path = paths.TEMPLATES) -> list[Notice]:
    """The notice types that ask something of this report type, in the file's order."""
    return [n for n in all_notices(root).values() if genre in n.asks]
