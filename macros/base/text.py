"""Small text helpers shared by every package: one copy each."""
from __future__ import annotations

import re

# Chinese numerals as typed in headings (一、 （一）) and in 一是、二是 lists.
NUMERALS = "一二三四五六七八九十"

# Two Chinese characters with whitespace between: YAML folding put it there
# where a long line broke; Chinese takes none.
_CJK_GAP = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")


def tidy(text: str) -> str:
    """One line: whitespace collapsed, and none left between Chinese characters."""
    return _CJK_GAP.sub("", " ".join(text.split()))
