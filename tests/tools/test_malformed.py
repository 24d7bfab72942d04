"""Malformed input through the real commands (subprocess `python -m macros …`).

Every case asserts the exit code, exactly one line on stderr and no traceback,
and that nothing was half-written: no output file, no temporary file left, no
sample under templates/samples/. The files: the refused half of the reader
corpus (tests/data/reader/), plus folders, FIFOs, devices, links, a sparse
file over the size limit, bad slugs and years for `samples ingest`, and output
paths that are folders or cannot be written. Files that decode only partly
give one warning line and the command's normal exit code.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from macros.base import paths
from macros.tools import checker, textio

READER = Path(__file__).resolve().parent.parent / "data" / "reader"
EXPECTED = json.loads((READER / "expected.json").read_text(encoding="utf-8"))
REFUSED = sorted(n for n, v in EXPECTED.items() if "refuse" in v)
PARTIAL = sorted(n for n, v in EXPECTED.items() if v.get("bad"))
SAMPLES = paths.TEMPLATES / "samples"
GOOD_RAW = "2023年度个人述职述廉报告\n一、履行职责情况\n一年来，认真学习，扎实工作，全年召开会议12次。\n二、存在的问题\n学习不够深入。\n"


@dataclass
class Case:
    id: str
    args: list[str]  # {dir} is the case folder, {corpus} the reader corpus
    code: int
    says: str  # a piece of the single stderr line
    slug: str | None = None  # samples ingest: nothing may be written under this slug
    out: str | None = None  # an output path that must not exist afterwards
    setup: list[str] = field(default_factory=list)


COMMANDS = {
    "check": ["check", "{file}", "--year", "2024"],
    "anonymise": ["anonymise", "{file}", "--json"],
    "ingest": ["samples", "ingest", "{file}", "--slug", "{slug}"],
}
SPECIAL = {  # name: (how the file is made, a piece of the message)
    "folder": ("folder", "is a folder"),
    "fifo": ("fifo", "not a regular file"),
    "dev-zero": ("/dev/zero", "not a regular file"),
    "dev-null": ("/dev/null", "not a regular file"),
    "link-to-dev-zero": ("link:/dev/zero", "not a regular file"),
    "link-to-folder": ("link:.", "is a folder"),
    "broken-link": ("link:nowhere", "file not found"),
    "missing": ("missing", "file not found"),
    "sparse-over-limit": ("sparse", "too large"),
}


def cases() -> list[Case]:
    out: list[Case] = []
    n = 0
    for command, template in COMMANDS.items():
        for name in REFUSED:
            n += 1
            slug = f"zz-malformed-{n}"
            message = EXPECTED[name]["refuse"]
            args = [a.format(file="{corpus}/" + name, slug=slug) for a in template]
            out.append(Case(f"{command}-{name}", args, 2, MESSAGES[message], slug if command == "ingest" else None))
        for name, (make, says) in SPECIAL.items():
            n += 1
            slug = f"zz-malformed-{n}"
            args = [a.format(file="{dir}/" + name, slug=slug) for a in template]
            out.append(Case(f"{command}-{name}", args, 2, says, slug if command == "ingest" else None, setup=[f"{name}={make}"]))
    good = "{dir}/good.txt"
    for i, (slug, says) in enumerate([("a" * 300, "at most 100"), ("x\n", "is not a slug"), ("Upper-Case", "is not a slug"),
                                      ("../escape", "is not a slug"), ("", "is not a slug"), ("a--b", "is not a slug"),
                                      ("中文", "is not a slug"), ("trailing-", "is not a slug"), ("x\r", "is not a slug"),
                                      (" lead", "is not a slug")]):
        out.append(Case(f"ingest-slug-{i}", ["samples", "ingest", good, "--slug", slug], 2, says, slug, setup=["good.txt=good"]))
    for year in ("1800", "3000", "2018", "2027", "0", "-5"):
        out.append(Case(f"ingest-year-{year}", ["samples", "ingest", good, "--slug", f"zz-malformed-year-{year.strip('-')}",
                                                "--year", year], 2, "report year the handbook covers",
                        f"zz-malformed-year-{year.strip('-')}", setup=["good.txt=good"]))
    draft = ["draft", "personal-duty-report", "--year", "2024", "--docx"]
    out += [
        Case("draft-docx-to-folder", draft + ["{dir}"], 2, "is a folder"),
        Case("draft-docx-read-only-fs", draft + ["/sys/zz-malformed.docx"], 2, "cannot write it", out="/sys/zz-malformed.docx"),
        Case("draft-docx-under-a-file", draft + ["/dev/null/x.docx"], 2, "no such folder"),
        Case("draft-docx-missing-folder", draft + ["{dir}/nope/x.docx"], 2, "no such folder", out="{dir}/nope/x.docx"),
        Case("offline-out-folder", ["offline", "--out", "{dir}"], 2, "is a folder"),
        Case("check-bad-year", ["check", "{corpus}/ascii.txt", "--year", "1800"], 2, "report year the handbook covers"),
        Case("check-no-year", ["check", "{corpus}/ascii.txt"], 2, "missing"),
    ]
    for name in PARTIAL:
        out.append(Case(f"check-partial-{name}", COMMANDS["check"][:1] + ["{corpus}/" + name, "--year", "2024"], -1, "warning: "))
        out.append(Case(f"anonymise-partial-{name}", ["anonymise", "{corpus}/" + name, "--json"], 0, "warning: "))
    return out


MESSAGES = {
    "empty": "empty file", "binary-nul": "contains NUL", "binary-control": "mostly control characters",
    "undecodable": "not readable text", "legacy-doc": "save it as .docx", "docx-bad": "not a readable .docx file",
    "docx-empty": "empty .docx",
}
CASES = cases()


def make(folder: Path, spec: str) -> None:
    name, how = spec.split("=", 1)
    path = folder / name
    if how == "folder":
        path.mkdir()
    elif how == "fifo":
        os.mkfifo(path)
    elif how.startswith("/dev/"):
        path.symlink_to(how)  # the command is given a name that leads to the device
    elif how.startswith("link:"):
        path.symlink_to(how[5:] if how[5:].startswith("/") else folder / how[5:])
    elif how == "sparse":
        with path.open("wb") as fh:
            fh.truncate(textio.SIZE_LIMIT + 1024)
    elif how == "good":
        path.write_text(GOOD_RAW, encoding="utf-8")


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("malformed")

    def run(i_case: tuple[int, Case]):
        i, case = i_case
        folder = base / f"case{i}"
        folder.mkdir()
        for spec in case.setup:
            make(folder, spec)
        args = [a.replace("{dir}", str(folder)).replace("{corpus}", str(READER)) for a in case.args]
        before = sorted(p.name for p in folder.iterdir())
        proc = subprocess.run([sys.executable, "-m", "macros", *args], cwd=paths.ROOT, capture_output=True, text=True,
                              timeout=120, stdin=subprocess.DEVNULL)
        after = sorted(p.name for p in folder.iterdir())
        return proc, before, after, args

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        done = dict(zip((c.id for c in CASES), pool.map(run, enumerate(CASES))))
    yield done
    for p in SAMPLES.glob("zz-malformed-*"):  # never expected; keep the repository clean if a case regressed
        p.unlink()


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 100
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input(results, case: Case):
    proc, before, after, args = results[case.id]
    lines = proc.stderr.splitlines()
    assert "Traceback" not in proc.stderr, proc.stderr
    assert len(lines) == 1, proc.stderr
    assert case.says in lines[0], (lines[0], case.says)
    if case.code == -1:  # check on a partly decoded file: its findings decide
        text = textio.read_text_file(args[1], warn=None)
        assert proc.returncode == (1 if checker.check(text, 2024) else 0), proc.stderr
    else:
        assert proc.returncode == case.code, (proc.returncode, proc.stderr)
    if case.code == 2:
        assert lines[0].startswith("error: "), lines[0]
    assert after == before  # nothing written beside the input, no temporary file left
    if case.slug is not None:
        names = {p.name for p in SAMPLES.iterdir()}
        assert f"{case.slug}.yml" not in names and f"{case.slug}.review.md" not in names
        if "/" in case.slug:
            assert not os.path.lexists(SAMPLES / f"{case.slug}.yml")
        assert not [p for p in SAMPLES.iterdir() if p.name.endswith(".part")]
    if case.out:
        assert not Path(case.out.replace("{dir}", "/nonexistent")).exists()


def test_ingest_writes_both_files_or_neither(tmp_path, monkeypatch):
    """A failure between the two renames puts the first file back: never one new file beside one old."""
    from macros.base.errors import HandbookError
    from macros.tools import ingest

    yml, review = tmp_path / "s.yml", tmp_path / "s.review.md"
    ingest.write_together(((yml, "old yml\n"), (review, "old review\n")))
    real = os.replace
    calls = []

    def second_fails(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise PermissionError(13, "Permission denied", str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", second_fails)
    with pytest.raises(HandbookError, match="nothing written"):
        ingest.write_together(((yml, "new yml\n"), (review, "new review\n")))
    assert yml.read_text() == "old yml\n" and review.read_text() == "old review\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.review.md", "s.yml"]  # no temporary file left
    monkeypatch.setattr(os, "replace", real)
    (tmp_path / "d.yml").mkdir()
    with pytest.raises(HandbookError, match="is a folder"):
        ingest.write_together(((tmp_path / "d.yml", "x"), (tmp_path / "d.review.md", "y")))
    assert not (tmp_path / "d.review.md").exists()
