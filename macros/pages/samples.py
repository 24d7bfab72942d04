"""The sample pages: /samples/ (a filterable list) and /samples/<slug>/ (generated).

Sample pages are not files under docs/: `generated_files` makes one virtual
page per templates/samples/<slug>.yml (not in nav), whose content is one macro
call, `{{ sample("<slug>", directory_urls=…) }}`. Links inside raw HTML are
not rewritten by MkDocs, so they are built here for the URL style in force
(the offline build turns directory URLs off) and only to pages and anchors
that exist (section pages, phrase ids, planned downloads).
"""
from __future__ import annotations

import html
import re
from typing import Any

from ..base.text import SLOT_RE, md_cell
from ..base.vocabulary import GENRES, LEVELS, SECTIONS
from ..content import genres, phrases, samples, sections
from ..content.samples import Sample
from . import blocks, downloads

# A sample page's source is its front matter and this stand-in; page_markdown writes the page.
# No Jinja in it, so mkdocs-macros skips it (render_macros: false): compiling each sample page's
# one-line template was a millisecond a page, on every build and every rebuild of `mkdocs serve`.
SAMPLE_BODY = "<!-- sample page: written by macros.pages.samples.page_markdown -->\n"


def page_source(slug: str) -> str:
    s = samples.get_sample(slug)
    title = s.title.replace('"', "“")
    return (
        "---\n"
        f'title: "{title}"\n'
        f"description: 样本报告（{s.year}年，{LEVELS[s.level]}，{GENRES[s.genre]}），逐段标注所属段落和作用\n"
        "render_macros: false\n"
        "---\n"
        f"{SAMPLE_BODY}"
    )


def page_markdown(markdown: str, src_uri: str, directory_urls: bool) -> str:
    """The on_page_markdown step for a generated sample page: the stand-in becomes the page."""
    if markdown != SAMPLE_BODY or not src_uri.startswith("samples/"):
        return markdown
    return sample_page(src_uri[len("samples/"):-len(".md")], directory_urls)


def generated_files(files: Any, config: Any) -> Any:
    """Add one page per sample (not in nav) to MkDocs' files."""
    from mkdocs.structure.files import File, InclusionLevel

    for slug in samples.all_samples():
        src = f"samples/{slug}.md"
        if files.get_file_from_path(src) is None:
            files.append(File.generated(config, src, content=page_source(slug),
                                        inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def _url(target: str, directory_urls: bool, anchor: str = "") -> str:
    """A link from /samples/<slug>/ to a page given as 'sections/<slug>' or 'phrases' (an index)."""
    frag = f"#{anchor}" if anchor else ""
    if directory_urls:
        return f"../../{target}/{frag}"
    if "/" in target:
        return f"../{target}.html{frag}"
    return f"../{target}/index.html{frag}"


def text_html(text: str) -> str:
    """Sample text as HTML: 【…】 slots in the site's slot style."""
    out, last = [], 0
    for m in SLOT_RE.finditer(text):
        out.append(html.escape(text[last:m.start()]))
        out.append(f'<span class="hb-slot">【{html.escape(m.group(1))}】</span>')
        last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def _md_heading(text: str) -> str:
    # Markdown would read these as emphasis, links or HTML.
    return re.sub(r"([\\`*_\[\]<>#])", r"\\\1", text)


def _section_link(section: str, directory_urls: bool) -> str:
    name = html.escape(SECTIONS[section])
    if section in sections.all_sections():
        return (f'<a class="hb-sample-note__section" data-search-exclude '
                f'href="{_url("sections/" + section, directory_urls)}">{name}</a>')
    return f'<span class="hb-sample-note__section" data-search-exclude>{name}</span>'


def _phrase_links(text: str, directory_urls: bool) -> str:
    found = phrases.find_in_text(text)
    if not found:
        return ""
    links = "".join(
        f'<a class="hb-sample-phrase" data-search-exclude href="{_url("phrases", directory_urls, p.id)}">'
        f'{html.escape(p.phrase)}</a>'
        for p in found
    )
    return (f'<span class="hb-sample-note__phrases"><span class="hb-sample-note__label" data-search-exclude>提法</span>'
            f'{links}</span>')


def _paragraph_block(s: Sample, i: int, directory_urls: bool) -> str:
    p = s.paragraphs[i]
    body = p.text[len(p.lead):] if p.lead else p.text
    # Site search indexes a sample's headings, not its body text or the paragraph notes (what the paragraph
    # does: the same few dozen sentences from sample to sample): with a thousand samples the bodies were 96 %
    # of the index every page loads, the notes most of the rest (issue 18).
    # data-search-exclude sits on elements with no descendant of their own tag: Material's search parser
    # tracks excluded elements by tag name, so an inner <span> closing would end an outer <span>'s exclusion.
    copy = blocks.copy_button(p.text, what=f'第{i + 1}段').replace("<button ", "<button data-search-exclude ", 1)
    note = (
        f'<div class="hb-sample-note">'
        f'<span class="hb-sample-note__label" data-search-exclude>段落</span>{_section_link(p.section, directory_urls)}'
        f'<span class="hb-sample-note__does" data-search-exclude>{html.escape(p.note)}</span>'
        f"{_phrase_links(p.text, directory_urls)}{copy}</div>"
    )
    return (
        f'<div class="hb-sample-para" id="p{i + 1}" data-section="{p.section}">'
        f'<p class="hb-sample-para__text" lang="zh-CN" data-search-exclude>{text_html(body)}</p>{note}</div>'
    )


# A sample's paragraph blocks are HTML we generate, not Markdown: the page's
# Markdown carries an empty stub per paragraph (with the id, so MkDocs still
# validates links to #p<n>), and fill_paragraphs puts each block in after
# conversion. Passed through the Markdown parser, these blocks were most of a
# sample page's build time (md_in_html and MkDocs' anchor scan parse all raw
# HTML with html.parser).
_STUB = '<div class="hb-sample-para" id="p{n}" data-hb-fill></div>'
_STUB_RE = re.compile(r'<div class="hb-sample-para" id="p(\d+)" data-hb-fill></div>')


def fill_paragraphs(content: str, src_uri: str, directory_urls: bool) -> str:
    """The on_page_content step for a sample page: each stub becomes its paragraph block."""
    if not src_uri.startswith("samples/") or "data-hb-fill" not in content:
        return content
    s = samples.get_sample(src_uri[len("samples/"):-len(".md")])
    return _STUB_RE.sub(lambda m: _paragraph_block(s, int(m.group(1)) - 1, directory_urls), content)


def sample_page(slug: str, directory_urls: bool = True) -> str:
    """The whole sample page (Markdown with raw HTML blocks): the outline comes from the headings."""
    s = samples.get_sample(slug)
    parts = [f"# {_md_heading(s.title)}", ""]
    base = "../../" if directory_urls else "../"
    word = ""
    if f"{downloads.FOLDER}/samples/{slug}.docx" in downloads.planned():
        word = downloads.link("samples", slug, label="下载 Word 文件", base=base)
    whole = "\n".join(p.text for p in s.paragraphs)
    parts.append(
        '<div class="hb-sample-meta" data-search-exclude>'
        f'<span>报告类型：<a href="{_url("genres/" + s.genre, directory_urls)}">{html.escape(GENRES[s.genre])}</a></span>'
        f"<span>年度：{s.year}</span><span>单位层级：{LEVELS[s.level]}</span><span>篇幅：约{s.length}字</span>"
        f"{blocks.copy_button(whole, label='复制全文', what='全文')}{word}</div>"
        if _genre_page_exists(s.genre) else
        '<div class="hb-sample-meta" data-search-exclude>'
        f"<span>报告类型：{html.escape(GENRES[s.genre])}</span>"
        f"<span>年度：{s.year}</span><span>单位层级：{LEVELS[s.level]}</span><span>篇幅：约{s.length}字</span>"
        f"{blocks.copy_button(whole, label='复制全文', what='全文')}{word}</div>"
    )
    parts.append("")
    parts.append(
        '<p class="hb-sample-intro" data-search-exclude>真实报告，已脱敏和校订：【…】是原文遮盖或脱敏之处，'
        "每段下方注明所属段落、段落作用和其中的标准提法。</p>"
    )
    parts.append("")
    if s.weaknesses:
        # Said before the text: whoever borrows from a sample should know first what not to copy.
        parts += ["## 这篇样本的不足", "",
                  '<p class="hb-sample-weak-intro" data-search-exclude>审读意见：这篇样本作为范文有以下不足，借鉴时注意避开。</p>', ""]
        parts += [f"- {md_cell(w)}" for w in s.weaknesses]
        parts.append("")
    for i, p in enumerate(s.paragraphs):
        if p.kind == "title":
            continue
        if p.kind == "heading":
            parts += [f"{'#' * min(p.level + 1, 6)} {_md_heading(p.text)}", ""]
            continue
        if p.lead:
            parts += [f"{'#' * min(p.level + 1, 6)} {_md_heading(p.lead.rstrip('。'))}", ""]
        parts += [_STUB.format(n=i + 1), ""]
    parts += ["## 校订说明", ""]
    if s.corrections:
        parts += ["| 校订 | 位置 | 理由 |", "| --- | --- | --- |"]
        for c in s.corrections:
            cells = [c.what, c.where, c.why]
            parts.append("| " + " | ".join(md_cell(x) for x in cells) + " |")
    else:
        parts.append("原文无需校订。")
    parts.append("")
    parts.append("来源：公开文字材料网站上的真实报告，经脱敏和校订后发布（见[来源与校订](../about/provenance.md)）。")
    return "\n".join(parts) + "\n"


def _genre_page_exists(genre: str) -> bool:
    return genre in genres.all_genres()


# ---------------------------------------------------------------------------
# /samples/: the list with filters
# ---------------------------------------------------------------------------

def sample_index() -> str:
    """The list of samples (Markdown table, links checked by MkDocs) with a filter bar (samples.js)."""
    all_s = list(samples.all_samples().values())
    genres_used = [g for g in GENRES if any(s.genre == g for s in all_s)]
    years = sorted({s.year for s in all_s}, reverse=True)
    levels = [lv for lv in LEVELS if any(s.level == lv for s in all_s)]

    def select(name: str, label: str, options: list[tuple[str, str]]) -> str:
        opts = '<option value="">全部</option>' + "".join(
            f'<option value="{html.escape(v)}">{html.escape(t)}</option>' for v, t in options)
        return (f'<label class="hb-filter__field">{html.escape(label)}'
                f'<select data-filter="{name}">{opts}</select></label>')

    bar = (
        '<form class="hb-filter hb-samples-filter" data-search-exclude role="search" aria-label="筛选样本" hidden>'
        + select("genre", "报告类型", [(GENRES[g], GENRES[g]) for g in genres_used])
        + select("year", "年度", [(str(y), str(y)) for y in years])
        + select("level", "单位层级", [(LEVELS[lv], LEVELS[lv]) for lv in levels])
        + select("length", "篇幅", [("short", "4000字以下"), ("long", "4000字及以上")])
        + '<output class="hb-filter__count" aria-live="polite"></output></form>'
    )
    rows = ["| 样本 | 报告类型 | 年度 | 单位层级 | 篇幅（字） |", "| --- | --- | --- | --- | --- |"]
    for s in all_s:
        rows.append(f"| [{_md_heading(s.title)}]({s.slug}.md) | {GENRES[s.genre]} | {s.year} | {LEVELS[s.level]} | {s.length} |")
    return "\n".join([bar, "", '<div class="hb-samples-list" markdown="1">', "", *rows, "", "</div>"])
