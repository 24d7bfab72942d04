"""python -m macros draft: the assembled report as text or .docx, --list, bad input."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from macros import cli
from macros.base import paths
from macros.content import assemble, calendar, genres

YEARS = calendar.load_calendar().years


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", "draft", *args], cwd=paths.ROOT,
                          capture_output=True, text=True)


def main_out(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["draft", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("genre", list(genres.all_genres()))
def test_text_is_what_assemble_gives(capsys, genre):
    g = genres.get_genre(genre)
    for variant in assemble.genre_variants(g):
        for year in (YEARS[0], YEARS[-1]):
            code, out, err = main_out(capsys, genre, "--year", str(year), "--variant", variant)
            assert (code, err) == (0, "")
            assert out == assemble.assemble(genre, variant, year).text + "\n"
    # Without --variant: the genre's first variant.
    code, out, _ = main_out(capsys, genre, "--year", str(YEARS[-1]))
    assert out == assemble.assemble(genre, assemble.genre_variants(g)[0], YEARS[-1]).text + "\n"


def test_the_command_itself_prints_the_same(tmp_path):
    proc = run("secretary-responsibility-report", "--year", "2022", "--variant", "secretary")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == assemble.assemble("secretary-responsibility-report", "secretary", 2022).text + "\n"


def test_values_file_fills_and_chooses(capsys, tmp_path):
    values = {"unit": "县某某局", "position": "局长", "year": "2023"}
    path = tmp_path / "values.json"
    path.write_text(json.dumps({"genre": "personal-duty-report", "variant": "member", "year": 2023,
                                "values": values}, ensure_ascii=False), encoding="utf-8")
    expected = assemble.assemble("personal-duty-report", "member", 2023, values).text + "\n"
    assert "县某某局" in expected
    # Everything from the file, or the same choices repeated on the command line.
    assert main_out(capsys, "--values", str(path)) == (0, expected, "")
    assert main_out(capsys, "personal-duty-report", "--year", "2023", "--variant", "member",
                    "--values", str(path)) == (0, expected, "")
    # Only values in the file: the command line chooses.
    path.write_text(json.dumps({"values": {"unit": "县某某局"}}, ensure_ascii=False), encoding="utf-8")
    code, out, _ = main_out(capsys, "team-duty-report", "--year", "2025", "--values", str(path))
    assert out == assemble.assemble("team-duty-report", None, 2025, {"unit": "县某某局"}).text + "\n"


def test_docx_paragraphs_are_the_printed_lines(capsys, tmp_path):
    values = tmp_path / "v.json"
    values.write_text(json.dumps({"values": {"unit": "县某某局 & <办公室>"}}, ensure_ascii=False), encoding="utf-8")
    for genre in genres.all_genres():
        out_path = tmp_path / f"{genre}.docx"
        args = (genre, "--year", "2024", "--values", str(values))
        code, printed, _ = main_out(capsys, *args)
        assert code == 0
        code, said, err = main_out(capsys, *args, "--docx", str(out_path))
        assert (code, said.strip(), err) == (0, str(out_path), "")
        paragraphs = [p.text for p in docx.Document(str(out_path)).paragraphs]
        assert paragraphs == printed.rstrip("\n").split("\n"), genre
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["v.json", *(f"{g}.docx" for g in genres.all_genres())])  # no temporary file left


def test_list_json_shape():
    proc = run("--list", "--json")
    assert proc.returncode == 0, proc.stderr
    entries = json.loads(proc.stdout)
    assert [e["genre"] for e in entries] == list(genres.all_genres())
    for e in entries:
        assert set(e) == {"genre", "title", "variants", "years"}
        assert isinstance(e["title"], str) and e["title"] == genres.get_genre(e["genre"]).title
        assert e["variants"] and all(isinstance(v, str) for v in e["variants"])
        assert e["years"] == list(YEARS)
    personal = next(e for e in entries if e["genre"] == "personal-duty-report")
    assert not {"team", "secretary", "supervision"} & set(personal["variants"])
    human = run("--list")
    assert human.returncode == 0 and all(g in human.stdout for g in genres.all_genres())


def _write(tmp_path: Path, name: str, content: str | bytes | None) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    return str(path)


BAD = [
    # (arguments, values file content or None, what the line names)
    (["no-such-genre", "--year", "2024"], None, "no-such-genre"),
    (["personal-duty-report", "--year", "2024", "--variant", "team"], None, "'team'"),
    (["personal-duty-report", "--year", "2024", "--variant", "secretary"], None, "'secretary'"),
    (["team-duty-report", "--year", str(YEARS[0] - 1)], None, "--year"),
    (["team-duty-report", "--year", str(YEARS[-1] + 1)], None, "--year"),
    (["team-duty-report", "--year", "明年"], None, "--year"),
    (["team-duty-report"], None, "--year"),
    (["--year", "2024"], None, "GENRE"),
    (["team-duty-report", "--year", "2024", "--json"], None, "--json"),
    (["team-duty-report", "--year", "2024", "--values", "{missing}"], None, "no such file"),
    (["team-duty-report", "--year", "2024", "--values", "{file}"], "{not json", "not JSON"),
    (["team-duty-report", "--year", "2024", "--values", "{file}"], "[1, 2]", "expected a JSON object"),
    (["team-duty-report", "--year", "2024", "--values", "{file}"], '{"values": ["unit"]}', "expected an object"),
    (["team-duty-report", "--year", "2024", "--values", "{file}"], '{"values": {"nope": "x"}}', "unknown slot 'nope'"),
    (["team-duty-report", "--year", "2024", "--values", "{file}"], '{"values": {"unit": "a\\u0001b"}}', "U+0001"),
    (["team-duty-report", "--year", "2024", "--values", "{file}"], '{"values": {"unit": "a\\ud800"}}', "U+D800"),
    (["team-duty-report", "--year", "2024", "--values", "{file}"], '{"values": {"unit": 1.5}}', "values.unit"),
    (["team-duty-report", "--year", "2024", "--values", "{file}"], '{"genre": "personal-duty-report"}', "genre"),
    (["team-duty-report", "--year", "2024", "--values", "{file}"], '{"year": 2023}', "year"),
    (["team-duty-report", "--year", "2024", "--values", "{file}"], '{"values": {"year": "2023"}}', "values.year"),
    (["team-duty-report", "--year", "2024", "--values", "{file}"], '{"variant": "member"}', "'member'"),
    (["team-duty-report", "--year", "2024", "--values", "{file}"], '{"hints": true}', "unknown key 'hints'"),
    (["team-duty-report", "--year", "2024", "--docx", "{dir}/no/such/folder/x.docx"], None, "no such folder"),
]


@pytest.mark.parametrize(("args", "content", "names"), BAD, ids=[f"{i}-{b[2]}" for i, b in enumerate(BAD)])
def test_bad_input_is_one_line_and_exit_2(tmp_path, args, content, names):
    file = _write(tmp_path, "values.json", content)
    out = tmp_path / "out.docx"
    args = [a.format(file=file, missing=tmp_path / "missing.json", dir=tmp_path) for a in args]
    if "--docx" not in args:
        args += ["--docx", str(out)]
    before = sorted(p.name for p in tmp_path.iterdir())
    proc = run(*args)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    lines = proc.stderr.strip().split("\n")
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert lines[0].startswith("error: ") and names in lines[0], lines[0]
    assert proc.stdout == ""
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no half-written or temporary file


def test_bad_input_without_docx_prints_nothing(tmp_path):
    proc = run("team-duty-report", "--year", "2024", "--values", _write(tmp_path, "v.json", '{"values": {"x": "1"}}'))
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.count("\n") == 1


def test_an_existing_file_is_replaced_whole(capsys, tmp_path):
    out = tmp_path / "draft.docx"
    out.write_bytes(b"old")
    assert main_out(capsys, "team-duty-report", "--year", "2024", "--docx", str(out))[0] == 0
    assert docx.Document(str(out)).paragraphs
    # A failing run leaves the earlier file as it was.
    before = out.read_bytes()
    assert main_out(capsys, "team-duty-report", "--year", "1900", "--docx", str(out))[0] == 2
    assert out.read_bytes() == before
