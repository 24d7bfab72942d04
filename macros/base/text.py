"""Small text helpers shared by every package: one copy each."""
from __future__ import annotations

import html
import re

# Chinese numerals as typed in headings (一、 （一）) and in 一是、二是 lists.
NUMERALS = "一二三四五六七八九十"

# Two Chinese characters with whitespace between: YAML folding put it there
# where a long line broke; Chinese takes none.
_CJK_GAP = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")


def tidy(text: str) -> str:
    """One line: whitespace collapsed, and none left between Chinese characters."""
    return _CJK_GAP.sub("", " ".join(text.split()))


def md_cell(text: object) -> str:
    """Text safe inside a Markdown table cell (one line; | * _ < & as entities)."""
    return (html.escape(tidy(str(text)), quote=False)
            .replace("|", "&#124;").replace("*", "&#42;").replace("_", "&#95;"))


# A slot in plain text: 【标签】 (samples, phrase wordings, titles). Text that
# comes from a template is read from its markers (engine/render.py), never so.
SLOT_RE = re.compile(r"【([^【】]*)】")


def split_slots(text: str) -> list[str]:
    """The literal pieces of a text around its 【…】 slots (n slots → n + 1 pieces)."""
    return SLOT_RE.split(text)[::2]


# Heading levels, recognised from the numbers typed at the start of a
# paragraph (the standard's 一、/（一）/1./（1）), never from Word numbering.
HEADING_PATTERNS: dict[str, str] = {
    "h1": rf"^[{NUMERALS}]+、",
    "h2": rf"^[（(][{NUMERALS}]+[）)]",
    "h3": r"^(?:\d{1,2}[.．](?!\d)|[（(]\d{1,2}[）)])",
}
