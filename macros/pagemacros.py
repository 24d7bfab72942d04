"""The macros that pages call. Each is a thin call into the package.

Registered by macros/__init__.py; wrapped by registry.strict, so a wrong
argument list or an unknown name stops the build with one line.
"""
from __future__ import annotations

import html
from typing import Callable

from . import blocks, sections
from . import downloads, genres  # word+genres helper
from . import section_pages  # sections helper
from . import samplepages  # samples helper
from . import tools_pages  # tools helper
from . import phrasepages, phraseindex  # phrases helper



def template(slug: str, variant: str | None = None) -> str:
    """A section template, blank: all its variants as tabs, or one variant."""
    tpl = sections.get_section(slug)
    if variant is None:
        return blocks.template_tabs(tpl)
    return blocks.template_block(tpl, variant)


def example(slug: str, example_set: str) -> str:
    """A section template filled with one example value set."""
    return blocks.example_block(sections.get_section(slug), example_set)


def examples(slug: str) -> str:
    """Every example value set that the template's data file lists."""
    tpl = sections.get_section(slug)
    return "\n\n".join(blocks.example_block(tpl, s) for s in tpl.examples)


def slot(label: str) -> str:
    """An inline slot in the site's convention, for prose about templates."""
    return f'<span class="hb-slot">【{html.escape(label)}】</span>'


def instruction(text: str) -> str:
    """An inline writing instruction in the site's convention."""
    return f'<span class="hb-hint"><span class="hb-hint__tag">提示</span>{html.escape(text)}</span>'


def copy_text(text: str, label: str = "复制") -> str:
    """A copy button for a literal text (used on guide pages)."""
    return blocks.copy_button(text, label)




MACROS: dict[str, Callable[..., str]] = {
    "template": template,
    "example": example,
    "examples": examples,
    "slot": slot,
    "instruction": instruction,
    "copy_text": copy_text,
    "section_index": section_pages.section_index,  # sections helper: richer columns
    "section_part": section_pages.section_part,  # sections helper
    "slot_table": section_pages.slot_table,  # sections helper
    "skeleton": lambda slug: genres.skeleton_table(slug),  # word+genres helper
    "genre": lambda slug, part: genres.page_part(slug, part),
    "genre_index": lambda: genres.index_table(),
    "word_download": downloads.link,
    "sample": samplepages.sample_page,  # samples helper
    "sample_index": samplepages.sample_index,  # samples helper
    "check_tool": tools_pages.check_tool,  # tools helper
    "draft_tool": tools_pages.draft_tool,  # tools helper
    "phrase_group": phrasepages.group_page,  # phrases helper
    "phrase_browse": phrasepages.browse_table,  # phrases helper
    "phrase_index": phrasepages.full_index,  # phrases helper
    "phrase_search": phraseindex.search_widget,  # phrases helper
}
