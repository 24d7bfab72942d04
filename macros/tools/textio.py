"""Reading a user's text file: UTF-8 (with or without BOM), GBK/GB18030, .docx.

Raw reports and drafts arrive from Windows machines as often as from the web,
so the CLI tools (sample ingestion, anonymiser, checker) all read input here
and fail with one line naming the file when it cannot be read as text.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..base.errors import HandbookError

# A legacy Word .doc (and .xls, .ppt) is an OLE2 compound file: these four bytes open it.
OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
LEGACY_DOC = "is a legacy Word .doc: save it as .docx (文件另存为 .docx) and try again"

# Control characters other than tab, newline, carriage return and form feed:
# text with any of these is binary, whatever it decodes to.
_CONTROL = {chr(c) for c in range(32) if c not in (9, 10, 12, 13)} | {"\x7f"}


def _is_texty(text: str) -> bool:
    """A sanity check on a decoding: no NULs or control codes, mostly printable."""
    if not text.strip():
        return False
    if any(ch in _CONTROL for ch in text):
        return False
    odd = sum(1 for ch in text if not (ch.isprintable() or ch in "\t\n\r\f"))
    return odd <= max(2, len(text) // 1000)


def _cjk_share(text: str) -> float:
    letters = [ch for ch in text if not ch.isspace()]
    if not letters:
        return 0.0
    cjk = sum(1 for ch in letters if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
    return cjk / len(letters)


def decode_bytes(raw: bytes, where: str) -> str:
    """Decode raw bytes as UTF-8 (BOM optional) or GB18030; raise one line otherwise."""
    if not raw.strip():
        raise HandbookError(where, "empty file (no text to read)")
    if raw.startswith(OLE2_MAGIC):
        raise HandbookError(where, LEGACY_DOC)
    if b"\x00" in raw:
        raise HandbookError(where, "binary file (contains NUL bytes), expected UTF-8 or GBK text or .docx")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is None:
        # GB18030 is a superset of GBK and GB2312: one try covers all three.
        # It decodes almost any byte string, so the result must look like
        # Chinese text (charset-normalizer confirms the guess on short input).
        try:
            candidate = raw.decode("gb18030")
        except UnicodeDecodeError:
            candidate = None
        if candidate is not None and _is_texty(candidate):
            if _cjk_share(candidate) >= 0.3:
                text = candidate
            else:
                from charset_normalizer import from_bytes

                best = from_bytes(raw).best()
                if best is not None and best.encoding in ("gb18030", "gbk", "gb2312"):
                    text = candidate
    if text is None or not _is_texty(text):
        raise HandbookError(where, "not readable text: neither UTF-8 nor GBK/GB18030 (binary or unknown encoding?)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_docx(raw: bytes, where: str) -> str:
    try:
        import docx  # python-docx
        from docx.opc.exceptions import PackageNotFoundError

        try:
            document = docx.Document(io.BytesIO(raw))
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise HandbookError(where, f"not a readable .docx file ({type(exc).__name__})") from None
    except ImportError:  # pragma: no cover - python-docx is pinned in requirements.txt
        raise HandbookError(where, "reading .docx needs python-docx (pip install -r requirements.txt)") from None
    text = "\n".join(p.text for p in document.paragraphs)
    if not text.strip():
        raise HandbookError(where, "empty .docx (no paragraph text)")
    return text


def read_text_file(path: str | Path) -> str:
    """The text of a report file, newlines normalised to \\n.

    .docx: the paragraphs joined by newlines. Anything else: UTF-8 or GBK/GB18030.
    Raises HandbookError (one line naming the file) when the file is missing,
    empty, binary or undecodable, or a legacy .doc (saved as .docx it can be read).
    """
    path = Path(path)
    where = str(path)
    if not path.exists():
        raise HandbookError(where, "file not found")
    if path.is_dir():
        raise HandbookError(where, "is a folder, expected a text or .docx file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise HandbookError(where, f"cannot read the file ({exc.strerror})") from None
    if raw.startswith(OLE2_MAGIC):
        raise HandbookError(where, LEGACY_DOC)
    if path.suffix.lower() == ".docx" or raw[:4] == b"PK\x03\x04":
        if not raw:
            raise HandbookError(where, "empty file (no text to read)")
        return _read_docx(raw, where)
    return decode_bytes(raw, where)
