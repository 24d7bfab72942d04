"""年度提法速查: one page per report year the calendar covers, generated from templates/calendar.yml.

For a report of year Y: the spirit to study, the year's campaign with its
slogans, the follow-up forms of earlier campaigns, the meetings and milestones
of the year, the five-year plan, the documents in their current revisions,
what may already be named in 下一步, and what no longer fits (with the wording
to use instead). Nothing here is written by hand: a new year is a new calendar
year and its entries.
"""
from __future__ import annotations

from typing import Any

from ..base.text import md_cell
from ..content import calendar as cal_data
from ..content.calendar import Calendar, Event


def _cal() -> Calendar:
    return cal_data.load_calendar()


def page_source(year: int) -> str:
    return (
        "---\n"
        f'title: "{year}年度提法速查"\n'
        f"description: {year}年度报告应学习贯彻的精神、学习教育、时间节点、现行文件和不再适用的提法\n"
        "---\n"
        f"{{{{ year_page({year}) }}}}\n"
    )


def generated_files(files: Any, config: Any) -> Any:
    """Add /years/<Y>/ for every covered year (not in nav: /years/ lists them)."""
    from mkdocs.structure.files import File, InclusionLevel

    for year in _cal().years:
        src = f"years/{year}.md"
        if files.get_file_from_path(src) is None:
            files.append(File.generated(config, src, content=page_source(year), inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def _quoted(e: Event) -> str:
    """A campaign's name as a report writes it: the slogan part in quotation marks when it has one."""
    return e.label


def _when(e: Event) -> str:
    start = f"{e.start.year}年{e.start.month}月" + (f"{e.start.day}日" if e.start.day else "")
    if e.end and (e.end.year, e.end.month, e.end.day) != (e.start.year, e.start.month, e.start.day):
        same_month = (e.end.year, e.end.month) == (e.start.year, e.start.month)
        end = (f"{e.end.day}日" if same_month and e.end.day else
               f"{e.end.year}年{e.end.month}月" + (f"{e.end.day}日" if e.end.day else ""))
        return f"{start}—{end}"
    return start


def _current_revision(e: Event, year: int) -> str:
    revisions = [r for r in e.revisions if r.effective_year <= year]
    return f"{revisions[-1].date.year}年修订" if revisions else ""


def _by_event(rows: Any) -> list[tuple[str, dict]]:
    """The first row of each event (its name), in calendar order."""
    seen: dict[str, dict] = {}
    for r in rows:
        if r["field"] in ("name", "short") and r["event"] not in seen:
            seen[r["event"]] = r
    return list(seen.items())


def _named(e: Event) -> str:
    return e.label if e.label == e.name else f"{e.label}（{e.name}）"


def year_page(year: int) -> str:
    """The Markdown of /years/<year>/ below its front matter."""
    cal = _cal()
    cal.require_year(year, f"macro year_page({year!r})")
    out = [f"# {year}年度提法速查", "",
           f"按报告**所述年度**取用提法：本页是{year}年度报告（{year}年底或{year + 1}年初起草）的提法。"
           "日期和措辞来自手册的日程表（templates/calendar.yml），标注“待核”的请对照原文。", ""]
    out += ["## 学习贯彻的精神", "",
            f"- {cal.spirit(year)}", f"- 概括写法：{cal.spirit(year, 'all')}"
            if cal.spirit(year, "all") != cal.spirit(year) else "", ""]
    campaign = cal.campaign(year)
    out += ["## 本年度的学习教育", ""]
    if campaign:
        out.append(f"- **{_quoted(campaign)}**（{_when(campaign)}）")
        out += [f"    - {s}" for s in campaign.slogans]
        if campaign.uncertain:
            out.append(f"    - 待核：{md_cell(campaign.uncertain)}")
    else:
        out.append("- 本年度没有全党集中开展的学习教育。")
    follow = cal.followups(year)
    if follow:
        out.append("- 往年学习教育的后续写法：" + "；".join(follow))
    out.append("")
    held = [e for e in cal.events() if e.start.year == year and e.kind in ("congress", "plenum", "ccdi-plenum")]
    out += ["## 本年度的重要会议", ""]
    out += [f"- {e.name}（{_when(e)}）" + (f"：{md_cell(e.theme)}" if e.theme else "") for e in held] or ["- 无"]
    out.append("")
    plan = cal.plan(year)
    out += ["## 时间节点和规划", "", f"- 规划：{plan.label}（{plan.start.year}—{plan.end.year if plan.end else ''}年）"]
    out += [f"- {m.label}" for m in cal.milestones(year)]
    out.append("")
    docs = [e for e in cal.events("document") if e.start.year <= year]
    out += ["## 现行文件（本年度引用的版本）", "", "| 文件 | 印发 | 现行版本 |", "| --- | --- | --- |"]
    for e in docs:
        out.append(f"| {md_cell(e.name)} | {e.start.year}年{e.start.month}月 | {_current_revision(e, year) or '—'} |")
    out.append("")
    events = {e.id: e for e in cal.events()}
    rows = cal.stale_terms()
    ahead = _by_event(r for r in rows if r["valid_from"] == year + 1)
    gone = _by_event(r for r in rows if r["valid_until"] is not None and year - 3 <= r["valid_until"] < year)
    out += ["## 下一步打算中可以提前写的", ""]
    out += [f"- {md_cell(_named(events[eid]))}（{r['valid_from']}年度起为现行提法）" for eid, r in ahead] or ["- 无"]
    out += ["", "## 不再作为现行提法的", "",
            "作为历史回顾（“2021年开展的……”“……以来”）仍可提及；作为本年度要学习、开展或落实的内容，请改用右栏。", "",
            "| 提法 | 现行到 | 改写为 |", "| --- | --- | --- |"]
    for eid, r in gone:
        out.append(f"| {md_cell(_named(events[eid]))} | {r['valid_until']}年度 | {md_cell(r['replacement'] or '（不再提）')} |")
    out += ["", "写完后用[提法体检](../tools/check.md)按本年度检查全文。"]
    return "\n".join(line for line in out if line is not None)


def year_index() -> str:
    """/years/: a link per covered year, newest first."""
    years = list(reversed(_cal().years))
    return "\n".join(f"- [{y}年度提法速查]({y}.md)" for y in years)
