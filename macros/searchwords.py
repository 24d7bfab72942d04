"""Site search: also index the words inside jieba's long tokens (post_build).

Material's search only matches prefixes of index tokens. jieba keeps 党风廉政建设
(and, thanks to the user dictionary, every standard phrase) as one token, so a
query 廉政 (segmented to 廉政*) never reaches a page that only says 党风廉政建设;
主题教育 misses 学习贯彻习近平新时代中国特色社会主义思想主题教育. Splitting the
phrases in the text would break the opposite case (两个维护 would match pages
with 两个 and 维护 apart). So the text stays as it is and each document gets an
extra field, `words`: every dictionary word that starts inside one of its
tokens (the token's own prefixes already match). The worker indexes every
field listed in the index's `config.fields`, and its results show only title
and text, so the field is searched but never displayed.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Container, Iterable

from . import paths, phrases
from .errors import HandbookError

FIELD = "words"
HAN_RE = re.compile(r"[\u3400-\u9fff]")
TAG_RE = re.compile(r"<[^>]+>")
MAX_WORD = 16  # the longest sub-word looked up (standard phrases are longer than jieba's words)


class Dictionary:
    """jieba's own words plus the phrase library's terms: what a user may search for.

    Asks jieba's frequency table in place: a set built from it would hold a
    second copy of about 350,000 words (~30 MB of a build's peak memory).
    """

    def __init__(self, terms: Iterable[str]) -> None:
        import jieba

        jieba.dt.check_initialized()
        self._freq = jieba.dt.FREQ
        self._terms = {t for t in terms if len(t) >= 2}

    def __contains__(self, word: object) -> bool:
        if word in self._terms:
            return True
        return (isinstance(word, str) and len(word) >= 2 and self._freq.get(word, 0) > 0
                and HAN_RE.search(word) is not None)


def dictionary(terms: Iterable[str]) -> Dictionary:
    return Dictionary(terms)


def inner_words(token: str, words: Container[str]) -> list[str]:
    """Dictionary words that start inside token (not at its start), longest first at each position."""
    found = []
    for i in range(1, len(token) - 1):
        for j in range(min(len(token), i + MAX_WORD), i + 1, -1):
            w = token[i:j]
            if w in words:
                found.append(w)
    return found


def add_word_field(site_dir: Path, terms: Iterable[str] | None = None) -> Path:
    """Rewrite search/search_index.json (and the offline search_index.js) with the extra field."""
    index_path = site_dir / "search" / "search_index.json"
    if not index_path.is_file():
        raise HandbookError(paths.rel(index_path), "no search index to extend (is the search plugin enabled?)")
    data = json.loads(index_path.read_text(encoding="utf-8"))
    words = dictionary(phrases.phrase_terms() if terms is None else terms)
    separator = re.compile(data["config"]["separator"])
    for doc in data["docs"]:
        text = TAG_RE.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}")
        extra: dict[str, None] = {}
        for token in separator.split(text):
            if len(token) >= 3 and HAN_RE.search(token):
                for w in inner_words(token, words):
                    extra[w] = None
        if extra:
            doc[FIELD] = " ".join(extra)
    data["config"].setdefault("fields", {})[FIELD] = {"boost": 1}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    index_path.write_text(text, encoding="utf-8")
    offline_js = index_path.with_name("search_index.js")
    if offline_js.is_file():  # written by the offline plugin before our hook ran: same format
        offline_js.write_text(f"var __index = {text}", encoding="utf-8")
    return index_path
