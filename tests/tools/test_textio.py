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
