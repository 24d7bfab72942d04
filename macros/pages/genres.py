"""The report-type pages: parts called from docs/genres/*.md, the skeleton table, the index."""
from __future__ import annotations

import html
from pathlib import Path
from typing import Callable

from ..base import paths
from ..base.errors import HandbookError
from ..base.text import md_cell, tidy
from ..content import notices, samples
from ..content.genres import (
    SECTION_TITLES,
    Genre,
    Item,
    all_genres,
    document_title,
    get_genre,
    outline,
    skeleton_texts,
)
from ..engine import word
from . import blocks, downloads
from . import context as pagecontext


def _section_link(item: Item, docs: Path) -> str:
    """A Markdown link to the section's page when docs/sections/<slug>.md exists, else the title."""
    return _slug_link(item.section, docs)


def _slug_link(section: str, docs: Path = paths.DOCS) -> str:
    title = SECTION_TITLES[section]
    if (docs / "sections" / f"{section}.md").exists():
        return f"[{title}](../sections/{section}.md)"
    return title


def skeleton_table(slug: str, docs: Path = paths.DOCS) -> str:
    """The ordered skeleton: parts with their typed numbers, sections, required or optional, length."""
    genre = get_genre(slug)
    # A column per typical notice that asks something of this report type: ✓ where it asks for the part.
    asked = notices.for_genre(slug)
    heads = "".join(f" {md_cell(n.short)} |" for n in asked)
    rows = [f"| 顺序 | 部分 | 必备 | 常见篇幅 |{heads} 说明 |", "| --- | --- | --- | --- |" + " --- |" * len(asked) + " --- |"]
    parts_notes = {p.heading: p.note for p in genre.skeleton if p.heading}
    for line in outline(genre):
        need = "必备" if line.required else "可选"
        if line.item is None:
            note = md_cell(parts_notes.get(line.heading or "", ""))
            rows.append(f"| **{line.number}** | **{md_cell(line.heading or '')}** | {need} | |{' |' * len(asked)} {note} |")
        else:
            item = line.item
            marks = "".join(" ✓ |" if n.asks_for(slug, item.section) else " |" for n in asked)
            rows.append(f"| {line.number} | {_section_link(item, docs)} | {need} | {md_cell(item.length)} |{marks} {md_cell(item.note)} |")
    legend = ("“" + "”“".join(n.short for n in asked) + "”列的 ✓ 标出该类通知通常要求报告的部分（见下节“通知要求的部分”）。"
              if asked else "")
    title, byline = document_title(genre)
    full = "\n".join([title, *([byline] if byline else []), *word.paragraph_texts(skeleton_texts(genre))])
    button = blocks.copy_button(full, "复制骨架全文", what="骨架全文")
    return "\n".join(rows) + (
        f"\n\n{legend}序号按公文层次直接输入（一、（一）1.），不用 Word 自动编号。"
        "已写好模板的部分链接到段落模板页；骨架全文包含这些模板的原文，尚无模板的部分以【填空项】标出。\n\n"
        f'<p class="hb-skeleton-copy">{button}</p>'
    )


def _paragraphs(text: str) -> str:
    return "\n\n".join(tidy(p) for p in text.split("\n\n"))


def _bullets(items: tuple[str, ...]) -> str:
    return "\n".join(f"- {md_cell(i)}" for i in items)


def _about(genre: Genre) -> str:
    return (f"{_paragraphs(genre.what)}\n\n"
            f"**谁来写。** {_paragraphs(genre.who)}\n\n"
            f"**向谁报告。** {_paragraphs(genre.to_whom)}")


def _basis(genre: Genre) -> str:
    lines = []
    for b in genre.basis:
        issued = f"（{b.issued}）" if b.issued else ""
        note = f"：{md_cell(b.note)}" if b.note else ""
        lines.append(f"- {b.name}{issued}{note}")
    return f"{_paragraphs(genre.when)}\n\n依据：\n\n" + "\n".join(lines)


def _download(genre: Genre) -> str:
    return (f"{downloads.link('genres', genre.slug, label='下载整篇骨架')}\n\n"
            "Word 文件按 GB/T 9704—2012《党政机关公文格式》的正文格式设置：A4 纸，上 37 mm、下 35 mm、"
            "左 28 mm、右 26 mm；标题 2 号小标宋体居中，正文 3 号仿宋体，一级标题黑体、二级标题楷体；"
            "固定行距，首行缩进两字；页码 4 号半角宋体“— 1 —”，单页居右、双页居左。"
            "文件只含正文和【填空项】，不含网页上的写作提示。电脑上没有方正小标宋、仿宋_GB2312 等字体时，"
            "Word 会用宋体、仿宋等替代，可在“样式”中统一修改字体。")


def _notices(genre: Genre, docs: Path = paths.DOCS) -> str:
    """Per typical notice: what it is, and each part it asks for in the words it usually uses."""
    asked = notices.for_genre(genre.slug)
    if not asked:
        return "常见通知对本类报告没有单列要求，报告的内容和格式以上级当年的通知为准。"
    order = [i.section for i in genre.items()]
    out = ["下表是常见通知对本类报告的一般要求（大意，不是原文），按骨架顺序排列；"
           "报告的名称、内容和篇幅以收到的通知为准。通知要求而骨架没有列出的部分，应按通知增写。"]
    for n in asked:
        wanted = n.asks[genre.slug]
        ranked = sorted(wanted, key=lambda s: order.index(s) if s in order else len(order))
        rows = ["| 部分 | 通知通常怎样要求 |", "| --- | --- |"]
        for section in ranked:
            extra = "" if section in order else "（骨架未列，按通知增写）"
            rows.append(f"| {_slug_link(section, docs)}{extra} | {md_cell(wanted[section])} |")
        out.append(f"**{md_cell(n.title)}**　{md_cell(n.description)}\n\n" + "\n".join(rows))
    return "\n\n".join(out)


# The parts of a report-type page, in order: (id, heading, maker).
PAGE_PARTS: tuple[tuple[str, str, Callable[[Genre], str]], ...] = (
    ("about", "是什么、谁来写、向谁报告", _about),
    ("basis", "何时报送、依据什么规定", _basis),
    ("skeleton", "骨架", lambda g: skeleton_table(g.slug)),
    ("notices", "通知要求的部分", _notices),
    ("review", "审核要点", lambda g: _bullets(g.review)),
    ("mistakes", "常见错误", lambda g: _bullets(g.mistakes)),
    ("samples", "样本", lambda g: _samples_list(g)),
    ("download", "Word 下载", _download),
)
_MAKERS = {part: make for part, _, make in PAGE_PARTS}


def page_part(slug: str, part: str) -> str:
    """One part of a genre page, as Markdown."""
    genre = get_genre(slug)
    if part not in _MAKERS:
        raise HandbookError(f"macro genre({slug!r}, {part!r})", f"unknown part (one of {', '.join(_MAKERS)})")
    return _MAKERS[part](genre)


def genre_page(slug: str) -> str:
    """A whole report-type page below its title: every part, in order, under its heading."""
    genre = get_genre(slug)
    return "\n\n".join(f"## {heading}\n\n{make(genre)}" for _, heading, make in PAGE_PARTS)


def _samples_list(genre: Genre) -> str:
    found = [s for s in samples.all_samples().values() if s.genre == genre.slug]
    if not found:
        return '本类报告的样本正在整理，发布后列在这里和“[样本报告](../samples/index.md)”栏目中。'
    lines = []
    for s in found:
        url = pagecontext.page_href(f"samples/{s.slug}")
        name = f'<a href="{html.escape(url)}">{html.escape(s.title)}</a>'
        lines.append(f'- {name}（{s.year}年度） {downloads.link("samples", s.slug, label="Word")}')
    return "\n".join(lines)


def index_table(docs: Path = paths.DOCS) -> str:
    """The overview table of every report type (docs/genres/index.md)."""
    rows = ["| 报告类型 | 报告主体 | 主要依据 | 必备部分 |", "| --- | --- | --- | --- |"]
    for g in all_genres().values():
        page = f"[{g.title}]({g.slug}.md)" if (docs / "genres" / f"{g.slug}.md").exists() else g.title
        main = next((b for b in g.basis if b.name.startswith("《")), g.basis[0])
        basis = main.name + (f"（{main.issued}）" if main.issued else "")
        required = sum(1 for i in g.items() if i.required)
        rows.append(f"| {page} | {md_cell(g.subject)} | {md_cell(basis)} | {required} 个 |")
    return "\n".join(rows)
