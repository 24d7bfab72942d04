"""The phrase library (提法库): templates/phrases/*.yml.

Foundation version: reads the phrases so that search can keep them whole.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from . import paths
from .data import load_yaml, require_mapping, require_str
from .errors import HandbookError


@lru_cache(maxsize=None)
def phrase_terms(folder: Path = paths.PHRASES) -> tuple[str, ...]:
    """Every phrase's exact wording, in file order."""
    terms: list[str] = []
    for path in sorted(folder.glob("*.yml")):
        where = paths.rel(path)
        raw = require_mapping(load_yaml(path), where)
        entries = raw.get("entries")
        if not isinstance(entries, list):
            raise HandbookError(where, "expected a list of entries", "entries")
        for i, entry in enumerate(entries):
            entry = require_mapping(entry, where, f"entries[{i}]")
            terms.append(require_str(entry, "phrase", where, prefix=f"entries[{i}]."))
    return tuple(terms)
