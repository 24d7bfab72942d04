"""python -m macros: help, validation, errors."""
from __future__ import annotations

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
