"""年度更新 (python -m macros update): each sample, re-read from its Word download, updated to the
following year and to 2026 gives the hand-written expectations of tests/data/update/expected.yml."""
from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
import yaml

from macros.base import paths
from macros.base.errors import HandbookError
from macros.content import assemble, genres, samples
from macros.pages import downloads
from macros.tools import textio, update

EXPECTED = yaml.safe_load((Path(__file__).parents[1] / "data" / "update" / "expected.yml").read_text(encoding="utf-8"))
CASES = [(slug, to) for slug, e in EXPECTED.items() for to in e["to"]]


def sample_docx(slug: str, folder: Path) -> Path:
    path = folder / f"{slug}.docx"
    path.write_bytes(downloads.planned()[f"downloads/samples/{slug}.docx"].build())
    return path


def test_every_sample_has_expectations():
    assert set(EXPECTED) == set(samples.all_samples())


@pytest.mark.parametrize("slug, to", CASES)
def test_a_sample_updated_gives_the_expected_changes(tmp_path, slug, to):
    e = EXPECTED[slug]
    text = textio.read_text_file(sample_docx(slug, tmp_path))
    u = update.update_text(text, to)
    assert (u.genre, u.from_year) == (e["genre"], e["from"])
    assert [p.section for p in u.parts][:len(e["parts"])] == e["parts"]
    want = e["to"][to]
    assert {c.old: c.new for c in u.changes if c.kind == "spirit"} == want["spirit"]
    assert sorted({c.old for c in u.changes if c.kind == "calendar"}) == sorted(want["calendar"])
    campaign = [c.suggestion for c in u.changes if c.kind == "campaign"]
    assert campaign == ([f"在开头和政治建设部分写“扎实开展{want['campaign']}”"] if want["campaign"] else [])
    assert [m["section"] for m in u.missing] == want["missing"]
    for c in u.changes:
        assert text[c.start:c.end] == c.old
    # The year: every 20XX年(度) of the report's own year becomes the new year.
    assert all(c.new == c.old.replace(str(u.from_year), str(to), 1) for c in u.changes
               if c.kind == "year" and c.old.startswith(str(u.from_year)))
    # A paragraph that names no year, figure or dated wording gets no change: every change but the
    # campaign reminder covers one of those.
    assert all(c.kind in ("year", "spirit", "calendar", "count") for c in u.changes if c.kind != "campaign")


def test_the_command_json_and_the_marked_docx(tmp_path):
    slug = "2023-finance-head-duty"
    src = sample_docx(slug, tmp_path)
    out = tmp_path / "updated.docx"
    proc = subprocess.run([sys.executable, "-m", "macros", "update", str(src), "--to", "2024", "--json", "--docx", str(out)],
                          cwd=paths.ROOT, capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr  # changes found
    data = json.loads(proc.stdout)
    assert set(data) == {"genre", "from", "to", "parts", "changes", "missing"}
    assert data["from"] == 2023 and data["to"] == 2024 and data["genre"] == "personal-duty-report"
    assert all(set(p) == {"heading", "section", "start", "end"} for p in data["parts"])
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "党的二十大和二十届二中、三中全会精神" in text and "党的二十大和二十届二中全会精神" not in text
    assert "2024年度" in text and "2023年度" not in text
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    assert xml.count('<w:highlight w:val="yellow"/>') >= len([c for c in data["changes"] if c["kind"] != "campaign"]) // 2
    assert docx.Document(io.BytesIO(out.read_bytes())).paragraphs[0].style.name == "公文标题"


@pytest.mark.parametrize("args, message", [
    (["--to", "2018"], "--to: expected a report year the handbook covers"),
    (["--to", "2030"], "--to: expected a report year the handbook covers"),
    (["--to", "明年"], "--to: expected a report year"),
    (["--to", "2022"], "--to: must be after the report's year 2023"),
    (["--to", "2024", "--genre", "annual"], "--genre: unknown report type 'annual'"),
    (["--to", "2024", "--from", "2012"], "--from: expected a report year the handbook covers"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, args, message):
    src = sample_docx("2023-finance-head-duty", tmp_path)
    out = tmp_path / "never.docx"
    proc = subprocess.run([sys.executable, "-m", "macros", "update", str(src), *args, "--docx", str(out)],
                          cwd=paths.ROOT, capture_output=True, text=True)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2 and len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert message in lines[0]
    assert not out.exists()


def test_a_text_without_a_year_asks_for_from():
    with pytest.raises(HandbookError, match="give --from"):
        update.update_text("关于工作情况的报告\n一、工作开展情况\n全年召开会议多次。", 2024)


def _expected_sections(genre: str) -> list[str | None]:
    """The section of each heading an assembled draft prints, from the skeleton (None: a part's own heading)."""
    out: list[str | None] = []
    for part in genres.get_genre(genre).skeleton:
        items = [i for i in part.items if i.section not in ("title", "opening", "closing")]
        if part.heading and len(part.items) > 1:
            out.append(None)
            out += [i.section for i in items]
        else:
            out += [i.section for i in items]
    return out


@pytest.mark.parametrize("genre, variant", [(c["genre"], v) for c in assemble.catalog() for v in c["variants"]])
def test_every_assembled_draft_is_read_back_into_its_own_sections(genre, variant):
    # The handbook's own drafts are the first thing 年度更新 must read right: each heading maps
    # to the section that wrote it (a part heading over several sections may map to any).
    text = assemble.assemble(genre, variant, 2024).text
    got = [p.section for p in update.find_parts(text, genre)[0]]
    want = _expected_sections(genre)
    assert len(got) == len(want), (got, want)
    assert [g for g, w in zip(got, want) if w is not None] == [w for w in want if w is not None]
