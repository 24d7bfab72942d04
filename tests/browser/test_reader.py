"""The reader corpus (tests/data/reader/) opened on /tools/check/ gives what macros/tools/textio.py gives.

Each file goes through the page's real file input: the text box then holds
exactly Python's text, a partial decoding shows Python's warning line, and a
refused file shows Python's one-line refusal (in Chinese, then the same English).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from macros.tools import textio

pytestmark = pytest.mark.browser

READER = Path(__file__).resolve().parent.parent / "data" / "reader"
EXPECTED = json.loads((READER / "expected.json").read_text(encoding="utf-8"))
STATUS = "document.getElementById('hb-check-status').textContent"


def open_file(page, path: Path) -> str:
    page.evaluate("() => { document.getElementById('hb-check-status').textContent = '';"
                  " document.getElementById('hb-check-input').value = ''; }")
    page.set_input_files("#hb-check-file", str(path))
    page.wait_for_function(f"{STATUS}.length > 0 && !{STATUS}.startsWith('正在读取')")
    return page.inner_text("#hb-check-status")


def test_every_corpus_file_reads_the_same_in_the_browser(page, base_url):
    page.goto("/tools/check/")
    page.wait_for_function("!!(window.HandbookChecker && window.HB && window.HB.decodeReport)")
    page.select_option("#hb-check-year", "2024")
    assert len(EXPECTED) >= 50
    for name in sorted(EXPECTED):
        path = READER / name
        status = open_file(page, path)
        assert "\n" not in status, name
        try:
            decoded = textio.read_report(path)
        except textio.ReadError as exc:
            assert status.startswith(f"无法读取 {name}："), (name, status)
            assert f"（{exc.message}）" in status, (name, status, exc.message)
            continue
        assert page.input_value("#hb-check-input") == decoded.text, name
        if decoded.warning:
            assert status.startswith("注意：") and f"（{decoded.warning}）" in status, (name, status)
        else:
            assert "注意" not in status and "无法读取" not in status, (name, status)
    assert not page.js_errors


def test_a_file_over_the_limit_is_refused_before_reading(page, base_url, tmp_path):
    page.goto("/tools/check/")
    page.wait_for_function("!!(window.HandbookChecker && window.HB && window.HB.decodeReport)")
    big = tmp_path / "大文件.txt"
    with big.open("wb") as fh:  # sparse: no 21 MB written
        fh.truncate(textio.SIZE_LIMIT + 1)
    assert os.path.getsize(big) > textio.SIZE_LIMIT
    with pytest.raises(textio.ReadError) as exc:
        textio.read_text_file(big)
    status = open_file(page, big)
    assert status.startswith("无法读取 大文件.txt：") and f"（{exc.value.message}）" in status
    assert not page.js_errors
