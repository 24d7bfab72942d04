"""python -m macros check: JSON output, exit codes, encodings, .docx, bad input."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docx

from macros.base import paths

BAD = "全年召开党组会X次。一是加强学习。二是严明纪律。四是强化监督。\n深入学习贯彻党的十九大和十九届历次全会精神,推动工作。"
CLEAN = "2024年，局党组坚持以习近平新时代中国特色社会主义思想为指导，扎实开展党纪学习教育。"


def run(*args: str):
    return subprocess.run([sys.executable, "-m", "macros", "check", *args], cwd=paths.ROOT,
                          capture_output=True, text=True)


def test_json_findings_and_exit_1(tmp_path: Path):
    path = tmp_path / "draft.txt"
    path.write_text(BAD, encoding="utf-8")
    proc = run(str(path), "--year", "2024", "--json")
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(proc.stdout)
    assert {f["rule"] for f in findings} >= {"placeholder", "numbering", "punctuation"}
    for f in findings:
        assert set(f) == {"start", "end", "rule", "message", "suggestion"}
    x = next(f for f in findings if f["rule"] == "placeholder")
    assert BAD[x["start"]:x["end"]] == "X"


def test_clean_text_exit_0(tmp_path: Path):
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    proc = run(str(path), "--year", "2024", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == []
    proc = run(str(path), "--year", "2024")
    assert proc.returncode == 0 and "0" in proc.stdout


def test_human_output_has_line_and_column(tmp_path: Path):
    path = tmp_path / "draft.txt"
    path.write_text(BAD, encoding="utf-8")
    proc = run(str(path), "--year", "2024")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("1:8 placeholder ")
    assert any(line.startswith("2:") and " punctuation " in line and "→" in line for line in lines)


def test_gbk_and_gb18030_input(tmp_path: Path):
    for enc in ("gbk", "gb18030"):
        path = tmp_path / f"draft-{enc}.txt"
        path.write_bytes(BAD.encode(enc))
        proc = run(str(path), "--year", "2024", "--json")
        assert proc.returncode == 1, proc.stderr
        utf8 = tmp_path / "utf8.txt"
        utf8.write_text(BAD, encoding="utf-8")
        assert json.loads(proc.stdout) == json.loads(run(str(utf8), "--year", "2024", "--json").stdout)


def test_docx_input(tmp_path: Path):
    document = docx.Document()
    for line in BAD.split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "draft.docx"
    document.save(str(path))
    proc = run(str(path), "--year", "2024", "--json")
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)[0]["rule"] == "placeholder"


def one_line_error(proc) -> str:
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


def test_bad_input_is_one_line_exit_2(tmp_path: Path):
    assert "not found" in one_line_error(run(str(tmp_path / "missing.txt"), "--year", "2024"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert "empty" in one_line_error(run(str(empty), "--year", "2024"))
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in one_line_error(run(str(binary), "--year", "2024"))
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes([0xff, 0xfe, 0xfd, 0x81, 0x30, 0xff]) * 20)
    one_line_error(run(str(junk), "--year", "2024"))
    fake_docx = tmp_path / "fake.docx"
    fake_docx.write_bytes(b"PK\x03\x04 not really a zip")
    one_line_error(run(str(fake_docx), "--year", "2024"))


def test_bad_year_is_one_line_exit_2(tmp_path: Path):
    path = tmp_path / "draft.txt"
    path.write_text(CLEAN, encoding="utf-8")
    for year in ("明年", "24", "1999", "3000", "2024.5"):
        assert "year" in one_line_error(run(str(path), "--year", year)).lower()
    assert "year" in one_line_error(run(str(path))).lower()


def test_only_the_calendars_years_are_checked(tmp_path: Path):
    """A year the calendar does not cover is not offered: its events are unknown."""
    from macros.content.calendar import load_calendar

    cal = load_calendar()
    path = tmp_path / "draft.txt"
    path.write_text(CLEAN, encoding="utf-8")
    for year in (cal.first_year - 1, cal.last_year + 1):
        line = one_line_error(run(str(path), "--year", str(year)))
        assert line == (f"error: --year: expected a report year the handbook covers "
                        f"({cal.first_year}–{cal.last_year}), got '{year}'")
    assert run(str(path), "--year", str(cal.last_year)).returncode in (0, 1)


def test_with_current_built_rules_no_yaml_is_read(tmp_path: Path):
    """The command reads the built rules (.cache/check-rules-*.json), not the phrase YAML: PyYAML
    is not even imported (its import alone is 40 ms of a 100 ms command)."""
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    assert run(str(path), "--year", "2024").returncode == 0  # makes the built rules if they are missing
    probe = ("import runpy, sys; sys.argv = ['macros', 'check', sys.argv[1], '--year', '2024']\n"
             "try:\n    runpy.run_module('macros', run_name='__main__')\n"
             "except SystemExit as e:\n    assert e.code == 0, e.code\n"
             "print('yaml' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", probe, str(path)], cwd=paths.ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "False"
