"""`python -m macros draft` gives what /tools/draft/'s 复制全文 copies, and the same Word paragraphs.

Both sides come from one snapshot of the project: a copy is built and served,
and the command runs inside that copy, so templates edited meanwhile in the
working tree cannot make the two differ. Nothing is compared with written-out
paragraph text.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest
from conftest import _fresh_page, project_copy, serve

from macros.build import offline

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory):
    """(project copy, URL of its built site)."""
    root = project_copy(tmp_path_factory.mktemp("parity") / "project")
    proc = subprocess.run([sys.executable, "-c", "import macros, sys; sys.stdout.write(macros.__file__)"],
                          cwd=root, capture_output=True, text=True)
    assert Path(proc.stdout).resolve().is_relative_to(root.resolve()), proc.stdout + proc.stderr
    site = root / "site"
    offline.build_site(site, config=root / "mkdocs.yml")
    server, url = serve(site)
    yield root, url
    server.shutdown()


@pytest.fixture
def draft_page(browser, snapshot):
    context, pg = _fresh_page(browser, base_url=snapshot[1], permissions=["clipboard-read", "clipboard-write"],
                              accept_downloads=True)
    pg.goto("/tools/draft/")
    pg.wait_for_function("window.HandbookDraft && document.querySelector('#hb-draft-preview p')")
    yield pg
    context.close()


def command(root: Path, *args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "macros", "draft", *args], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def choose(page, genre: str, variant: str, year: int, values: dict[str, str] | None = None) -> None:
    page.select_option("#hb-draft-genre", genre)
    page.select_option("#hb-draft-variant", variant)
    page.select_option("#hb-draft-slot-year", str(year))
    for name, value in (values or {}).items():
        page.fill(f"#hb-draft-slot-{name}", value)


def copy_all(page) -> str:
    """Press 复制全文 and read the clipboard."""
    page.evaluate("navigator.clipboard.writeText('')")
    page.click("#hb-draft-copy")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        text = page.evaluate("navigator.clipboard.readText()")
        if text:
            return text
        page.wait_for_timeout(50)
    raise AssertionError("复制全文 put nothing on the clipboard")


def test_copy_all_equals_the_command_for_every_genre_variant_and_some_years(draft_page, snapshot):
    root, _ = snapshot
    page = draft_page
    entries = json.loads(command(root, "--list", "--json"))
    assert len(entries) >= 2
    compared = set()
    for entry in entries:
        years = entry["years"]
        for variant in entry["variants"]:
            for year in sorted({years[0], years[len(years) // 2], years[-1]}):
                choose(page, entry["genre"], variant, year)
                copied = copy_all(page)
                assert copied == page.get_attribute("#hb-draft-copy", "data-copy")
                printed = command(root, entry["genre"], "--variant", variant, "--year", str(year))
                assert printed == copied + "\n", (entry["genre"], variant, year)
                compared.add(entry["genre"])
    assert len(compared) == len(entries)
    assert not page.js_errors


@pytest.mark.parametrize(("genre", "variant", "year"), [
    ("personal-duty-report", "member", 2021),
    ("team-duty-report", "team", 2024),
])
def test_filled_values_and_word_file_agree(draft_page, snapshot, tmp_path, genre, variant, year):
    root, _ = snapshot
    page = draft_page
    page.select_option("#hb-draft-genre", genre)
    present = set(page.eval_on_selector_all("#hb-draft-fields [name]", "els => els.map(e => e.name)"))
    wanted = {"unit": "县某某局 & <办公室>", "position": "局长", "superior": "县委", "meeting_count": "12"}
    values = {k: v for k, v in wanted.items() if k in present}
    assert "unit" in values
    choose(page, genre, variant, year, values)
    copied = copy_all(page)
    assert "县某某局 & <办公室>" in copied
    path = tmp_path / "values.json"
    path.write_text(json.dumps({"genre": genre, "variant": variant, "year": year, "values": values},
                               ensure_ascii=False), encoding="utf-8")
    assert command(root, "--values", str(path)) == copied + "\n"
    # The Word files: the browser's 下载 Word and the command's --docx hold the same paragraphs.
    with page.expect_download() as info:
        page.click("#hb-draft-docx")
    browser_docx = tmp_path / "browser.docx"
    info.value.save_as(browser_docx)
    ours = tmp_path / "command.docx"
    command(root, "--values", str(path), "--docx", str(ours))
    theirs = [(p.text, p.style.name) for p in docx.Document(str(browser_docx)).paragraphs]
    assert [(p.text, p.style.name) for p in docx.Document(str(ours)).paragraphs] == theirs
    assert [t for t, _ in theirs] == copied.split("\n")
    assert not page.js_errors
