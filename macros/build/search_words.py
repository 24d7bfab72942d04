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

import functools
import json
import re
from pathlib import Path
from typing import Any, Container, Iterable

from ..base import paths
from ..base.errors import HandbookError
from ..content import dictionary as user_dictionary
from ..content import phrases

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
        terms = list(terms)
        # The library's wordings as written, and the words the user dictionary makes of them
        # (the names quoted inside a wording: 不忘初心, 牢记使命).
        self._terms = {t for t in (*terms, *user_dictionary.dictionary_words(terms)) if len(t) >= 2}

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


def _add_words(docs: list[dict], separator: re.Pattern[str], words: Container[str]) -> None:
    seen: dict[str, list[str]] = {}  # the same tokens recur on every page
    for doc in docs:
        text = TAG_RE.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}")
        extra: dict[str, None] = {}
        for token in separator.split(text):
            if len(token) < 3:
                continue
            inner = seen.get(token)
            if inner is None:
                inner = seen[token] = inner_words(token, words) if HAN_RE.search(token) else []
            for w in inner:
                extra[w] = None
        if extra:
            doc[FIELD] = " ".join(extra)


# A sample page's search entries (issue 18: at a thousand samples the sample entries were most of the
# index every page loads, and the worker's start-up follows the index's size): one entry for the
# page, whose text is its headings, plus its 不足 and 校订说明 sections. Each heading was an entry
# of its own (a long Chinese address each); the paragraph notes, which repeat the same few dozen
# sentences from sample to sample, are data-search-exclude (macros/pages/samples.py). A search for
# a heading's words still finds the sample.
SAMPLE_PAGE_RE = re.compile(r"samples/[^/#]+/")
SAMPLE_KEPT_SECTIONS = ("#这篇样本的不足", "#校订说明")


def compact_samples(docs: list[dict]) -> list[dict]:
    """The entries with each sample page's heading entries folded into its page entry (notes dropped)."""
    out: list[dict] = []
    head: dict | None = None
    for doc in docs:
        loc = doc.get("location", "")
        m = SAMPLE_PAGE_RE.match(loc)
        if m is None:
            out.append(doc)
            continue
        anchor = loc[m.end():]
        if not anchor:
            head = dict(doc, text="")
            out.append(head)
        elif anchor in SAMPLE_KEPT_SECTIONS:
            out.append(doc)
        elif head is not None and head["location"] == m.group(0):
            head["text"] = f"{head['text']} {doc.get('title', '')}".strip()
        else:
            raise HandbookError(loc, "a sample section's search entry came before its page's entry")
    return out


def write_index(search_plugin: Any, site_dir: Path, terms: Iterable[str] | None = None) -> Path | None:
    """Write the site search index ourselves, with the extra field, before Material does.

    Material serialises the whole index in one json.dumps with every Chinese
    character escaped (\\uXXXX, 1.6x the UTF-8 size) and then encodes it again:
    with a thousand samples that transient was a build's peak memory. Here the
    entries it collected get the extra field in place and are streamed to
    disk one by one as UTF-8; Material's own write is then switched off for
    this build (config.enabled is read only by its post-build writer). Under
    dirty reload Material merges with the previous index, so we leave it be
    and return None (add_word_field then post-processes its file).
    """
    if getattr(search_plugin, "is_dirty", False):
        return None
    cfg = search_plugin.config
    config = {key: cfg[key] for key in ("lang", "separator", "pipeline", "fields")}
    config["fields"] = {**config["fields"], FIELD: {"boost": 1}}
    docs = search_plugin.search_index.entries = compact_samples(search_plugin.search_index.entries)
    _add_words(docs, re.compile(config["separator"]), dictionary(phrases.phrase_terms() if terms is None else terms))
    index_path = site_dir / "search" / "search_index.json"
    index_path.parent.mkdir(parents=True, exist_ok=True)
    dump = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"), default=str)
    tmp = index_path.with_suffix(".json.part")
    with tmp.open("w", encoding="utf-8") as out:
        out.write('{"config":' + dump(config) + ',"docs":[')
        for i, doc in enumerate(docs):
            out.write(("," if i else "") + dump(doc))
        out.write("]}")
    tmp.replace(index_path)
    cfg.enabled = False
    search_plugin.hb_writer_off = True  # restore_writer turns it back on next build
    return index_path


def restore_writer(search_plugin: Any) -> None:
    """Undo write_index's switch at the start of a build: `mkdocs serve` keeps plugin instances."""
    if getattr(search_plugin, "hb_writer_off", False):
        search_plugin.config.enabled = True
        search_plugin.hb_writer_off = False


def add_word_field(site_dir: Path, terms: Iterable[str] | None = None) -> Path:
    """Rewrite search/search_index.json (and the offline search_index.js) with the extra field."""
    index_path = site_dir / "search" / "search_index.json"
    if not index_path.is_file():
        raise HandbookError(paths.rel(index_path), "no search index to extend (is the search plugin enabled?)")
    data = json.loads(index_path.read_text(encoding="utf-8"))
    words = dictionary(phrases.phrase_terms() if terms is None else terms)
    _add_words(data["docs"], re.compile(data["config"]["separator"]), words)
    data["config"].setdefault("fields", {})[FIELD] = {"boost": 1}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    index_path.write_text(text, encoding="utf-8")
    offline_js = index_path.with_name("search_index.js")
    if offline_js.is_file():  # written by the offline plugin before our hook ran: same format
        offline_js.write_text(f"var __index = {text}", encoding="utf-8")
    return index_path
