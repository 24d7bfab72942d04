"""The parts of a section template's page (/sections/<slug>/), from its data.

Every section page has the same parts in the same order (PARTS); the page's
Markdown writes the headings and calls `section_part(slug, part)` under each,
and tests/test_section_pages.py checks the order on the built pages. All text
comes from templates/sections/<slug>.yml, templates/slots.yml and the phrase
and sample data: nothing here is specific to one section.
"""
from __future__ import annotations

import html
import importlib
import importlib.util
from pathlib import Path
from typing import Any

from . import paths, phrases, render, sections
from .data import Slot
from .errors import HandbookError

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

GENRE_TITLES = {
    "team-duty-report": "领导班子述责述廉报告",
    "personal-duty-report": "个人述职述廉（述责）报告",
    "secretary-responsibility-report": "党组（党委）书记履行全面从严治党主体责任情况报告",
    "leader-supervision-report": "关于加强对“一把手”和领导班子监督工作情况的汇报",
}

SAMPLES_PENDING = "样本整理中：样本报告入库后，这里会列出样本中对应这一段的原文段落。"


def _cell(text: Any) -> str:
    """Text safe inside a Markdown table cell."""
    return html.escape(str(text), quote=False).replace("|", "&#124;").replace("\n", " ")


def _module(name: str) -> Any | None:
    """A sibling module that another piece of work adds, or None while it is absent."""
    if importlib.util.find_spec(f"macros.{name}") is None:
        return None
    return importlib.import_module(f"macros.{name}")


# ---------------------------------------------------------------------------
# 用途
# ---------------------------------------------------------------------------

def genre_links(tpl: sections.SectionTemplate, docs: Path = paths.DOCS) -> str:
    """The report types that use this section; a link where the genre page exists."""
    items = []
    for slug in tpl.meta.get("genres", []):
        title = GENRE_TITLES[slug]
        if (docs / "genres" / f"{slug}.md").exists():
            items.append(f"[{title}](../genres/{slug}.md)")
        else:
            items.append(title)
    return "、".join(items)


def word_link(tpl: sections.SectionTemplate, directory_urls: bool = True) -> str:
    """The Word download of the template, once the Word work is in the tree.

    Raw HTML (MkDocs does not know the file): downloads.link makes the URL
    relative to the page being rendered, in either URL style."""
    if _module("word") is None:
        return ""
    downloads = _module("downloads")
    if downloads is None:
        return ""
    return downloads.link("sections", tpl.slug, label="下载本模板的 Word 文件")


def purpose(tpl: sections.SectionTemplate, docs: Path = paths.DOCS, directory_urls: bool = True) -> str:
    out = [str(tpl.meta.get("purpose") or tpl.summary)]
    used_in = genre_links(tpl, docs)
    if used_in:
        out.append(f"**用于：**{used_in}。")
    variants = "、".join(v.label for v in tpl.variants)
    out.append(f"**变体：**{variants}（见下文“模板”的选项卡）。")
    for tip in tpl.meta.get("tips", []):
        out.append(f"!!! tip \"提示\"\n    {tip}")
    link = word_link(tpl, directory_urls)
    if link:
        out.append(link)
    return "\n\n".join(out)


# ---------------------------------------------------------------------------
# 写法步骤 and 逐句说明
# ---------------------------------------------------------------------------

def _move_tag(label: str) -> str:
    return f'<span class="hb-move">{html.escape(label)}</span>'


def moves_table(tpl: sections.SectionTemplate) -> str:
    rows = ["| 步骤 | 这一步做什么 |", "| --- | --- |"]
    for i, mv in enumerate(tpl.moves, 1):
        rows.append(f"| {i}. {_cell(mv.label)} | {_cell(mv.does)} |")
    return "\n".join(rows)


def text_by_move(paragraphs: list[render.Paragraph]) -> dict[str, str]:
    """The plain template text of each move (slots as 【标签】, instructions dropped)."""
    out: dict[str, list[str]] = {}
    for para in paragraphs:
        current = para.move
        for seg in para.segments:
            if seg.kind == "move":
                current = seg.text
            elif seg.kind != "hint" and current is not None:
                out.setdefault(current, []).append(f"【{seg.text}】" if seg.kind == "slot" else seg.text)
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
    texts = text_by_move(sections.render_variant(tpl, first.id))
    out = []
    for i, mv in enumerate(tpl.moves, 1):
        note = notes.get(mv.id, {})
        body = [f'<div class="hb-note" id="move-{html.escape(mv.id)}">',
                f'<p class="hb-note__head">{i}. {_move_tag(mv.label)} {html.escape(mv.does)}</p>']
        sentence = texts.get(mv.id)
        if sentence:
            body.append(f'<blockquote class="hb-note__text" lang="zh-CN" data-search-exclude>'
                        f'<span class="hb-note__label">模板原句（{html.escape(first.label)}）</span>'
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
        name = f'<span class="hb-slot">【{html.escape(slot.label)}】</span><br><code>{slot.name}</code>'
        rows.append(f"| {name} | {_cell(slot.hint)} | {_cell(slot.example)} | {_cell(constraint(slot))} |")
    return "\n".join(rows)


# ---------------------------------------------------------------------------
# 相关提法
# ---------------------------------------------------------------------------

def template_text(tpl: sections.SectionTemplate) -> str:
    """Every variant's plain text, for finding the phrases the template uses."""
    return "\n".join(render.to_plain(sections.render_variant(tpl, v.id)) for v in tpl.variants)


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
    samples = _module("samples")
    if samples is None:
        return SAMPLES_PENDING
    try:
        all_samples = samples.all_samples()
    except HandbookError:
        raise
    pages = _module("samplepages")  # generates /samples/<slug>/ with an anchor p<n> per paragraph
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
        title = _cell(s.title)
        if pages is not None:  # a Markdown link: MkDocs checks it and writes the URL style in force
            title = f"[{title}](../samples/{s.slug}.md#p{index + 1})"
        excerpt = para.text[:48] + ("……" if len(para.text) > 48 else "")
        rows.append(f"| {title}（{s.year}） | {_cell(excerpt)} | {_cell(para.note)} |")
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

def section_part(slug: str, part: str, directory_urls: bool = True) -> str:
    """One part of a section page, by its id in PARTS.

    Pages pass `config.use_directory_urls` (the offline build turns it off)."""
    tpl = sections.get_section(slug)
    from . import blocks

    if part == "purpose":
        return purpose(tpl, directory_urls=directory_urls)
    if part == "moves":
        return moves_table(tpl)
    if part == "template":
        return blocks.template_tabs(tpl)
    if part == "annotations":
        return annotations(tpl)
    if part == "examples":
        return "\n\n".join(blocks.example_block(tpl, s) for s in tpl.examples)
    if part == "slots":
        return slot_table(slug)
    if part == "phrases":
        return related_phrases(tpl)
    if part == "samples":
        return sample_instances(tpl)
    known = ", ".join(p for p, _ in PARTS)
    raise HandbookError(f"macro section_part({slug!r}, {part!r})", f"unknown part (one of {known})")


def section_index() -> str:
    """Every section template, in reading order, with the report types that use it."""
    rows = ["| 段落 | 作用 | 用于 | 变体 |", "| --- | --- | --- | --- |"]
    for tpl in sections.all_sections().values():
        variants = "、".join(v.label for v in tpl.variants)
        used = "、".join(GENRE_TITLES[g].replace("关于加强对“一把手”和领导班子监督工作情况的汇报", "“一把手”监督汇报")
                        for g in tpl.meta.get("genres", []))
        rows.append(f"| [{tpl.title}]({tpl.slug}.md) | {_cell(tpl.summary)} | {_cell(used)} | {_cell(variants)} |")
    return "\n".join(rows)
