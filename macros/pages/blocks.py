"""Page building blocks: the HTML that macros put into Markdown pages.

Each function returns a string of Markdown or raw HTML. Raw HTML blocks are
kept free of blank lines so that Python-Markdown passes them through whole.
"""
from __future__ import annotations

import hashlib
import html

from ..content.calendar import load_calendar
from ..content.sections import Era, SectionTemplate, eras, render_example
from ..content.slots import example_sets
from ..engine import render
from . import downloads


def _attr(text: str) -> str:
    # Newlines as character references: a raw HTML block must not contain a
    # blank line, and an attribute value keeps them exactly.
    return html.escape(text, quote=True).replace("\n", "&#10;")


def slot_html(label: str) -> str:
    """An inline slot in the site's convention, for prose about templates."""
    return f'<span class="hb-slot">【{html.escape(label)}】</span>'


def hint_html(text: str) -> str:
    """An inline writing instruction in the site's convention."""
    return f'<span class="hb-hint"><span class="hb-hint__tag">提示</span>{html.escape(text)}</span>'


def copy_button(plain: str, label: str = "复制", what: str = "本段") -> str:
    """A button that puts exactly `plain` on the clipboard (handbook.js)."""
    return (
        f'<button type="button" class="hb-copy" data-copy="{_attr(plain)}" '
        f'title="复制{_attr(what)}的纯文本（不含写作提示）">'
        f'<span class="hb-copy__text">{html.escape(label)}</span></button>'
    )


def text_block(paragraphs: list[render.Paragraph], *, kind: str, caption: str,
               tpl: SectionTemplate | None = None, annotate: bool = False, searchable: bool = True,
               data: dict[str, str] | None = None) -> str:
    """A framed block of template text with a caption bar and a copy button."""
    plain = render.to_plain(paragraphs)
    body = render.to_html(
        paragraphs,
        slot_title=(lambda label: _slot_hint(tpl, label)) if tpl else None,
        move_label=tpl.move_label if (tpl and annotate) else None,
    )
    # Stable ids (content hash) keep builds reproducible.
    block_id = "hb-" + hashlib.sha1(f"{kind}|{caption}|{plain}".encode()).hexdigest()[:10]
    extra = "".join(f' data-{k}="{_attr(v)}"' for k, v in (data or {}).items())
    return (
        f'<div class="hb-block hb-block--{kind}" id="{block_id}"{extra}>'
        f'<div class="hb-block__bar" data-search-exclude><span class="hb-block__caption">{html.escape(caption)}</span>'
        f"{copy_button(plain, what=caption)}</div>"
        f'<div class="hb-block__body" lang="zh-CN"{"" if searchable else " data-search-exclude"}>{body}</div>'
        f"</div>"
    )


def _slot_hint(tpl: SectionTemplate, label: str) -> str:
    for slot in tpl.slots:
        if slot.label == label:
            return f"{slot.hint}（例：{slot.example}）"
    return label


def indent(text: str, spaces: int = 4) -> str:
    pad = " " * spaces
    return "\n".join(pad + line if line else line for line in text.split("\n"))


def era_caption(tpl: SectionTemplate, era: Era) -> str:
    """Which report years' wording a blank template shows: 按2026年度的提法, or 通用."""
    years = load_calendar(tpl.root).years
    if era.years == years:
        return f"{era.label}通用"
    return f"按{era.label}的提法"


def template_block(tpl: SectionTemplate, variant_id: str | None = None, *, annotate: bool = True,
                   era: Era | None = None) -> str:
    """One variant of a template, blank, with its moves tagged, in the wording of one era
    of report years (default: the latest); the caption says which. Only the latest era
    goes into the search index (the others repeat most of its text)."""
    variant = tpl.variant(variant_id)
    runs = eras(tpl, variant.id)
    era = era or runs[0]
    return text_block(list(era.paragraphs), kind="template",
                      caption=f"模板 · {variant.label} · {era_caption(tpl, era)}", tpl=tpl, annotate=annotate,
                      searchable=era.years == runs[0].years,
                      # handbook.js preselects the tabs of the reader's choice (我在写：…) by these.
                      data={"variant": variant.id, "years": " ".join(str(y) for y in era.years)})


def year_tabs(tpl: SectionTemplate, variant_id: str | None = None, *, annotate: bool = True) -> str:
    """A variant's blank template with a year switch: one tab per run of report years that
    read the same, latest first (the default); a single run needs no switch."""
    runs = eras(tpl, variant_id)
    if len(runs) == 1:
        return template_block(tpl, variant_id, annotate=annotate, era=runs[0])
    parts = []
    for era in runs:
        block = template_block(tpl, variant_id, annotate=annotate, era=era)
        parts.append(f'=== "{era.label}"\n\n{indent(block)}\n')
    return '<p class="hb-years" data-search-exclude>报告年度：</p>\n\n' + "\n".join(parts)


def word_link(tpl: SectionTemplate, variant_id: str) -> str:
    """The Word file of one variant (site/downloads/sections/<slug>--<variant>.docx)."""
    label = f"下载“{tpl.variant(variant_id).label}”模板的 Word 文件" if len(tpl.variants) > 1 else "下载本模板的 Word 文件"
    return '<p class="hb-word" data-search-exclude>' + downloads.link("sections", tpl.slug, variant_id, label=label) + "</p>"


def template_tabs(tpl: SectionTemplate, *, word: bool = False) -> str:
    """All variants of a template as content tabs (a single variant: no tabs), each with
    its year switch and, with `word`, the Word file of that variant (so the link follows the tab)."""
    def one(vid: str) -> str:
        return year_tabs(tpl, vid) + (f"\n\n{word_link(tpl, vid)}" if word else "")
    if len(tpl.variants) == 1:
        return one(tpl.variants[0].id)
    parts = []
    for v in tpl.variants:
        parts.append(f'=== "{v.label}"\n\n{indent(one(v.id))}\n')
    return "\n".join(parts)


def example_block(tpl: SectionTemplate, set_slug: str) -> str:

    paras = render_example(tpl, set_slug)
    title = example_sets()[set_slug].title
    return text_block(paras, kind="example", caption=f"示例 · {title}", tpl=tpl)
