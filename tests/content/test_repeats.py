"""Said once: no assembled draft prints a sentence twice or names a campaign again and again.

For every report type × variant × year the calendar covers (assemble.catalog()):
- no sentence (split on 。；！？ and line ends) of 20 characters or more is printed twice,
  and no clause (split also on ，：) of 20 or more: 扎实开展党纪学习教育，组织党员干部逐章逐条
  学习… written once in the 政治建设 part and again in the 纪律建设 part is two sentences that
  share a clause;
- no campaign of that year (the year's own, and each earlier one whose follow-up forms are
  current, from the calendar) is named in full more than twice.
Lengths are counted without the blank slots (【…】), which a writer fills with short values.
"""
from __future__ import annotations

import re
from collections import Counter

import pytest

from macros.content import assemble, calendar, sections

CAL = calendar.load_calendar()
CASES = [(e["genre"], v, y) for e in assemble.catalog() for v in e["variants"] for y in e["years"]]
SENTENCE_RE = re.compile(r"[^。！？；\n]+")
CLAUSE_RE = re.compile(r"[^。！？；，：\n]+")
SLOT_RE = re.compile(r"【[^】]*】")
MIN_CHARS = 20
MAX_NAMED = 2


def campaign_names(year: int) -> list[str]:
    """The campaigns a draft of this year may name: its own, and those whose follow-ups are current."""
    view = sections.year_view(year)
    ids = ([view.campaign.id] if view.campaign else []) + list(view.followups_of)
    return [e.name for e in CAL.events("campaign") if e.id in ids]


def repeated(text: str, pattern: re.Pattern[str]) -> list[str]:
    pieces = [p.strip() for p in pattern.findall(text)]
    counts = Counter(p for p in pieces if len(SLOT_RE.sub("", p)) >= MIN_CHARS)
    return [p for p, n in counts.items() if n > 1]


def over_named(text: str, year: int) -> dict[str, int]:
    return {name: text.count(name) for name in campaign_names(year) if text.count(name) > MAX_NAMED}


@pytest.mark.parametrize(("genre", "variant", "year"), CASES)
def test_no_sentence_or_clause_is_printed_twice(genre, variant, year):
    text = assemble.assemble(genre, variant, year).text
    assert not repeated(text, SENTENCE_RE), (genre, variant, year, repeated(text, SENTENCE_RE)[:3])
    assert not repeated(text, CLAUSE_RE), (genre, variant, year, repeated(text, CLAUSE_RE)[:3])


@pytest.mark.parametrize(("genre", "variant", "year"), CASES)
def test_no_campaign_is_named_in_full_more_than_twice(genre, variant, year):
    text = assemble.assemble(genre, variant, year).text
    assert not over_named(text, year), (genre, variant, year, over_named(text, year))


def test_the_cases_cover_every_type_variant_and_year():
    assert {c[2] for c in CASES} == set(CAL.years)
    assert len(CASES) == sum(len(e["variants"]) * len(e["years"]) for e in assemble.catalog())


def test_campaign_names_come_from_the_calendar():
    assert campaign_names(2024) == ["学习贯彻习近平新时代中国特色社会主义思想主题教育", "党纪学习教育"]
    assert "党纪学习教育" in campaign_names(2025) and "深入贯彻中央八项规定精神学习教育" in campaign_names(2025)
    assert campaign_names(2022) == ["党史学习教育"]


def test_the_checks_can_fail():
    """A planted repeat, a planted shared clause and a planted third naming are caught."""
    text = assemble.assemble("team-duty-report", "team", 2024).text
    line = "我们坚持以习近平新时代中国特色社会主义思想为指导，全面落实管党治党政治责任。"
    assert repeated(f"{text}\n{line}\n{line}", SENTENCE_RE) == [line[:-1]]
    clause = "组织党员干部逐章逐条学习新修订的《中国共产党纪律处分条例》"
    shared = f"扎实开展党纪学习教育，{clause}，推动学纪知纪。\n结合警示教育，{clause}。"
    assert not repeated(shared, SENTENCE_RE) and repeated(shared, CLAUSE_RE) == [clause]
    planted = text.replace("党纪学习教育", "") + "\n扎实开展党纪学习教育。" * (MAX_NAMED + 1)
    assert over_named(planted, 2024) == {"党纪学习教育": MAX_NAMED + 1}
    assert not over_named(text.replace("党纪学习教育", "") + "\n扎实开展党纪学习教育。" * MAX_NAMED, 2024)
    # Slots do not count towards the length: a short sentence with a long label is not a repeat.
    short = "全年召开【党组会议次数】次。"
    assert not repeated(f"{short}\n{short}", SENTENCE_RE)
