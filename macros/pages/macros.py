"""The macros that pages call. Each is a thin call into the package.

Registered by macros/__init__.py; wrapped by registry.strict, so a wrong
argument list or an unknown name stops the build with one line.
"""
from __future__ import annotations

from typing import Callable

from ..content import sections
from . import blocks, chooser, phrase_search
from . import genres as genre_pages
from . import phrases as phrase_pages
from . import samples as sample_pages
from . import sections as section_pages
from . import tools as tool_pages
from . import years as year_pages


def template(slug: str, variant: str | None = None) -> str:
    """A section template, blank: all its variants as tabs, or one variant."""
    tpl = sections.get_section(slug)
    if variant is None:
        return blocks.template_tabs(tpl)
    return blocks.template_block(tpl, variant)


MACROS: dict[str, Callable[..., str]] = {
    "template": template,
    "slot": blocks.slot_html,
    "instruction": blocks.hint_html,
    "section_page": section_pages.section_page,
    "section_index": section_pages.section_index,
    "genre_page": genre_pages.genre_page,
    "genre_index": genre_pages.index_table,
    "sample_index": sample_pages.sample_index,
    "check_tool": tool_pages.check_tool,
    "draft_tool": tool_pages.draft_tool,
    "update_tool": tool_pages.update_tool,
    "phrase_group": phrase_pages.group_page,
    "phrase_browse": phrase_pages.browse_table,
    "phrase_index": phrase_pages.full_index,
    "phrase_search": phrase_search.search_widget,
    "year_page": year_pages.year_page,
    "year_index": year_pages.year_index,
    "chooser": chooser.chooser,
}
