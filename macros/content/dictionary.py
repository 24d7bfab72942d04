"""jieba's user dictionary, made from the phrase library: the site search and the anonymiser cut text the same way."""
from __future__ import annotations

import hashlib
import re
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from . import phrases

QUOTED_RE = re.compile(r"[“‘]([^“”‘’]+)[”’]")
UNUSABLE_RE = re.compile(r"[\s\W_]")
HAN_RE = re.compile(r"[\u4e00-\u9fff]")


def _words(term: str) -> Iterator[str]:
    """The dictionary words of one library term.

    A term without punctuation is one word (quotation marks dropped:
    党建和业务“两张皮” is written with them, but they are not separators inside
    a name). A term with punctuation cannot be one token, but the names
    quoted in it can: “不忘初心、牢记使命”主题教育 gives 不忘初心 and 牢记使命 (the
    parts of a quotation between punctuation), which jieba would otherwise
    cut 不/忘/初心. Unquoted enumerations (不敢腐、不能腐) give nothing here:
    their members are library terms of their own.
    """
    bare = term.replace("“", "").replace("”", "").replace("‘", "").replace("’", "")
    if not UNUSABLE_RE.search(bare):
        yield bare
    for quoted in QUOTED_RE.findall(term):
        for part in UNUSABLE_RE.split(quoted):
            if len(part) >= 2:
                yield part


def jieba_user_dict(terms: Iterable[str]) -> str:
    """jieba's user dictionary format: one 'word freq' per line.

    A high frequency makes jieba prefer the whole phrase over its parts.
    Terms with punctuation or spaces cannot be single tokens: only the names
    quoted inside them are kept (see _words).
    """
    seen: set[str] = set()
    lines = []
    for term in terms:
        for word in _words(term.strip()):
            if word in seen or not HAN_RE.search(word):
                continue
            seen.add(word)
            lines.append(f"{word} 100000")
    return "\n".join(sorted(lines)) + "\n"


def dictionary_words(terms: Iterable[str]) -> list[str]:
    """The words jieba_user_dict writes, in order (the search index's extra field uses the same words)."""
    return [line.split(" ")[0] for line in jieba_user_dict(terms).splitlines() if line]


def write_user_dict() -> Path:
    """Write the jieba user dictionary to a per-content temp file."""
    text = jieba_user_dict(phrases.phrase_terms())
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    path = Path(tempfile.gettempdir()) / "handbook-jieba" / f"user-{digest}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(text, encoding="utf-8")
    return path


_in_jieba: str | None = None  # the user dictionary jieba holds in this process


def to_load() -> str:
    """The user dictionary a loader should give jieba now: its path, or "" if jieba holds it.

    jieba adds a dictionary's frequencies again each time it is loaded, so loading
    it on every build (Material's search does, and so did the anonymiser) made
    `mkdocs serve` cut the same text differently from one rebuild to the next. A
    new dictionary (edited wordings) starts from jieba's own dictionary again.
    """
    global _in_jieba
    path = str(write_user_dict())
    if _in_jieba == path:
        return ""
    import jieba

    if _in_jieba is not None:
        jieba.dt.initialized = False
        jieba.dt.initialize()
    _in_jieba = path
    return path


def load_into_jieba() -> None:
    """Give jieba the user dictionary, unless it holds it already."""
    path = to_load()
    if path:
        import jieba

        jieba.load_userdict(path)


def in_jieba() -> str:
    """The path of the user dictionary jieba holds ("" before any)."""
    return _in_jieba or ""
