"""The phrase library's pages: /phrases/ (search, browse, every id) and /phrases/<group>/.

Entries are Markdown headings with an explicit id (`### 两个维护 {#liang-ge-wei-hu}`),
so MkDocs registers and validates their anchors; the index lists every entry
as a link carrying its id, so /phrases/#<id> works too. Where a phrase occurs
in the section templates and the samples is found here, at build time.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from ..base import cache, paths
from ..base.errors import HandbookError
from ..base.text import SLOT_RE, split_slots
from ..content import phrases, samples, sections
from ..content.phrases import GENERAL_LABEL, KINDS, SECTIONS, Phrase
from ..engine import render
from . import blocks


def _md(text: str) -> str:
    """Text for a Markdown line: characters Markdown would read as syntax are escaped."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def validity(ph: Phrase) -> str:
    """The report years a wording is right for, in words ('' when undated)."""
    if ph.valid_from and ph.valid_until:
        years = f"{ph.valid_from}年度" if ph.valid_from == ph.valid_until else f"{ph.valid_from}—{ph.valid_until}年度"
    elif ph.valid_from:
        years = f"{ph.valid_from}年度起"
    elif ph.valid_until:
        years = f"至{ph.valid_until}年度"
    else:
        return ""
    return years


# ---------------------------------------------------------------------------
# Where a phrase occurs (templates, samples): found by the build
# ---------------------------------------------------------------------------

def matcher(ph: Phrase) -> re.Pattern[str]:
    """A pattern for the phrase in running text: 【slots】 match a short run, choices their alternatives."""
    parts = []
    for i, literal in enumerate(split_slots(ph.phrase)):
        if i:
            parts.append(r"[^。；\n]{1,30}?")
        piece = re.escape(literal)
        for word, alts in ph.choices.items():
            if word in literal:
                options = sorted({word, *alts}, key=len, reverse=True)
                piece = piece.replace(re.escape(word), "(?:" + "|".join(map(re.escape, options)) + ")")
        parts.append(piece)
    return re.compile("".join(parts))


def _documents(root: Path) -> list[tuple[str, str, str]]:
    """(label, docs-relative page, plain text) of every template and sample."""
    docs: list[tuple[str, str, str]] = []
    for tpl in sections.all_sections(root).values():
        text = [render.to_plain(sections.render_variant(tpl, v.id)) for v in tpl.variants]
        text += [render.to_plain(sections.render_example(tpl, s)) for s in tpl.examples]
        docs.append((f"模板：{tpl.title}", f"sections/{tpl.slug}.md", "\n".join(text)))
    if (root / "samples").is_dir():
        for s in samples.all_samples(root).values():
            docs.append((f"样本：{s.title}", f"samples/{s.slug}.md", "\n".join(p.text for p in s.paragraphs)))
    return docs


@cache.per_root
def occurrences(root: Path = paths.TEMPLATES) -> dict[str, tuple[tuple[str, str], ...]]:
    """Phrase id → the (label, page) of every template and sample it occurs in."""
    docs = _documents(root)
    library = list(phrases.load_library(root).values())
    patterns = {ph.id: matcher(ph) for ph in library if ph.choices or SLOT_RE.search(ph.phrase)}
    # The literal pieces a pattern cannot match without (the parts between
    # slots that hold no replaceable word): the regex runs only where all occur.
    required = {ph.id: [piece for piece in split_slots(ph.phrase)
                        if piece and not any(word in piece for word in ph.choices)]
                for ph in library if ph.id in patterns}
    hits: dict[str, list[tuple[str, str]]] = {ph.id: [] for ph in library}

    def present_ids(text: str) -> tuple[str, ...]:
        # One set lookup spares most substring searches (hundreds of phrases
        # times every template and sample). One text's pairs at a time: kept
        # for a thousand samples, they took 300 MB.
        pairs = phrases.char_pairs(text)

        def has(word: str, pairs: set[str] = pairs, text: str = text) -> bool:
            return (len(word) < 2 or word[:2] in pairs) and word in text

        found = []
        for ph in library:
            pattern = patterns.get(ph.id)
            if pattern is not None:
                present = all(has(piece) for piece in required[ph.id]) and pattern.search(text) is not None
            else:
                present = has(ph.phrase)
            if present or (ph.full and has(ph.full)):
                found.append(ph.id)
        return tuple(found)

    for label, page, text in docs:
        for pid in _PRESENT.cached(lambda text=text: (phrases.library_digest(root), text),
                                   lambda text=text: present_ids(text)):
            hits[pid].append((label, page))
    return {pid: tuple(found) for pid, found in hits.items()}


# mkdocs serve: which phrases occur in a template's or sample's text, by the library's files and the text.
_PRESENT = cache.ContentMemo(20_000)


# ---------------------------------------------------------------------------
# Blocks
# ---------------------------------------------------------------------------

def _page_exists(page: str) -> bool:
    return (paths.DOCS / page).is_file() or page.startswith("samples/")


def _link(text: str, target: str, here: str) -> str:
    """A Markdown link from the page `here` (docs-relative) to `target` (docs-relative, may carry #anchor)."""
    page, _, anchor = target.partition("#")
    depth = here.count("/")
    rel = "../" * depth + page
    return f"[{_md(text)}]({rel}{'#' + anchor if anchor else ''})"


def _phrase_ref(ph: Phrase, here: str) -> str:
    return _link(ph.phrase, f"phrases/{ph.group}.md#{ph.id}", here)


def members_shown(ph: Phrase) -> str:
    """The entry's list of members or full wording, once: '' when its meaning already spells them out.

    四个意识 used to show 政治意识、大局意识、核心意识、看齐意识 three times (全称,
    成员, 含义); the full wording names the members, so a separate member list
    is shown only for an entry without one.
    """
    text = ph.full or ("；" if any("、" in m for m in ph.members) else "、").join(ph.members)
    if not text or text == ph.phrase or text in ph.meaning or (ph.members and _in_order(ph.members, ph.meaning)):
        return ""
    return text


def _in_order(members: tuple[str, ...], text: str) -> bool:
    at = 0
    for m in members:
        at = text.find(m, at)
        if at < 0:
            return False
        at += len(m)
    return True


def entry_block(ph: Phrase, here: str) -> str:
    """One entry in a few lines: a heading with its id, a bar (kind, years, copy buttons), the facts a
    writer needs (meaning, usage, one example, source) in a compact list, the rest folded in a <details>.

    The first copy button gives the form the usage needs (“四个意识” when running
    text quotes it: Phrase.copy_form); the bare wording has its own button.
    """
    library = phrases.load_library()
    years = validity(ph)
    bar = [f'<span class="hb-phrase__kind" data-kind="{ph.kind}">{KINDS[ph.kind]}</span>']
    if years:
        bar.append(f'<span class="hb-phrase__years">适用：{html.escape(years)}</span>')
    if ph.quoted:
        bar.append(blocks.copy_button(ph.copy_form, label=f"复制{ph.copy_form}", what="带引号的提法"))
        bar.append(blocks.copy_button(ph.phrase, label="不带引号", what="不带引号的提法"))
    else:
        bar.append(blocks.copy_button(ph.phrase, label="复制提法", what="这条提法"))
    if ph.full:
        bar.append(blocks.copy_button(ph.full, label="复制全称", what="全称"))
    out = [f"### {_md(ph.phrase)} {{ #{ph.id} .hb-phrase__title }}", "",
           f'<div class="hb-phrase__bar" data-search-exclude>{"".join(bar)}</div>', "",
           '<div class="hb-phrase__facts" markdown>', ""]

    def field(name: str, value: str) -> None:
        out.extend([name, f":   {value}", ""])

    members = members_shown(ph)
    if members:
        field("全称" if ph.full else "成员", _md(members) + ("" if ph.full else "（顺序固定）"))
    if ph.variants:
        field("又作", "；".join(_md(v) for v in ph.variants))
    field("含义", _md(ph.meaning))
    field("用法", _md(ph.usage))
    if ph.choices:
        field("可替换", "；".join(f"{_md(k)} → {'／'.join(_md(a) for a in v)}" for k, v in ph.choices.items()))
    field("例句", _md(ph.example))
    if ph.replaced_by:
        field("年度", f"{years}可作为现行表述；此后改用 {_phrase_ref(library[ph.replaced_by], here)}")
    # A general expression has no single source: say so (with its kind) rather than invent one.
    field("来源", _md(ph.source) if ph.source else f"{GENERAL_LABEL}（{KINDS[ph.kind]}），无单一出处")
    out += ["</div>", ""]
    more = []
    if ph.cautions:
        more += ["注意", f":   {_md(ph.cautions)}", ""]
    if ph.wrong:
        more += ["常见误写", ":   " + "；".join(f"<del>{html.escape(w)}</del>" for w in ph.wrong), ""]
    serves = []
    for s in ph.sections:
        serves.append(_link(SECTIONS[s], f"sections/{s}.md", here) if _page_exists(f"sections/{s}.md")
                      else _md(SECTIONS[s]))
    more += ["适用段落", ":   " + "、".join(serves), ""]
    more += ["出现位置", ":   " + _where(occurrences().get(ph.id, ()), here), ""]
    summary = "、".join(x for x, ok in (("注意", ph.cautions), ("常见误写", ph.wrong), ("适用段落和出现位置", True)) if ok)
    out += ['<details class="hb-phrase__more" markdown>', f"<summary>{summary}</summary>", "",
            '<div class="hb-phrase__facts" markdown>', "", *more, "</div>", "", "</details>"]
    return "\n".join(out)


# An entry lists every template it occurs in but at most this many samples, so
# that phrase pages do not grow with the number of published samples.
MAX_SAMPLE_LINKS = 8


# Site search indexes an entry by what a writer looks it up by: its wording (the heading), members,
# variants, meaning, usage, source, cautions and wrong forms. Not indexed (data-search-exclude), being the
# same words on hundreds of entries: the field labels, the example sentence, the general source line
# (“通用表述（…），无单一出处”), the folded summary, the 适用段落 / 出现位置 link lists, and the full list on
# /phrases/ (each wording is indexed once, as its entry's heading). The phrase pages went from 55 % of the
# shipped index to 38 % (issue 18).
SEARCH_EXCLUDED_FIELDS = ("例句", "适用段落", "出现位置")
_DT_RE = re.compile(r"<dt>([^<]*)</dt>(\s*)<dd>")
_SUMMARY = '<details class="hb-phrase__more">\n<summary>'


def exclude_from_search(html_text: str) -> str:
    """A group page's converted HTML with the fields above marked data-search-exclude.

    Material's search parser tracks an excluded element by its tag name, so the attribute goes on
    elements (dt, dd, summary) that never contain an element of their own tag."""
    def mark(m: re.Match) -> str:
        dd = "<dd data-search-exclude>" if m.group(1) in SEARCH_EXCLUDED_FIELDS else "<dd>"
        return f"<dt data-search-exclude>{m.group(1)}</dt>{m.group(2)}{dd}"
    html_text = _DT_RE.sub(mark, html_text).replace(f"<dd>{GENERAL_LABEL}（", f"<dd data-search-exclude>{GENERAL_LABEL}（")
    html_text = html_text.replace(_SUMMARY, '<details class="hb-phrase__more">\n<summary data-search-exclude>')
    # md_in_html drops an attribute without a value, so the list's is added here.
    return html_text.replace('<div class="hb-phrase-list">', '<div class="hb-phrase-list" data-search-exclude>')


def _where(where: tuple[tuple[str, str], ...], here: str) -> str:
    if not where:
        return "模板和样本中暂未出现"
    in_samples = [w for w in where if w[1].startswith("samples/")]
    shown = [w for w in where if not w[1].startswith("samples/")] + in_samples[:MAX_SAMPLE_LINKS]
    text = "、".join(_link(label, page, here) for label, page in shown)
    if len(in_samples) > MAX_SAMPLE_LINKS:
        text += f"等（共 {len(in_samples)} 篇样本）"
    return text


def group_page(slug: str) -> str:
    """/phrases/<group>/: its entries by move, and cross-references to other groups' entries for the section."""
    lib = phrases.load()
    if slug not in lib.groups:
        raise HandbookError("docs/phrases", f"unknown phrase group {slug!r} (known: {', '.join(lib.groups)})")
    group = lib.groups[slug]
    here = f"phrases/{slug}.md"
    out = []
    if group.intro:
        out += [_md(group.intro), ""]
    own = [lib.phrases[i] for i in group.ids]
    shown: set[str] = set()
    for mv in group.moves:
        members = [p for p in own if p.id not in shown and mv.id in p.moves]
        others = [p for p in lib.phrases.values() if p.group != slug and mv.id in p.moves
                  and (group.section is None or group.section in p.sections)]
        if not members and not others:
            continue
        out += [f"## {_md(mv.label)} {{ #move-{mv.id} }}", ""]
        for ph in members:
            out += [entry_block(ph, here), ""]
            shown.add(ph.id)
        if others:
            out += ["另见：" + "、".join(_phrase_ref(p, here) for p in others), ""]
    rest = [p for p in own if p.id not in shown]
    if rest:
        out += ["## 其他表述 { #move-other }" if group.moves else "## 条目 { #entries }", ""]
        for ph in rest:
            out += [entry_block(ph, here), ""]
    return "\n".join(out)


def browse_table() -> str:
    """The index's 'browse' table: each section's group and moves, then the cross-cutting groups."""
    lib = phrases.load()
    here = "phrases/index.md"
    rows = ["| 段落 | 写法步骤 | 条目数 |", "| --- | --- | --- |"]
    for g in lib.groups.values():
        if g.section is None:
            continue
        moves = "、".join(_link(m.label, f"phrases/{g.slug}.md#move-{m.id}", here) for m in g.moves
                         if any(m.id in lib.phrases[i].moves for i in g.ids))
        rows.append(f"| {_link(g.title, f'phrases/{g.slug}.md', here)} | {moves} | {len(g.ids)} |")
    rows += ["", "| 通用 | 说明 | 条目数 |", "| --- | --- | --- |"]
    for g in lib.groups.values():
        if g.section is None:
            rows.append(f"| {_link(g.title, f'phrases/{g.slug}.md', here)} | {_md(g.intro)} | {len(g.ids)} |")
    return "\n".join(rows)


def full_index() -> str:
    """Every entry by group, each a link carrying the entry's id: /phrases/#<id> lands here."""
    lib = phrases.load()
    here = "phrases/index.md"
    out = []
    for g in lib.groups.values():
        out += [f"### {_md(g.title)} {{ #group-{g.slug} }}", "", '<div class="hb-phrase-list" markdown>', ""]
        for pid in g.ids:
            ph = lib.phrases[pid]
            years = validity(ph)
            meta = KINDS[ph.kind] + (f" · {years}" if years else "")
            out.append(f"- {_phrase_ref(ph, here)}{{ #{ph.id} }} <span class=\"hb-phrase-list__meta\">{meta}</span>")
        out += ["", "</div>", ""]
    return "\n".join(out)


def check_pages() -> None:
    """Every group has its page under docs/phrases/ (and nav lists it: the strict build checks that)."""
    for slug, g in phrases.load().groups.items():
        page = paths.DOCS / "phrases" / f"{slug}.md"
        if not page.is_file():
            raise HandbookError(g.where, f"phrase group has no page: create docs/phrases/{slug}.md with "
                                f"{{{{ phrase_group(\"{slug}\") }}}} and add it to nav")
