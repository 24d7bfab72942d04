"""The phrase library (提法库): templates/phrases/*.yml.

Foundation version: the agreed record and API (load_library, find_in_text,
phrase_terms). The phrase-library work extends the schema and validation.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import paths
from .data import load_yaml, require_mapping, require_str
from .errors import HandbookError


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


@lru_cache(maxsize=None)
def load_library(root: Path = paths.TEMPLATES) -> dict[str, Phrase]:
    """Every phrase by id, in file order."""
    library: dict[str, Phrase] = {}
    for path in sorted((root / "phrases").glob("*.yml")):
        where = paths.rel(path)
        raw = require_mapping(load_yaml(path), where)
        entries = raw.get("entries")
        if not isinstance(entries, list):
            raise HandbookError(where, "expected a list of entries", "entries")
        for i, entry in enumerate(entries):
            entry = require_mapping(entry, where, f"entries[{i}]")
            pid = require_str(entry, "id", where, prefix=f"entries[{i}].")
            if pid in library:
                raise HandbookError(where, f"duplicate id {pid!r}", f"entries[{i}].id")
            library[pid] = Phrase(id=pid, phrase=require_str(entry, "phrase", where, prefix=f"entries[{i}]."))
    return library


def phrase_terms(root: Path = paths.TEMPLATES) -> tuple[str, ...]:
    """Every phrase's exact wording, in file order."""
    return tuple(p.phrase for p in load_library(root).values())


def find_in_text(text: str, root: Path = paths.TEMPLATES) -> list[Phrase]:
    """The library phrases that occur in text (longest first, no overlaps), in order of first occurrence."""
    library = sorted(load_library(root).values(), key=lambda p: -len(p.phrase))
    taken = [False] * len(text)
    found: list[tuple[int, Phrase]] = []
    for ph in library:
        start = text.find(ph.phrase)
        while start != -1:
            end = start + len(ph.phrase)
            if not any(taken[start:end]):
                for i in range(start, end):
                    taken[i] = True
                found.append((start, ph))
                break
            start = text.find(ph.phrase, start + 1)
    return [ph for _, ph in sorted(found, key=lambda t: t[0])]
