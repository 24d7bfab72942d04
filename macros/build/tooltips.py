"""Tooltips for standard phrases in running text (the on_page_content hook).

The abbr glossary cannot do this for Chinese: its `\\b` never matches between
two Han characters. Instead the rendered HTML of a page is split into markup and
text by one regex and only text nodes are touched: the first
occurrence of each library term on a page becomes

    <a class="hb-term" href="…/phrases/<group>/#<id>" title="两个维护：释义">两个维护</a>

a focusable link whose title Material shows as a tooltip (content.tooltips)
and screen readers read as its description. Text is never changed, attributes
never touched (a copy button's data-copy stays as it was), and code,
headings, links, buttons, existing abbreviations, tables, slots, writing instructions
and search-excluded bars are left alone.
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Callable, Iterator

from ..base import cache, paths
from ..base.errors import HandbookError
from ..content import phrases
from ..pages.phrases import validity

SKIP_TAGS = frozenset({
    "a", "abbr", "button", "code", "pre", "kbd", "samp", "script", "style", "textarea", "select", "option",
    "label", "h1", "h2", "h3", "h4", "h5", "h6", "svg", "math", "title", "del", "dt", "input", "template",
    "table", "nav",  # index and reference tables, navigation: not running text
})
SKIP_CLASSES = frozenset({"hb-slot", "hb-hint", "hb-copy", "hb-term", "hb-ps", "headerlink", "hb-noterms"})
SKIP_ATTRS = ("data-search-exclude", "data-hb-noterms", "data-copy")
# Text kept out of the search index for size, not because it is UI: its terms are still explained.
TERM_CLASSES = frozenset({"hb-sample-para__text", "hb-sample-note__does"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
TITLE_MAX = 140

_cache: tuple[object, re.Pattern[str] | None, dict[str, phrases.Phrase]] = (None, None, {})


def _terms(root: Path) -> tuple[re.Pattern[str] | None, dict[str, phrases.Phrase]]:
    """One alternation of every tooltip term, longest first (so 党风廉政建设 wins over 廉政)."""
    global _cache
    lib = phrases.load_library(root)
    if _cache[0] is not lib:
        by_phrase: dict[str, phrases.Phrase] = {}
        for ph in lib.values():
            if ph.is_term and ph.phrase not in by_phrase:
                by_phrase[ph.phrase] = ph
        ordered = sorted(by_phrase, key=len, reverse=True)
        pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None
        _cache = (lib, pattern, by_phrase)
    return _cache[1], _cache[2]


def title_for(ph: phrases.Phrase) -> str:
    years = validity(ph)
    text = f"{ph.phrase}：{ph.meaning}" + (f"（适用：{years}）" if years else "")
    return text if len(text) <= TITLE_MAX else text[: TITLE_MAX - 1] + "…"


# Markdown's HTML, split into markup and text in one regex pass (the
# standard library's HTMLParser did the same in Python code, tag by tag, and
# was most of this hook's cost). Comments, declarations and the raw-text
# elements are taken whole (group 1), so a "<" inside a script never opens a
# tag; a tag gives its slash, name and attributes (groups 3-5).
_TOKEN_RE = re.compile(
    r"(<!--.*?-->"
    r"|<(script|style|textarea|pre|svg|math|template)\b[^>]*>.*?</\2\s*>"
    r"|<[!?][^>]*>)"
    r"|<(/?)([A-Za-z][^\s/>]*)([^>]*)>",
    re.S | re.I,
)
_ATTR_RE = re.compile(r"""([^\s"'=<>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")


def _opens_skip(tag: str, attrs: str) -> bool:
    """Whether an opening tag starts a region where no term is linked."""
    if tag in SKIP_TAGS:
        return True
    if "class" not in attrs and "data-" not in attrs:
        return False
    found = list(_ATTR_RE.finditer(attrs))
    if any(m.group(1).lower() == "class" and m.group(2) and TERM_CLASSES.intersection(m.group(2).strip("\"'").split())
           for m in found):
        return False
    for m in found:
        name = m.group(1).lower()
        if name in SKIP_ATTRS:
            return True
        if name == "class" and m.group(2) and SKIP_CLASSES.intersection(m.group(2).strip("\"'").split()):
            return True
    return False


def _linkable_text(content: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of every run of text outside markup and skipped elements."""
    stack: list[tuple[str, bool]] = []  # (tag, skipped here or above)
    skipping = False
    last = 0
    for m in _TOKEN_RE.finditer(content):
        if m.start() > last and not skipping:
            yield last, m.start()
        last = m.end()
        if m.group(1) is not None:
            continue  # comment, declaration or a whole raw-text element
        slash, name, attrs = m.group(3, 4, 5)
        tag = name.lower()
        if slash:
            # Pop to the matching open tag; tolerate stray end tags.
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == tag:
                    del stack[i:]
                    break
            skipping = bool(stack) and stack[-1][1]
        elif tag not in VOID and not attrs.endswith("/"):
            skipping = skipping or _opens_skip(tag, attrs)
            stack.append((tag, skipping))
    if last < len(content) and not skipping:
        yield last, len(content)


def annotate(content: str, href: Callable[[phrases.Phrase], str], root: Path = paths.TEMPLATES) -> str:
    """The page content with the first occurrence of each library term wrapped in a tooltip link."""
    pattern, by_phrase = _terms(root)
    if pattern is None or pattern.search(content) is None:
        return content
    out: list[str] = []
    done: set[str] = set()  # ids already linked on this page
    last = 0
    for start, end in _linkable_text(content):
        for m in pattern.finditer(content, start, end):
            ph = by_phrase[m.group(0)]
            if ph.id in done:
                continue
            done.add(ph.id)
            out.append(content[last:m.start()])
            out.append(f'<a class="hb-term" href="{html.escape(href(ph), quote=True)}" '
                       f'title="{html.escape(title_for(ph), quote=True)}">{m.group(0)}</a>')
            last = m.end()
    out.append(content[last:])
    return "".join(out)


def annotate_page(content: str, page_src: str, page_url: str, files: object) -> str:
    """The on_page_content step: skip the phrase library's own pages; link entries relative to the page."""
    if page_src.startswith("phrases/"):
        return content
    from mkdocs.utils import get_relative_url

    urls: dict[str, str] = {}

    def href(ph: phrases.Phrase) -> str:
        if ph.group not in urls:
            target = files.get_file_from_path(f"phrases/{ph.group}.md")  # type: ignore[attr-defined]
            if target is None:
                raise HandbookError(f"docs/phrases/{ph.group}.md", "phrase group page is missing")
            urls[ph.group] = get_relative_url(target.url, page_url)
        return f"{urls[ph.group]}#{ph.id}"

    # mkdocs serve: a page's annotation depends on its HTML, its place among the site's
    # files and the term table (each term's wording, entry, group and title).
    from . import incremental

    return _ANNOTATED.cached(
        lambda: cache.digest(content, page_src, page_url, incremental.files_digest(files), _table_digest()),
        lambda: annotate(content, href))


_ANNOTATED = cache.ContentMemo(4096)
_table: tuple[object, bytes] = (None, b"")


def _table_digest(root: Path = paths.TEMPLATES) -> bytes:
    """The digest of the term table, once per load of the library."""
    global _table
    pattern, by_phrase = _terms(root)
    if _table[0] is not by_phrase:
        rows = (f"{w}\t{ph.id}\t{ph.group}\t{title_for(ph)}" for w, ph in by_phrase.items())
        _table = (by_phrase, cache.digest(pattern.pattern if pattern else "", *rows))
    return _table[1]
