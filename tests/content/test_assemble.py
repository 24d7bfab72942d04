"""macros/content/assemble.py: a whole report as the drafting tool copies it."""
from __future__ import annotations

import io
import json
import re

import docx
import pytest

from macros.base.errors import HandbookError
from macros.content import assemble, calendar, genres, sections, slots
from macros.engine import render, word

YEARS = calendar.load_calendar().years
CASES = [(g.slug, v, y) for g in genres.all_genres().values() for v in assemble.genre_variants(g) for y in YEARS]
TEAM_WORDING = {"team", "secretary", "supervision"}


def slot_label_pattern() -> re.Pattern[str]:
    labels = {s.label for s in slots.slot_catalog().values()}
    return re.compile("【(?:" + "|".join(map(re.escape, sorted(labels, key=len, reverse=True))) + ")】")


@pytest.mark.parametrize(("genre", "variant", "year"), CASES)
def test_every_genre_variant_and_year_assembles(genre, variant, year):
    d = assemble.assemble(genre, variant, year)
    assert (d.genre, d.variant, d.year) == (genre, variant, year)
    assert d.title_lines and d.body_lines
    assert all(line and line == line.strip() and "\n" not in line for line in d.lines)
    assert not any(ch in d.text for ch in render.MARKERS)
    # Writing instructions are never copied.
    hints = [seg.text for item in genres.get_genre(genre).items() if item.section in sections.all_sections()
             for tpl in [sections.get_section(item.section)] for v in tpl.variants
             for p in sections.render_for_tool(tpl, v.id, year) for seg in p.segments
             if seg.kind == "hint" and len(seg.text) >= 20]
    assert not [h for h in hints if h in d.text]
    # The year chooses the text and fills the 年度 slot; every slot left is a known label.
    assert "【年度】" not in d.text and str(year) in d.text
    left = re.sub(slot_label_pattern(), "", d.text)
    titles = "|".join(map(re.escape, genres.SECTION_TITLES.values()))
    left = re.sub(f"【(?:{titles})：[^【】]*】", "", left)  # a section not written yet
    assert "【" not in left and "】" not in left, re.findall(r"【[^】]*】", left)[:3]


@pytest.mark.parametrize("genre", list(genres.all_genres()))
def test_blank_draft_is_the_genre_skeleton_with_the_year(genre):
    """Cross-check against genres.outline() (the Word skeleton's own numbering), at the default year."""
    g = genres.get_genre(genre)
    year = sections.default_year()
    title, byline = genres.document_title(g)
    skeleton = [title, *([line for line in byline.split("\n") if line] if byline else []),
                *word.paragraph_texts(genres.skeleton_texts(g))]
    expected = [line.replace("【年度】", str(year)) for line in skeleton]
    assert assemble.assemble(genre, None, year).lines == expected


def test_numbering_is_consecutive_in_each_part():
    for genre in genres.all_genres():
        lines = assemble.assemble(genre, None, YEARS[-1]).body_lines
        h1 = [m.group(1) for line in lines for m in [re.match(r"^([一二三四五六七八九十]+)、", line)] if m]
        assert "".join(h1) == "一二三四五六七八九十"[:len(h1)], (genre, h1)


def test_a_genre_offers_only_its_own_variants():
    for g in genres.all_genres().values():
        offered = assemble.genre_variants(g)
        assert offered and set(offered) <= set(g.variants), g.slug
        assert offered[0] == assemble.check_variant(g, None)
    personal = genres.get_genre("personal-duty-report")
    assert not TEAM_WORDING & set(assemble.genre_variants(personal))
    for v in sorted(TEAM_WORDING):
        with pytest.raises(HandbookError, match="personal-duty-report has no variant"):
            assemble.assemble("personal-duty-report", v, YEARS[-1])


def test_the_browser_data_chooses_each_sections_variant_as_the_command_does():
    """draft-data.js: each skeleton item maps every voice of its genre to the template variant
    assemble() renders, and that rendering is the one stored for each year."""
    from macros.pages import tools

    data = tools.draft_data()
    for g_data in data["genres"]:
        g = genres.get_genre(g_data["slug"])
        items = [i for part in g_data["parts"] for i in part["items"]]
        for item in items:
            tpl = sections.all_sections().get(item["section"])
            if tpl is None:
                assert item["variants"] == {}, item["section"]
                continue
            assert set(item["variants"]) == set(g.variants), (g.slug, item["section"])
            for voice, chosen in item["variants"].items():
                assert chosen == genres.section_variant(g, tpl, voice)
                for year in (YEARS[0], YEARS[-1]):
                    stored = data["renderings"][data["sections"][tpl.slug]["variants"][chosen][str(year)]]
                    expected = [[list(seg) for seg in p] for p in assemble._segments(
                        sections.render_for_tool(tpl, chosen, year))]
                    assert stored == expected, (g.slug, tpl.slug, voice, year)


def test_a_section_with_no_variant_for_a_voice_is_an_error():
    """No silent fallback to the first variant: one line naming the template, the genre and the voice."""
    g = genres.get_genre("team-duty-report")
    tpl = sections.SectionTemplate(slug="demo", title="示范", order=1, summary="s", moves=[],
                                   variants=[sections.Variant("team", "领导班子", 2026),
                                             sections.Variant("individual", "个人", 2026, ("secretary",))],
                                   slots=[], examples=[], source_path=sections.paths.SECTIONS / "demo.yml")
    assert genres.section_variant(g, tpl, "team") == "team"
    assert genres.section_variant(g, tpl, "secretary") == "individual"
    with pytest.raises(HandbookError) as info:
        genres.section_variant(g, tpl, "member")
    line = info.value.line()
    assert "templates/sections/demo.yml" in line and "'member'" in line and "team-duty-report" in line
    assert "\n" not in line
    neutral = sections.SectionTemplate(slug="demo", title="示范", order=1, summary="s", moves=[],
                                       variants=[sections.Variant("default", "通用", 2026)], slots=[], examples=[])
    assert genres.section_variant(g, neutral, "member") == "default"


def test_the_variant_changes_the_wording():
    for g in genres.all_genres().values():
        offered = assemble.genre_variants(g)
        texts = {assemble.assemble(g.slug, v, YEARS[-1]).text for v in offered}
        assert len(texts) == len(offered), g.slug


def test_values_fill_their_slots_and_blank_ones_stay():
    d = assemble.assemble("team-duty-report", "team", 2024, {"unit": "  市某某局 ", "superior": "", "meeting_count": 12})
    assert "市某某局" in d.text and "  市某某局" not in d.text
    label = slots.slot_catalog()["unit"].label
    assert f"【{label}】" not in d.text
    superior = slots.slot_catalog()["superior"].label
    if "superior" in {n for s in sections.all_sections().values() for n in (x.name for x in s.slots)}:
        assert f"【{superior}】" in assemble.assemble("team-duty-report", "team", 2024).text
        assert f"【{superior}】" in d.text
    # A slot of the catalog this genre does not use is ignored, as in the browser.
    assert assemble.assemble("team-duty-report", "team", 2024, {"year": "2024"}).text == \
        assemble.assemble("team-duty-report", "team", 2024).text


@pytest.mark.parametrize(("values", "message"), [
    ({"no_such_slot": "x"}, "unknown slot 'no_such_slot'"),
    ({"unit": "市\x01局"}, "U+0001"),
    ({"unit": "市局\ue000"}, "U+E000"),
    ({"unit": "第一行\n第二行"}, "U+000A"),
    ({"unit": "\ud800"}, "U+D800"),
    ({"unit": ["市局"]}, "expected text"),
    ({"unit": True}, "expected text"),
    ({"year": "2023"}, "the report year is 2024"),
    (["unit"], "expected an object"),
])
def test_bad_values_are_one_line_errors(values, message):
    with pytest.raises(HandbookError, match=re.escape(message)) as info:
        assemble.assemble("team-duty-report", "team", 2024, values)
    assert "\n" not in info.value.line()


@pytest.mark.parametrize(("genre", "variant", "year", "message"), [
    ("no-such-genre", None, 2024, "unknown report type 'no-such-genre'"),
    ("team-duty-report", "individual", 2024, "team-duty-report has no variant 'individual'"),
    ("team-duty-report", None, YEARS[0] - 1, f"got {YEARS[0] - 1}"),
    ("team-duty-report", None, YEARS[-1] + 1, f"got {YEARS[-1] + 1}"),
    ("team-duty-report", None, "二〇二四", "expected a report year"),
])
def test_bad_choices_are_one_line_errors(genre, variant, year, message):
    with pytest.raises(HandbookError, match=re.escape(message)):
        assemble.assemble(genre, variant, year)


def test_docx_paragraphs_are_the_lines():
    d = assemble.assemble("personal-duty-report", "member", 2023, {"unit": "县某某局 & <办公室>"})
    doc = docx.Document(io.BytesIO(d.docx_bytes()))
    assert [p.text for p in doc.paragraphs] == d.lines
    assert doc.core_properties.title == d.title_lines[0]
    styles = [p.style.name for p in doc.paragraphs]
    assert styles[0] == word.STYLE_NAMES["title"]
    assert styles[1:len(d.title_lines)] == [word.STYLE_NAMES["byline"]] * (len(d.title_lines) - 1)


def test_catalog_lists_genres_variants_and_the_calendar_years():
    entries = assemble.catalog()
    assert [e["genre"] for e in entries] == list(genres.all_genres())
    for e in entries:
        assert set(e) == {"genre", "title", "variants", "years"}
        assert e["years"] == list(YEARS)
        assert e["variants"] == assemble.genre_variants(genres.get_genre(e["genre"]))
    json.dumps(entries)


def test_values_file_shapes(tmp_path):
    good = tmp_path / "v.json"
    good.write_text(json.dumps({"genre": "team-duty-report", "variant": "team", "year": "2024",
                                "values": {"unit": "市某某局", "meeting_count": 3}}, ensure_ascii=False),
                    encoding="utf-8")
    data = assemble.read_values_file(good)
    assert data == {"genre": "team-duty-report", "variant": "team", "year": 2024,
                    "values": {"unit": "市某某局", "meeting_count": "3"}}
    (tmp_path / "bom.json").write_bytes(b"\xef\xbb\xbf{}")
    assert assemble.read_values_file(tmp_path / "bom.json") == {"values": {}}
    bad = {
        "missing.json": (None, "no such file"),
        "broken.json": ("{", "not JSON"),
        "list.json": ("[]", "expected a JSON object"),
        "extra.json": ('{"layout": {}}', "unknown key 'layout'"),
        "genre.json": ('{"genre": 3}', "expected text"),
        "year.json": ('{"year": 1999}', "got 1999"),
        "values.json": ('{"values": []}', "expected an object"),
        "gbk.json": (b'{"values": {"unit": "\xca\xd0"}}', "not UTF-8"),
    }
    for name, (content, message) in bad.items():
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif content is not None:
            path.write_text(content, encoding="utf-8")
        with pytest.raises(HandbookError, match=re.escape(message)):
            assemble.read_values_file(path)
