"""macros/textio.py: every encoding a report arrives in, and every bad file."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest

from macros.base.errors import HandbookError
from macros.tools.textio import read_text_file

TEXT = "2023年度述责述廉报告\n坚持以习近平新时代中国特色社会主义思想为指导，认真履行全面从严治党主体责任。"


def test_utf8_plain(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(TEXT, encoding="utf-8")
    assert read_text_file(p) == TEXT


def test_utf8_bom_and_crlf(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8"))
    assert read_text_file(p) == TEXT


@pytest.mark.parametrize("codec", ["gbk", "gb18030", "gb2312"])
def test_gb_family(tmp_path: Path, codec: str) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(TEXT.encode(codec))
    assert read_text_file(p) == TEXT


def test_docx_paragraphs_joined_by_newline(tmp_path: Path) -> None:
    p = tmp_path / "a.docx"
    d = docx.Document()
    for line in TEXT.split("\n"):
        d.add_paragraph(line)
    d.save(str(p))
    assert read_text_file(p) == TEXT


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\n ", "empty file"),
        ("nul.txt", b"abc\x00\x01\x02def", "binary file"),
        ("junk.txt", bytes([0xFF, 0xFE, 0xFA, 0xFB, 0x20, 0x81, 0x9F]) * 3, "not readable text"),
        ("fake.docx", b"PK\x03\x04not really a zip", "not a readable .docx"),
        ("empty.docx", b"", "empty file"),
    ],
)
def test_bad_files_fail_with_one_line(tmp_path: Path, name: str, content: bytes, problem: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(HandbookError) as info:
        read_text_file(p)
    line = info.value.line()
    assert "\n" not in line and str(p) in line and problem in line


def test_empty_docx_document(tmp_path: Path) -> None:
    p = tmp_path / "blank.docx"
    docx.Document().save(str(p))
    with pytest.raises(HandbookError, match="empty .docx"):
        read_text_file(p)


def test_missing_and_folder(tmp_path: Path) -> None:
    with pytest.raises(HandbookError, match="file not found"):
        read_text_file(tmp_path / "nope.txt")
    with pytest.raises(HandbookError, match="is a folder"):
        read_text_file(tmp_path)


# ---------------------------------------------------------------------------
# The shared reader corpus (tests/data/reader/, also opened in the browser by tests/browser/test_reader.py)
# ---------------------------------------------------------------------------

import json  # noqa: E402
import os  # noqa: E402

from macros.tools import textio  # noqa: E402

READER = Path(__file__).resolve().parent.parent / "data" / "reader"
EXPECTED = json.loads((READER / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_reader_corpus_verdicts(name: str) -> None:
    expected = EXPECTED[name]
    if "refuse" in expected:
        with pytest.raises(textio.ReadError) as info:
            textio.read_report(READER / name)
        assert info.value.code == expected["refuse"]
        assert "\n" not in info.value.line() and info.value.line().startswith(str(READER / name))
        return
    d = textio.read_report(READER / name)
    assert {"encoding": d.encoding, "bad": d.bad, "first_bad": d.first_bad} == expected
    assert "\r" not in d.text and not d.text.startswith("\ufeff")
    assert (d.warning is None) == (d.bad == 0)


def test_the_corpus_is_what_its_generator_writes(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_corpus", READER / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.write(tmp_path) == EXPECTED
    for name in EXPECTED:
        assert (tmp_path / name).read_bytes() == (READER / name).read_bytes(), name


def test_real_drafts_with_ideographic_indents_and_invisible_spaces_read() -> None:
    text = read_text_file(READER / "gbk-ideographic-indent.txt")
    assert text.split("\n")[1].startswith("\u3000\u3000") and text == read_text_file(READER / "utf8-ideographic-indent.txt")
    assert text == read_text_file(READER / "utf16le-bom.txt") == read_text_file(READER / "utf16be-bom.txt")
    assert read_text_file(READER / "nbsp-utf8.txt").count("\u00a0") == 3
    assert read_text_file(READER / "nbsp-gb18030.txt") == read_text_file(READER / "nbsp-utf8.txt")
    assert read_text_file(READER / "zero-width-utf8.txt").count("\u200b") == 3


def test_docx_tables_are_read_in_document_order() -> None:
    assert read_text_file(READER / "table.docx").split("\n") == ["2024年度述责述廉报告", "项目", "完成情况", "学习", "12次",
                                                                "一、履行主体责任情况"]
    assert read_text_file(READER / "table-only.docx") == "甲\n乙\n\n丙"
    assert read_text_file(READER / "nested-table.docx") == "外层\n内层一\n内层二\n右\n表后"


def test_a_partial_decoding_warns_on_one_line(capsys) -> None:
    text = read_text_file(READER / "gbk-one-bad-byte.txt")
    assert "\ufffd" in text
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "byte offset 41" in err and err.startswith("warning: ")
    seen: list[str] = []
    assert read_text_file(READER / "gbk-one-bad-byte.txt", warn=seen.append) == text and len(seen) == 1


def test_not_regular_files_and_the_size_limit(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(textio.ReadError, match="not a regular file"):
        read_text_file(fifo)  # never opened: a FIFO with no writer would block
    with pytest.raises(textio.ReadError, match="not a regular file"):
        read_text_file("/dev/zero")
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(textio.SIZE_LIMIT + 1)
    with pytest.raises(textio.ReadError, match="too large .* the limit is 20 MB"):
        read_text_file(big)
    ok = tmp_path / "limit.txt"
    ok.write_bytes(b"a" * textio.SIZE_LIMIT)
    assert len(read_text_file(ok)) == textio.SIZE_LIMIT
