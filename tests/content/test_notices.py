"""templates/notices.yml: typical notices, what each asks of each report type, strictly loaded."""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from macros.base import vocabulary
from macros.base.errors import HandbookError
from macros.content import genres, notices

GOOD = """\
    - id: demo-notice
      title: 示范通知（组织部门）
      short: 示范
      description: 说明。
      asks:
        team-duty-report:
          problems: 查找存在的问题
    """


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / notices.FILE).write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def test_the_typical_notices_load_and_name_only_agreed_slugs():
    found = notices.all_notices()
    assert len(found) >= 4
    titles = [n.title for n in found.values()]
    assert "年度考核通知（组织部门）" in titles and "述责述廉工作通知（纪检监察机关）" in titles
    assert "加强对“一把手”和领导班子监督专项汇报通知" in titles
    assert any(t.startswith("落实全面从严治党主体责任情况报告通知") for t in titles)
    for n in found.values():
        assert n.short and n.description and n.asks
        for genre, parts in n.asks.items():
            assert genre in vocabulary.GENRES and set(parts) <= set(vocabulary.SECTIONS), (n.id, genre)
            assert all(w.strip() for w in parts.values()), (n.id, genre)
    # Every report type is asked for by at least one notice; none of them invents a number or a date.
    assert {g for n in found.values() for g in n.asks} == set(vocabulary.GENRES)
    text = Path(notices.paths.TEMPLATES / notices.FILE).read_text(encoding="utf-8")
    assert not re.search(r"〔|〕|\d{4}|\d+号", text)


def test_for_genre_keeps_the_files_order():
    slugs = [n.id for n in notices.for_genre("team-duty-report")]
    assert slugs == [n.id for n in notices.all_notices().values() if "team-duty-report" in n.asks]
    assert notices.for_genre("no-such-genre") == []


def test_the_supervision_report_is_asked_for_its_three_levels():
    n = next(n for n in notices.all_notices().values() if "leader-supervision-report" in n.asks)
    asked = n.asks["leader-supervision-report"]
    assert {"supervision-top-leader", "supervision-peer", "supervision-lower", "power-operation"} <= set(asked)


def test_good_fixture_loads(tmp_path):
    found = notices.all_notices(_write(tmp_path, GOOD))
    assert found["demo-notice"].asks_for("team-duty-report", "problems") == "查找存在的问题"
    assert found["demo-notice"].asks_for("team-duty-report", "opening") is None


@pytest.mark.parametrize("change, field, words", [
    (("team-duty-report:", "team-report:"), "[0].asks.team-report", "unknown report type 'team-report'"),
    (("problems:", "troubles:"), "[0].asks.team-duty-report.troubles", "unknown section slug 'troubles'"),
    (("problems: 查找存在的问题", "problems: ''"), "[0].asks.team-duty-report.problems", "non-empty text"),
    (("      short: 示范\n", ""), "[0].short", "required field is missing"),
    (("id: demo-notice", "id: Demo Notice"), "[0].id", "is not a slug"),
    (("  title:", "  colour: red\n      title:"), "[0].colour", "unknown field"),
    (("asks:\n        team-duty-report:\n          problems: 查找存在的问题", "asks: {}"), "[0].asks",
     "at least one report type"),
])
def test_bad_notice_data_fails_with_one_line(tmp_path, change, field, words):
    old, new = change
    assert old in GOOD
    root = _write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(HandbookError) as info:
        notices.all_notices(root)
    line = info.value.line()
    assert "notices.yml" in line and f"[{field}]" in line and words in line and "\n" not in line, line


def test_a_notice_listed_twice_is_refused(tmp_path):
    root = _write(tmp_path, GOOD.rstrip(" ") + GOOD)
    with pytest.raises(HandbookError, match="appears twice"):
        notices.all_notices(root)


def test_every_genre_slug_of_the_vocabulary_is_a_genre_or_coming():
    """Validation is against the vocabulary: a notice may ask of a report type still being written."""
    assert set(genres.all_genres()) <= set(vocabulary.GENRES)
