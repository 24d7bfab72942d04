"""jieba's user dictionary, made from the phrase library: the site search and the anonymiser cut text the same way."""
from __future__ import annotations

import hashlib
import re
import tempfile
from pathlib import Path
from typing import Iterable

from . import phrases


def jieba_user_dict(terms: Iterable[str]) -> str:
    """jieba's user dictionary format: one 'word freq' per line.

    A high frequency makes jieba prefer the whole phrase over its parts.
    Terms with punctuation or spaces cannot be single tokens and are skipped.
    """
    seen: set[str] = set()
    lines = []
    for term in terms:
        term = term.strip()
        if not term or term in seen or re.search(r"[\s\W_]", term.replace("“", "").replace("”", "")):
            continue
        if not re.search(r"[\u4e00-\u9fff]", term):
            continue
        seen.add(term)
        lines.append(f"{term} 100000")
    return "\n".join(sorted(lines)) + "\n"


def write_user_dict() -> Path:
    """Write the jieba user dictionary to a per-content temp file."""
    text = jieba_user_dict(phrases.phrase_terms())
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    path = Path(tempfile.gettempdir()) / "handbook-jieba" / f"user-{digest}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(text, encoding="utf-8")
    return path
