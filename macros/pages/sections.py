"""The parts of a section template's page (/sections/<slug>/), from its data.

Every section page has the same parts in the same order (PARTS); the page's
Markdown writes the headings and calls `section_part(slug, part)` under each,
and tests/test_section_pages.py checks the order on the built pages. All text
comes from templates/sections/<slug>.yml, templates/slots.yml and the phrase
and sample data: nothing here is specific to one section.
"""
from __future__ import annotations

import html
from pathlib import Path
from typing import Any, Callable

from ..base import paths
from ..base.errors import HandbookError
from ..base.text import md_cell
from ..base.vocabulary import GENRES
from ..content import genres, phrases, samples, sections
from ..content.slots import Slot
from ..engine import render
from . import blocks

# (part id, heading on the page), in page order.
PARTS: tuple[tuple[str, str], ...] = (
    ("purpose", "用途"),
    ("moves", "写法步骤"),
    ("template", "模板"),
    ("annotations", "逐句说明"),
    ("examples", "示例"),
    ("slots", "填空项"),
    ("phrases", "相关提法"),
    ("samples", "样本中的实例"),
)
HEADINGS = tuple(h for _, h in PARTS)

# ---------------------------------------------------------------------------
# 用途
# ---------------------------------------------------------------------------

def used_by(tpl: sections.SectionTemplate) -> list[str]:
    """The report types whose skeleton has this section, in their order (the skeletons are the one source)."""
    return [g.slug for g in genres.all_genres().values() if any(i.section == tpl.slug for i in g.items())]


def genre_links(tpl: sections.SectionTemplate, docs: Path = paths.DOCS) -> str:
    """The report types that use this section; a link where the genre page exists."""
    items = []
    for slug in used_by(tpl):
        title = GENRES[slug]
        if (docs / "genres" / f"{slug}.md").exists():
            items.append(f"[{title}](../genres/{slug}.md)")
        else:
            items.append(title)
    return "、".join(items)


def word_link(tpl: sections.SectionTemplate) -> str:
    """Where the Word files are: one per variant, under each variant's tab in 模板
    (blocks.template_tabs), so the link always matches the text shown above it."""
    if len(tpl.variants) > 1:
        return "**Word 文件：**每种写法一个，在下文“模板”所选写法的选项卡下方下载。"
    return "**Word 文件：**在下文“模板”下方下载。"


def purpose(tpl: sections.SectionTemplate, docs: Path = paths.DOCS) -> str:
    out = [str(tpl.meta.get("purpose") or tpl.summary)]
    used_in = genre_links(tpl, docs)
    if used_in:
        out.append(f"**用于：**{used_in}。")
    variants = "、".join(v.label for v in tpl.variants)
    out.append(f"**变体：**{variants}（见下文“模板”的选项卡）。")
    for tip in tpl.meta.get("tips", []):
        out.append(f"!!! tip \"提示\"\n    {tip}")
    out.append(word_link(tpl))
    return "\n\n".join(out)


# ---------------------------------------------------------------------------
# 写法步骤 and 逐句说明
# ---------------------------------------------------------------------------

def _move_tag(label: str) -> str:
    return f'<span class="hb-move">{html.escape(label)}</span>'


def moves_table(tpl: sections.SectionTemplate) -> str:
    rows = ["| 步骤 | 这一步做什么 |", "| --- | --- |"]
    for i, mv in enumerate(tpl.moves, 1):
        rows.append(f"| {i}. {md_cell(mv.label)} | {md_cell(mv.does)} |")
    return "\n".join(rows)


def text_by_move(paragraphs: list[render.Paragraph]) -> dict[str, str]:
    """The plain template text of each move (slots as 【标签】, instructions dropped)."""
    out: dict[str, list[str]] = {}
    for para in paragraphs:
        current = para.move
        for seg in para.segments:
            if seg.kind == "move":
                current = seg.text
            elif current is not None:
                out.setdefault(current, []).append(render.plain_segment(seg))
        if current is not None and current in out:
            out[current].append("\n")
    return {k: render.INVISIBLE_RE.sub("", "".join(v)).strip() for k, v in out.items()}


def _slot_html(text: str) -> str:
    """Escape a plain template sentence, showing its 【slots】 in the site's style."""
    escaped = html.escape(text)
    out = []
    for part in escaped.split("【"):
        if "】" in part and out:
            label, rest = part.split("】", 1)
            out.append(f'<span class="hb-slot">【{label}】</span>{rest}')
        elif out:
            out.append("【" + part)
        else:
            out.append(part)
    return "".join(out).replace("\n", "<br>")


def annotations(tpl: sections.SectionTemplate) -> str:
    """Per move: the template's own sentence(s), what the move does, why, and pitfalls."""
    notes = tpl.meta.get("annotations", {})
    first = tpl.variants[0]
    latest = sections.eras(tpl, first.id)[0]
    texts = text_by_move(list(latest.paragraphs))
    out = []
    for i, mv in enumerate(tpl.moves, 1):
        note = notes.get(mv.id, {})
        body = [f'<div class="hb-note" id="move-{html.escape(mv.id)}">',
                f'<p class="hb-note__head">{i}. {_move_tag(mv.label)} {html.escape(mv.does)}</p>']
        sentence = texts.get(mv.id)
        if sentence:
            body.append(f'<blockquote class="hb-note__text" lang="zh-CN" data-search-exclude>'
                        f'<span class="hb-note__label">模板原句（{html.escape(first.label)}，'
                        f'{html.escape(blocks.era_caption(tpl, latest))}）</span>'
                        f"{_slot_html(sentence)}</blockquote>")
        if note.get("why"):
            body.append(f'<p><strong>为什么这样写：</strong>{html.escape(note["why"])}</p>')
        pitfalls = note.get("pitfalls", [])
        if pitfalls:
            items = "".join(f"<li>{html.escape(p)}</li>" for p in pitfalls)
            body.append(f'<p><strong>常见问题：</strong></p><ul class="hb-note__pitfalls">{items}</ul>')
        body.append("</div>")
        out.append("".join(body))
    return "\n\n".join(out)


# ---------------------------------------------------------------------------
# 填空项
# ---------------------------------------------------------------------------

def constraint(slot: Slot) -> str:
    if slot.type == "year":
        return "四位数年份；决定当年的会议精神和学习教育提法"
    if slot.type == "count":
        return "非负整数（阿拉伯数字），以台账、纪要为准"
    if slot.type == "choice":
        return "取其中之一：" + "、".join(slot.choices)
    return "文字；句末不加标点"


def slot_table(slug: str) -> str:
    """The template's slots: name, meaning, example, constraint (from templates/slots.yml)."""
    tpl = sections.get_section(slug)
    rows = ["| 填空项 | 含义 | 示例 | 要求 |", "| --- | --- | --- | --- |"]
    for slot in tpl.slots:
        name = f'<span class="hb-slot">【{html.escape(slot.label)}】</span>'
        rows.append(f"| {name} | {md_cell(slot.hint)} | {md_cell(slot.example)} | {md_cell(constraint(slot))} |")
    return "\n".join(rows)


# ---------------------------------------------------------------------------
# 相关提法
# ---------------------------------------------------------------------------

def template_text(tpl: sections.SectionTemplate) -> str:
    """Every variant's plain text in every report year's wording, for finding the phrases
    the template uses."""
    return "\n".join(render.to_plain(list(era.paragraphs)) for v in tpl.variants for era in sections.eras(tpl, v.id))


def phrase_link(ph: Any, docs: Path = paths.DOCS) -> str:
    group = getattr(ph, "group", "")
    label = html.escape(ph.phrase, quote=False)
    if group and (docs / "phrases" / f"{group}.md").exists():
        return f"[{label}](../phrases/{group}.md#{ph.id})"
    return label


def related_phrases(tpl: sections.SectionTemplate, docs: Path = paths.DOCS) -> str:
    found = phrases.find_in_text(template_text(tpl))
    if not found:
        return "这一段没有用到提法库中的提法。"
    links = "、".join(phrase_link(ph, docs) for ph in found)
    return f"模板中用到的标准提法（链接到提法库，查看含义、用法和适用年度）：{links}。"


# ---------------------------------------------------------------------------
# 样本中的实例
# ---------------------------------------------------------------------------

# Section pages list at most this many samples (one paragraph each), so their
# size stays flat however many samples are published.
MAX_SAMPLE_INSTANCES = 8


def sample_instances(tpl: sections.SectionTemplate, docs: Path = paths.DOCS) -> str:
    """The body paragraphs of the samples that instantiate this section."""
    all_samples = samples.all_samples()
    rows = ["| 样本 | 段落开头 | 这一段怎么写 |", "| --- | --- | --- |"]
    shown, total = 0, 0
    for s in all_samples.values():
        matches = [(i, p) for i, p in enumerate(s.paragraphs) if p.section == tpl.slug and p.kind == "body"]
        if not matches:
            continue
        total += 1
        if shown >= MAX_SAMPLE_INSTANCES:
            continue  # the page must not grow with the number of samples
        index, para = matches[0]  # one paragraph per sample: variety over volume
        title = md_cell(s.title)
        # A Markdown link: MkDocs checks it and writes the URL style in force.
        title = f"[{title}](../samples/{s.slug}.md#p{index + 1})"
        excerpt = para.text[:48] + ("……" if len(para.text) > 48 else "")
        rows.append(f"| {title}（{s.year}） | {md_cell(excerpt)} | {md_cell(para.note)} |")
        shown += 1
    if not shown:
        return "现有样本中还没有对应这一段的段落。"
    if total > shown:
        rows.append("")
        rows.append(f"共有 {total} 篇样本含有这一段，以上列出 {shown} 篇；全部样本见[样本报告](../samples/index.md)。")
    return "\n".join(rows)


# ---------------------------------------------------------------------------
# The macro
# ---------------------------------------------------------------------------

# Each part of a section page, by its id in PARTS: one table, no if-chain.
PART_MAKERS: dict[str, Callable[[sections.SectionTemplate], str]] = {
    "purpose": purpose,
    "moves": moves_table,
    "template": lambda tpl: blocks.template_tabs(tpl, word=True),
    "annotations": annotations,
    "examples": lambda tpl: "\n\n".join(blocks.example_block(tpl, s) for s in tpl.examples),
    "slots": lambda tpl: slot_table(tpl.slug),
    "phrases": related_phrases,
    "samples": sample_instances,
}
assert tuple(PART_MAKERS) == tuple(p for p, _ in PARTS)


# A sentence before some parts, saying how to read them.
PART_INTROS: dict[str, Callable[[], str]] = {
    "template": lambda: (f"彩色标签标出每一句完成的写法步骤；{blocks.slot_html('填空项')} 是要替换的内容；"
                         f"{blocks.hint_html('写作提示')} 只供参考，不会被复制。有多个变体时，用选项卡切换；"
                         "会议精神、学习教育等提法随报告年度变化，用“报告年度”选项卡选择年度（默认最近的年度），"
                         "每个模板框的标题写明它按哪个年度的提法；各年度该写什么、哪些提法已不适用，见"
                         "[年度提法速查](../years/index.md)。"),
    "examples": lambda: "以下示例由同一模板填入虚构单位的数据生成，绿色下划线部分为填入的内容；复制按钮复制不带标记的纯文本。",
}


def section_page(slug: str) -> str:
    """A whole section page below its title: every part of PARTS, in order, under its heading."""
    tpl = sections.get_section(slug)
    out = []
    for part, heading in PARTS:
        out.append(f"## {heading}")
        if part in PART_INTROS:
            out.append(PART_INTROS[part]())
        out.append(PART_MAKERS[part](tpl))
    return "\n\n".join(out)


def section_part(slug: str, part: str) -> str:
    """One part of a section page, by its id in PARTS."""
    tpl = sections.get_section(slug)
    if part not in PART_MAKERS:
        known = ", ".join(PART_MAKERS)
        raise HandbookError(f"macro section_part({slug!r}, {part!r})", f"unknown part (one of {known})")
    return PART_MAKERS[part](tpl)


def section_index() -> str:
    """Every section template, in reading order, with the report types that use it."""
    rows = ["| 段落 | 作用 | 用于 | 变体 |", "| --- | --- | --- | --- |"]
    for tpl in sections.all_sections().values():
        variants = "、".join(v.label for v in tpl.variants)
        used = "、".join(GENRES[g].replace("关于加强对“一把手”和领导班子监督工作情况的汇报", "“一把手”监督汇报")
                        for g in used_by(tpl))
        rows.append(f"| [{tpl.title}]({tpl.slug}.md) | {md_cell(tpl.summary)} | {md_cell(used)} | {md_cell(variants)} |")
    return "\n".join(rows)
