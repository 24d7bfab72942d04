"""Reading a user's text file: UTF-8 (BOM optional), GBK/GB18030, UTF-16 with BOM, .docx.

Raw reports and drafts arrive from Windows machines as often as from the web,
so the CLI tools (sample ingestion, anonymiser, checker) all read input here
and fail with one line naming the file when it cannot be read as text. The
browser's reader (readFile in docs/assets/javascripts/checker.js, helpers in
common.js) takes the same decisions on the same bytes; tests/data/reader/ is
read by both (tests/tools/test_textio.py, tests/browser/test_reader.py).

The decisions, in order:

1. not a regular file (folder, device, FIFO, socket) or over SIZE_LIMIT: refused
   before a byte is read;
2. empty: refused; OLE2 magic (legacy .doc): "save it as .docx";
3. zip magic or a .docx name: word/document.xml, paragraphs and table cells
   (nested tables and content controls too) one line each, in document order;
4. a BOM: UTF-8 (EF BB BF), UTF-16 LE (FF FE) or BE (FE FF), BOM removed;
5. otherwise NUL bytes mean binary; strict UTF-8, else strict GB18030 (covers
   GBK and GB2312); when neither decodes, the one with fewer bad byte sequences
   (UTF-8 on a tie) with each replaced by U+FFFD, and a one-line warning naming
   the first bad byte's offset (0-based, in the file);
6. the text is refused as binary when more than a tenth of it (and more than 2
   characters) is control characters, replacements or what only a wrong
   decoding gives (a BOM inside the text, U+FFFE, U+FFFF), or when there is more
   than one bad sequence per 200 bytes of the file; whitespace and format characters
   (U+3000, NBSP, zero-width spaces …) are text; CRLF and CR become LF before
   this count, so the verdict is the same for every newline.
"""
from __future__ import annotations

import codecs
import io
import os
import re
import stat
import sys
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..base.errors import HandbookError

SIZE_LIMIT = 20 * 1024 * 1024  # bytes of input: a report is well under 1 MB
XML_LIMIT = 200 * 1024 * 1024  # bytes of word/document.xml once unpacked
# A legacy Word .doc (and .xls, .ppt) is an OLE2 compound file: these four bytes open it.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
ZIP_MAGIC = b"PK\x03\x04"
LEGACY_DOC = "is a legacy Word .doc: save it as .docx (文件另存为 .docx) and try again"
EXPECTED = "expected UTF-8, GBK/GB18030 or UTF-16 text, or .docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# Control characters other than tab, newline, vertical tab, form feed and carriage return (C0, DEL, C1).
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# What mostly a wrong decoding gives: a BOM inside the text, the noncharacters U+FFFE and U+FFFF.
_ARTEFACT_RE = re.compile("[\ufeff\ufffe\uffff]")
# The characters that make a file blank (the same list in common.js: not str.isspace, whose set differs from JS).
BLANK = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
_NONBLANK_RE = re.compile(f"[^{BLANK}]")


class ReadError(HandbookError):
    """A file that cannot be read as a report; code names the verdict (the browser uses the same codes)."""

    def __init__(self, where: str, code: str, message: str):
        self.code = code
        super().__init__(where, message)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # utf-8, utf-8-sig, gb18030, utf-16-le, utf-16-be, docx
    bad: int = 0  # byte sequences replaced by U+FFFD
    first_bad: int | None = None  # offset of the first, in the file

    @property
    def warning(self) -> str | None:
        if not self.bad:
            return None
        return (f"decoded as {self.encoding} with {self.bad} undecodable byte sequence(s) replaced by U+FFFD, "
                f"the first at byte offset {self.first_bad} (counting from 0): check the text")


_BAD = threading.local()


def _record(exc: UnicodeError, resume: int) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    _BAD.starts.append(exc.start)
    return "\ufffd", resume


# GB18030 resumes at the next byte (as the browser's segmenting does); UTF-8 and UTF-16 after the maximal
# bad subpart, as both Python's and the WHATWG decoders do.
codecs.register_error("handbook-next-byte", lambda exc: _record(exc, exc.start + 1))  # type: ignore[attr-defined]
codecs.register_error("handbook-subpart", lambda exc: _record(exc, exc.end))  # type: ignore[attr-defined]


def _decode(raw: bytes, encoding: str, skip_one: bool) -> tuple[str, int, int | None]:
    """Decode with each bad sequence as one U+FFFD; (text, bad sequences, first bad offset)."""
    _BAD.starts = []
    text = raw.decode(encoding, errors="handbook-next-byte" if skip_one else "handbook-subpart")
    bad = _BAD.starts
    return text, len(bad), (bad[0] if bad else None)


def _strict(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def _decode_plain(raw: bytes, where: str) -> Decoded:
    if raw.startswith(b"\xef\xbb\xbf"):
        text, bad, first = _decode(raw[3:], "utf-8", False)
        return Decoded(text, "utf-8-sig", bad, None if first is None else first + 3)
    for bom, enc in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if raw.startswith(bom):
            text, bad, first = _decode(raw[2:], enc, False)
            if "\x00" in text:
                raise ReadError(where, "binary-nul", f"binary file (contains NUL characters), {EXPECTED}")
            return Decoded(text, enc, bad, None if first is None else first + 2)
    if b"\x00" in raw:
        raise ReadError(where, "binary-nul", f"binary file (contains NUL bytes), {EXPECTED}")
    text = _strict(raw, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8")
    # GB18030 is a superset of GBK and GB2312: one try covers all three.
    text = _strict(raw, "gb18030")
    if text is not None:
        return Decoded(text, "gb18030")
    u = _decode(raw, "utf-8", False)
    g = _decode(raw, "gb18030", True)
    if g[1] < u[1]:
        return Decoded(g[0], "gb18030", g[1], g[2])
    return Decoded(u[0], "utf-8", u[1], u[2])


def _verdict(d: Decoded, where: str, size: int, empty: str = "empty") -> Decoded:
    text = d.text
    if "\r" in text:  # first, so that the verdict is the same for LF, CRLF and CR
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _NONBLANK_RE.search(text):
        if empty == "docx":
            raise ReadError(where, "docx-empty", "empty .docx (no paragraph or table text)")
        raise ReadError(where, "empty", "empty file (no text to read)")
    controls = len(_CONTROL_RE.findall(text)) if _CONTROL_RE.search(text) else 0
    wrong = d.bad + (len(_ARTEFACT_RE.findall(text)) if _ARTEFACT_RE.search(text) else 0)
    junk = controls + wrong
    if (junk > 2 and junk * 10 > len(text)) or (d.bad * 200 > size):
        if controls > wrong:
            raise ReadError(where, "binary-control", f"binary file (mostly control characters), {EXPECTED}")
        raise ReadError(where, "undecodable", "not readable text: neither UTF-8 nor GBK/GB18030 (binary or unknown encoding?)")
    return Decoded(text, d.encoding, d.bad, d.first_bad)


def _bad_docx(where: str, reason: str) -> ReadError:
    return ReadError(where, "docx-bad", f"not a readable .docx file ({reason})")


def _paragraph_text(p) -> str:
    parts = []
    for node in p.iter():
        tag = node.tag
        if not isinstance(tag, str) or not tag.startswith(W):
            continue
        name = tag[len(W):]
        if name == "t":
            parts.append(node.text or "")
        elif name == "tab" and node.getparent().tag == W + "r":
            parts.append("\t")
        elif name in ("br", "cr"):
            parts.append("\n")
    return "".join(parts)


def _blocks(parent, lines: list[str]) -> None:
    """Paragraphs, table cells (row by row, cell by cell) and content controls, in document order."""
    for child in parent:
        tag = child.tag
        if tag == W + "p":
            lines.append(_paragraph_text(child))
        elif tag == W + "tbl":
            for row in child.iterchildren(W + "tr"):
                for cell in row.iterchildren(W + "tc"):
                    _blocks(cell, lines)
        elif tag == W + "sdt":
            for content in child.iterchildren(W + "sdtContent"):
                _blocks(content, lines)


def docx_text(raw: bytes, where: str) -> str:
    """The text of a .docx: one line per paragraph (table cells included), joined by LF."""
    import zlib

    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            try:
                info = z.getinfo("word/document.xml")
            except KeyError:
                raise _bad_docx(where, "no word/document.xml in it") from None
            if info.flag_bits & 1:
                raise _bad_docx(where, "encrypted")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise _bad_docx(where, "unsupported compression")
            if info.file_size > XML_LIMIT:
                raise _bad_docx(where, "word/document.xml is too large")
            xml = z.read(info)
    except ReadError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
            RuntimeError, NotImplementedError, IndexError, KeyError):
        raise _bad_docx(where, "damaged, or not a zip file") from None
    if b"<!DOCTYPE" in xml[:4096] or b"<!ENTITY" in xml[:4096]:
        raise _bad_docx(where, "word/document.xml declares a DOCTYPE")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(xml, parser)
    except (etree.XMLSyntaxError, ValueError):
        raise _bad_docx(where, "word/document.xml is not well-formed XML") from None
    body = root.find(W + "body")
    if body is None:
        raise _bad_docx(where, "no document body")
    lines: list[str] = []
    _blocks(body, lines)
    return "\n".join(lines)


def decode_file(raw: bytes, where: str, name: str = "") -> Decoded:
    """Every verdict on a file's bytes; raises ReadError (one line) when it is not a report."""
    if not raw:
        raise ReadError(where, "empty", "empty file (no text to read)")
    if raw.startswith(OLE2_MAGIC):
        raise ReadError(where, "legacy-doc", LEGACY_DOC)
    if raw.startswith(ZIP_MAGIC) or name.lower().endswith(".docx"):
        return _verdict(Decoded(docx_text(raw, where), "docx"), where, len(raw), "docx")
    return _verdict(_decode_plain(raw, where), where, len(raw))


def decode_bytes(raw: bytes, where: str) -> str:
    """Text bytes (not .docx) as read_text_file decodes them."""
    if not raw:
        raise ReadError(where, "empty", "empty file (no text to read)")
    if raw.startswith(OLE2_MAGIC):
        raise ReadError(where, "legacy-doc", LEGACY_DOC)
    return _verdict(_decode_plain(raw, where), where, len(raw)).text


def read_bytes(path: str | Path) -> bytes:
    """A regular file's bytes, at most SIZE_LIMIT; never opens a device or FIFO."""
    where = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReadError(where, "not-found", "file not found") from None
    except OSError as exc:
        raise ReadError(where, "unreadable", f"cannot read the file ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError(where, "folder", "is a folder, expected a text or .docx file")
    if not stat.S_ISREG(st.st_mode):
        raise ReadError(where, "not-regular", "is not a regular file (a device, FIFO or socket), expected a text or .docx file")
    if st.st_size > SIZE_LIMIT:
        raise ReadError(where, "too-large", too_large(st.st_size))
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # swapped since the stat
                raise ReadError(where, "not-regular", "is not a regular file (a device, FIFO or socket), expected a text or .docx file")
            raw = fh.read(SIZE_LIMIT + 1)
    except OSError as exc:
        raise ReadError(where, "unreadable", f"cannot read the file ({exc.strerror or exc})") from None
    if len(raw) > SIZE_LIMIT:
        raise ReadError(where, "too-large", too_large(len(raw)))
    return raw


def too_large(size: int) -> str:
    return f"too large ({size:,} bytes): the limit is 20 MB ({SIZE_LIMIT:,} bytes)"


def read_report(path: str | Path) -> Decoded:
    """The decoded file and how (encoding, bad sequences); raises ReadError."""
    return decode_file(read_bytes(path), str(path), Path(path).name)


def _stderr_warning(line: str) -> None:
    print(f"warning: {line}", file=sys.stderr)


def read_text_file(path: str | Path, warn: Callable[[str], None] | None = _stderr_warning) -> str:
    """The text of a report file, newlines normalised to \\n.

    .docx: the paragraphs and table cells joined by newlines, in document order.
    Anything else: UTF-8, GBK/GB18030 or UTF-16 (with BOM), the BOM removed.
    Raises HandbookError (one line naming the file) when the file is missing,
    not a regular file, too large, empty, binary or undecodable, or a legacy
    .doc (saved as .docx it can be read). A file that decodes only partly is
    read with U+FFFD for each bad sequence, and warn gets one line naming the
    first bad byte (stderr by default).
    """
    d = read_report(path)
    if d.warning and warn is not None:
        warn(f"{path}: {d.warning}")
    return d.text
