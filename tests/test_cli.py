"""python -m macros: help, validation, errors."""
from __future__ import annotations

import os
import subprocess
import sys

from macros.base import paths


def run(*args: str):
    return subprocess.run([sys.executable, "-m", "macros", *args], cwd=paths.ROOT, capture_output=True, text=True)


def test_help_lists_commands():
    proc = run("--help")
    assert proc.returncode == 0
    assert "offline" in proc.stdout and "validate" in proc.stdout


def test_no_command_prints_help_and_fails():
    proc = run()
    assert proc.returncode == 2 and "usage" in proc.stdout


def test_validate_passes_on_the_repository():
    proc = run("validate")
    assert proc.returncode == 0, proc.stderr


def test_help_documents_exit_codes_and_offsets():
    for args in (("--help",), ("check", "--help"), ("anonymise", "--help")):
        out = " ".join(run(*args).stdout.split())
        assert "exit status: 0 done" in out and "3 internal error" in out, args
        assert "Unicode code points" in out and "BOM removed" in out, args


def test_offline_refuses_a_bad_output_path_before_building(tmp_path):
    import time

    start = time.perf_counter()
    proc = run("offline", "--out", str(tmp_path))  # a folder
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == [f"error: --out: {str(tmp_path)!r} is a folder or not a regular file: give a file name"]
    assert time.perf_counter() - start < 5  # refused before the 10-second build
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        proc = run("offline", "--out", str(locked / "x.zip"))
        if os.geteuid() != 0:  # root may write anywhere
            assert proc.returncode == 2 and "cannot write into" in proc.stderr
    finally:
        locked.chmod(0o700)


def test_an_internal_error_is_one_line_and_exit_3(monkeypatch, capsys):
    from macros import cli

    def broken(args):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(cli, "_cmd_validate", broken)
    assert cli.main(["validate"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("internal error: RuntimeError: boom second line (at test_cli.py:")
    assert "please report it" in err[0]


def test_a_file_system_error_is_bad_input(tmp_path, capsys):
    from macros import cli

    target = tmp_path / "draft.txt"
    target.mkdir()  # a folder where a file is expected
    code = cli.main(["check", str(target), "--year", "2024"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and str(target) in err[0], err


def test_check_text_output_gives_line_and_column(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text("第一行。\n第二行有XX处。\n", encoding="utf-8")
    proc = run("check", str(path), "--year", "2024")
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[0].startswith("2:5 placeholder")  # 第二行有 is 4 characters
