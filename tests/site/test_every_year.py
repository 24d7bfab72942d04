"""Every report type × variant × year the calendar covers, assembled, passes the checker for its year.

Also every section × variant × year. Only the slots left blank (【…】) may be found:
they are what the writer fills in. (That no draft says a thing twice is
tests/content/test_repeats.py.)
"""
from __future__ import annotations

import pytest

from macros.content import assemble, calendar, genres, sections
from macros.engine import render
from macros.tools import checker

YEARS = calendar.load_calendar().years
CASES = [(g.slug, v, y) for g in genres.all_genres().values() for v in assemble.genre_variants(g) for y in YEARS]


def _findings(text: str, year: int) -> list[str]:
    out = []
    for f in checker.check(text, year):
        if f.rule == "placeholder" and text[f.start:f.end].startswith("【"):
            continue  # a blank slot: the writer's to fill
        out.append(f"{f.rule} {text[f.start:f.end]!r}: {f.message}")
    return out


@pytest.mark.parametrize("genre, variant, year", CASES)
def test_assembled_draft_passes_the_checker_for_its_year(genre, variant, year):
    text = assemble.assemble(genre, variant, year).text
    assert not _findings(text, year), (genre, variant, year)


def test_every_section_variant_and_year_passes_the_checker():
    bad = []
    for tpl in sections.all_sections().values():
        for v in tpl.variants:
            for year in YEARS:
                text = render.to_plain(sections.render_for_tool(tpl, v.id, year))
                bad += [(tpl.slug, v.id, year, f) for f in _findings(text, year)]
    assert not bad, bad[:10]


def test_the_cases_cover_every_type_variant_and_year():
    assert len(YEARS) == 8 and {c[0] for c in CASES} == set(genres.all_genres())
    assert len(CASES) == sum(len(assemble.genre_variants(g)) for g in genres.all_genres().values()) * len(YEARS)


def test_the_checks_can_fail():
    """A planted stale line is caught by the same function."""
    text = assemble.assemble("team-duty-report", "team", 2026).text
    assert _findings(text + "\n扎实开展党纪学习教育。", 2026)
