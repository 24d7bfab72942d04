"""The phrase library as a reference (issue 14): sources, dates from the calendar, one entry per
wording, longer forms linked, and every formulation the templates use known to the library and
the checker. Made-up libraries test each rule; the real library must keep all of them."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from macros.base import paths
from macros.base.errors import HandbookError
from macros.content import calendar as cal
from macros.content import phrases, sections
from macros.tools import checker
from macros.tools import rules as check_rules

SIZE = 1000
ENTRY = """\
  - id: {id}
    phrase: {phrase}
    kind: {kind}
    sections: [discipline]
    meaning: 释义。
    usage: 用法。
    example: 例句。
{extra}"""
SOURCED = "    source: 《某某规定》（2022年）\n"


def _entry(pid: str, phrase: str, kind: str = "fixed", extra: str = SOURCED) -> str:
    return ENTRY.format(id=pid, phrase=phrase, kind=kind, extra=extra)


def _root(tmp_path: Path, *entries: str) -> Path:
    """A templates/ folder with the real calendar and one phrase file of the given entries."""
    root = tmp_path / "templates"
    (root / "phrases").mkdir(parents=True, exist_ok=True)
    shutil.copy(paths.TEMPLATES / "calendar.yml", root / "calendar.yml")
    (root / "phrases" / "a.yml").write_text("group: 测试\nentries:\n" + "".join(entries), encoding="utf-8")
    phrases.load.cache_clear()
    return root


def _error(tmp_path: Path, *entries: str) -> str:
    root = _root(tmp_path, *entries)
    try:
        with pytest.raises(HandbookError) as info:
            phrases.load(root)
    finally:
        phrases.load.cache_clear()
    line = info.value.line()
    assert "\n" not in line and "a.yml [" in line
    return line


def _load(tmp_path: Path, *entries: str) -> dict[str, phrases.Phrase]:
    root = _root(tmp_path, *entries)
    try:
        return dict(phrases.load(root).phrases)
    finally:
        phrases.load.cache_clear()


# ---------------------------------------------------------------------------
# The rules, one made-up library each
# ---------------------------------------------------------------------------

def test_a_general_expression_has_no_source(tmp_path):
    line = _error(tmp_path, _entry("a-b", "认识不足", "cause", "    source: 常见公文用语\n"))
    assert "[a-b.source]" in line and "通用表述" in line and "常见公文用语" in line
    ph = _load(tmp_path, _entry("a-b", "认识不足", "cause", ""))["a-b"]
    assert ph.source == "" and ph.general


@pytest.mark.parametrize("source", ["", "    source: 常见公文用语\n", "    source: 样本 2022-leader-supervision\n"])
def test_a_term_names_its_document_or_meeting_with_the_year(tmp_path, source):
    line = _error(tmp_path, _entry("a-b", "一岗双责", "institution", source))
    assert "[a-b.source]" in line and ("year" in line or "missing" in line)


def test_event_campaign_and_document_entries_are_dated(tmp_path):
    line = _error(tmp_path, _entry("a-b", "《某某规定》", "document"))
    assert "[a-b.valid_from]" in line and "event:" in line
    assert _load(tmp_path, _entry("a-b", "《某某规定》", "document", SOURCED + "    valid_from: 2022\n"))


def test_the_calendar_gives_the_dates(tmp_path):
    doc = "领导干部配偶、子女及其配偶经商办企业管理规定"
    first = cal.load_calendar().event("jing-shang-ban-qi-gui-ding").start.year
    lib = _load(tmp_path,
                _entry("gui-ding", f"《{doc}》", "document", SOURCED + "    event: jing-shang-ban-qi-gui-ding\n"),
                _entry("duan", "规范领导干部配偶子女经商办企业", "document",
                       SOURCED + "    event: jing-shang-ban-qi-gui-ding\n"))
    assert lib["gui-ding"].valid_from == first and lib["gui-ding"].valid_until is None
    assert lib["duan"].valid_from == first  # another wording of the event: its first year


def test_a_date_before_the_calendar_event_is_refused(tmp_path):
    line = _error(tmp_path, _entry("duan", "规范领导干部配偶子女经商办企业", "document",
                                   SOURCED + "    event: jing-shang-ban-qi-gui-ding\n    valid_from: 2019\n"))
    assert "[duan.valid_from]" in line and "2019" in line and "jing-shang-ban-qi-gui-ding" in line


def test_a_date_that_contradicts_the_calendar_wording_is_refused(tmp_path):
    line = _error(tmp_path, _entry("dj", "党纪学习教育", "campaign",
                                   SOURCED + "    event: campaign-2024-dang-ji\n    valid_until: 2025\n"))
    assert "[dj.valid_until]" in line and "calendar.yml" in line


def test_an_unknown_calendar_event_is_refused(tmp_path):
    line = _error(tmp_path, _entry("dj", "党纪学习教育", "campaign", SOURCED + "    event: no-such-event\n"))
    assert "[dj.event]" in line and "no-such-event" in line


def test_one_entry_per_wording(tmp_path):
    line = _error(tmp_path, _entry("a", "一岗双责"), _entry("b", "一岗双责"))
    assert "[b.phrase]" in line and "'a'" in line and "merge" in line
    line = _error(tmp_path, _entry("a", "一岗双责"), _entry("b", "岗双责制度", extra=SOURCED + "    variants: [一岗双责]\n"))
    assert "[b.variants]" in line


def test_a_longer_form_names_what_it_contains(tmp_path):
    line = _error(tmp_path, _entry("short", "主体责任"), _entry("long", "压紧压实主体责任"))
    assert "[long.expands]" in line and "contains the wording of short" in line and "add expands: short" in line
    # A variant counts like the wording, and the link is transitive.
    lib = _load(tmp_path, _entry("short", "主体责任", extra=SOURCED + "    variants: [管党责任]\n"),
                _entry("mid", "压实主体责任", extra=SOURCED + "    expands: short\n"),
                _entry("long", "压紧压实主体责任", extra=SOURCED + "    expands: [mid]\n"),
                _entry("other", "落实管党责任", extra=SOURCED + "    expands: short\n"))
    assert lib["long"].expands == ("mid",) and lib["short"].variants == ("管党责任",)
    line = _error(tmp_path, _entry("short", "主体责任"), _entry("x", "一岗双责", extra=SOURCED + "    expands: short\n"))
    assert "[x.expands]" in line and "no wording of x contains" in line


def test_variants_are_known_to_search_the_checker_and_find_in_text(tmp_path):
    root = _root(tmp_path, _entry("a", "中央八项规定精神", extra=SOURCED + "    variants: [八项规定精神]\n"),
                 _entry("b", "四风", extra=SOURCED + "    full: 形式主义、官僚主义、享乐主义和奢靡之风\n"))
    try:
        assert [p.id for p in phrases.find_in_text("严格落实八项规定精神，纠治四风。", root)] == ["a", "b"]
        assert "八项规定精神" in phrases.phrase_terms(root)
        rules = check_rules.build_rules(root)
        fulls = {f["id"]: f for f in rules["misquote"]["fulls"]}
        assert "八项规定精神" not in str(rules["misquote"]["wrong"])
        assert fulls["b"]["full"] == "形式主义、官僚主义、享乐主义和奢靡之风"
    finally:
        phrases.load.cache_clear()
        phrases.first_pair_index.cache_clear()


# ---------------------------------------------------------------------------
# The real library
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def lib() -> dict[str, phrases.Phrase]:
    return phrases.load_library()


def test_the_library_is_comprehensive(lib):
    assert len(lib) >= SIZE


def test_no_filler_and_no_fake_source(lib):
    filler = {"与此同时", "一年来", "在此基础上", "总之", "此外", "同时"}
    for ph in lib.values():
        assert ph.phrase not in filler, ph.id
        assert "常见公文用语" not in ph.source and not ph.source.startswith("样本"), ph.id


def test_every_wording_is_one_entry(lib):
    owner: dict[str, str] = {}
    for ph in lib.values():
        for w in ph.wordings:
            assert owner.setdefault(w, ph.id) == ph.id, (w, owner[w], ph.id)


def test_longer_forms_link_what_they_contain(lib):
    def closure(pid: str) -> set[str]:
        seen, todo = set(), list(lib[pid].expands)
        while todo:
            x = todo.pop()
            if x not in seen:
                seen.add(x)
                todo += lib[x].expands
        return seen

    words = {w: ph.id for ph in lib.values() for w in ph.wordings}
    linked = 0
    for ph in lib.values():
        inside = {words[u] for w in ph.wordings for u in words if u != w and words[u] != ph.id and u in w}
        assert inside <= closure(ph.id), (ph.id, sorted(inside - closure(ph.id)))
        linked += bool(inside)
    assert linked >= 50


def test_dated_entries_are_sourced_terms(lib):
    dated = [ph for ph in lib.values() if ph.valid_from is not None or ph.valid_until is not None]
    assert len(dated) >= 150
    for ph in dated:
        assert ph.kind in phrases.SOURCED_KINDS and re.search(r"(19|20)\d{2}年", ph.source), (
            f"{ph.id} ({ph.group}) is dated: make it a term kind with its source, or drop the years "
            "(the term it expands carries them)")


def test_general_kinds_have_no_source_and_terms_have_one(lib):
    for ph in lib.values():
        if ph.kind in phrases.GENERAL_KINDS:
            assert ph.source == "", ph.id
        else:
            assert re.search(r"(19|20)\d{2}年", ph.source), ph.id


def test_entries_that_are_calendar_events_link_them(lib):
    """A dated entry whose wording is a calendar wording names its event, so the dates come from one place."""
    calendar = cal.load_calendar()
    owner: dict[str, set[str]] = {}
    # A wording the checker also derives from another event (a campaign's follow-up without its quoted
    # name: 巩固拓展主题教育成果 of 2019 and 2023) spans both: no single event to link.
    merged = {t["phrase"]: t["valid_from"] for t in check_rules._calendar_terms(calendar)}
    for r in calendar.stale_terms():
        if merged.get(r["phrase"], r["valid_from"]) == r["valid_from"]:
            owner.setdefault(r["phrase"], set()).add(r["event"])
    firsts: dict[str, int] = {}
    for r in calendar.stale_terms():
        firsts[r["event"]] = min(firsts.get(r["event"], 9999), r["valid_from"])
    linked = 0
    for ph in lib.values():
        if ph.event:
            linked += 1
            assert ph.valid_from is not None and ph.valid_from >= firsts[ph.event], ph.id
        if ph.kind in phrases.DATED_KINDS:
            named = set().union(*(owner.get(w.strip("《》"), set()) for w in ph.wordings))
            if named:
                assert ph.event in named, f"{ph.id}: add event: {' or '.join(sorted(named))}"
    assert linked >= 30


def _template_formulations() -> dict[str, tuple[str, str, int]]:
    """Every “…”-quoted formulation and 《…》 name in the rendered templates (every section × variant × year),
    with the first place it occurs."""
    quoted = re.compile(r"“[^“”【】]{2,40}”|《[^《》【】]{2,60}》")
    found: dict[str, tuple[str, str, int]] = {}
    years = cal.load_calendar().years
    for tpl in sections.all_sections().values():
        for v in tpl.variants:
            for y in years:
                text = "".join(s.text for p in sections.render_variant(tpl, v.id, y) for s in p.segments
                               if s.kind in ("text", "fill"))
                for m in quoted.finditer(text):
                    found.setdefault(m.group(), (tpl.slug, v.id, y))
    return found


def test_every_formulation_the_templates_use_is_in_the_library(lib):
    found = _template_formulations()
    assert len(found) >= 30
    words = {w for ph in lib.values() for w in ph.wordings}
    missing = {f: at for f, at in found.items() if f not in words and f[1:-1] not in words}
    assert not missing, f"add these to templates/phrases/: {missing}"


def test_the_checker_accepts_every_formulation_the_templates_use():
    for f, (slug, variant, year) in _template_formulations().items():
        bad = [x for x in checker.check(f"认真落实{f}。", year) if x.rule in ("misquote", "stale")]
        assert not bad, (f, slug, variant, year, [x.message for x in bad])


def test_variants_of_the_real_library_are_searchable(lib):
    with_variants = [ph for ph in lib.values() if ph.variants]
    assert len(with_variants) >= 20
    terms = set(phrases.phrase_terms())
    for ph in with_variants:
        assert set(ph.variants) <= terms, ph.id
        for v in ph.variants:
            assert ph.id in [p.id for p in phrases.find_in_text(f"。{v}。")], (ph.id, v)


def test_the_page_shows_the_kind_instead_of_a_source(lib):
    from macros.pages import phrases as pages

    general = next(ph for ph in lib.values() if ph.kind == "cause")
    block = pages.entry_block(general, "phrases/causes.md")
    assert "通用表述（原因表述）" in block
    term = next(ph for ph in lib.values() if ph.kind == "document")
    assert phrases.GENERAL_LABEL not in pages.entry_block(term, f"phrases/{term.group}.md")
