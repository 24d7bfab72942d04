"""Writes the reader corpus: python tests/data/reader/make_corpus.py (from the repository root).

Small files in every form a report arrives in, and the broken ones, each with
its expected verdict in expected.json: {"encoding", "bad", "first_bad"} for a
file that reads, {"refuse": code} for one that is refused (codes of
macros/tools/textio.py). tests/tools/test_textio.py reads every file in Python,
tests/browser/test_reader.py opens every one on the checker page: same text,
same warning, or the same one-line refusal. Deterministic (seeded).
"""
from __future__ import annotations

import io
import json
import random
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PARAS = ["2024年度述责述廉报告", "一、履行主体责任情况", "坚持以习近平新时代中国特色社会主义思想为指导，认真落实全面从严治党要求。",
         "二、存在的问题", "对照检查，主要有以下不足：学习不够深入，调研不够扎实。"]
TEXT = "\n".join(PARAS)
INDENTED = "\n".join(("\u3000\u3000" + p if i else p) for i, p in enumerate(PARAS))


def docx(body: str, extra: dict[str, bytes] | None = None, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A minimal WordprocessingML package around a body."""
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{body}</w:body></w:document>'
    return package({"word/document.xml": xml.encode("utf-8"), **(extra or {})}, method)


def package(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        types = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
        for name, data in {"[Content_Types].xml": types, **entries}.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
    return buf.getvalue()


def p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def table(rows: list[list[str]]) -> str:
    cells = "".join("<w:tr>" + "".join(f"<w:tc>{p(c) if c else '<w:p/>'}</w:tc>" for c in row) + "</w:tr>" for row in rows)
    return f"<w:tbl>{cells}</w:tbl>"


def cases() -> dict[str, tuple[bytes, dict]]:
    rnd = random.Random(20260101)
    ok = {"bad": 0, "first_bad": None}
    c: dict[str, tuple[bytes, dict]] = {}
    crlf = INDENTED.replace("\n", "\r\n")
    c["utf8-ideographic-indent.txt"] = (crlf.encode("utf-8"), {"encoding": "utf-8", **ok})
    c["utf8-bom.txt"] = (b"\xef\xbb\xbf" + crlf.encode("utf-8"), {"encoding": "utf-8-sig", **ok})
    c["gbk-ideographic-indent.txt"] = (crlf.encode("gbk"), {"encoding": "gb18030", **ok})
    c["gb2312.txt"] = (TEXT.encode("gb2312"), {"encoding": "gb18030", **ok})
    c["gb18030-four-byte.txt"] = ((TEXT + "\n𠀀𪚥€·\u00a0").encode("gb18030"), {"encoding": "gb18030", **ok})
    c["utf16le-bom.txt"] = (b"\xff\xfe" + crlf.encode("utf-16-le"), {"encoding": "utf-16-le", **ok})
    c["utf16be-bom.txt"] = (b"\xfe\xff" + crlf.encode("utf-16-be"), {"encoding": "utf-16-be", **ok})
    long_text = (TEXT * 12)[:900]
    spaced = long_text[:100] + "\u00a0" + long_text[100:300] + "\u00a0" + long_text[300:500] + "\u00a0" + long_text[500:]
    c["nbsp-utf8.txt"] = (spaced.encode("utf-8"), {"encoding": "utf-8", **ok})
    c["nbsp-gb18030.txt"] = (spaced.encode("gb18030"), {"encoding": "gb18030", **ok})
    zw = long_text[:200] + "\u200b" + long_text[200:400] + "\u200b" + long_text[400:] + "\u200b\u2060\ufeff"
    c["zero-width-utf8.txt"] = (zw.encode("utf-8"), {"encoding": "utf-8", **ok})
    c["cr-only.txt"] = (TEXT.replace("\n", "\r").encode("utf-8"), {"encoding": "utf-8", **ok})
    c["ascii.txt"] = (b"Annual report 2024\nAll duties done.\n", {"encoding": "utf-8", **ok})
    u = (TEXT + "\n" + TEXT).encode("utf-8")  # long enough: one bad sequence in 200 bytes is damage, more is not text
    c["utf8-one-bad-byte.txt"] = (u[:60] + b"\xff" + u[60:], {"encoding": "utf-8", "bad": 1, "first_bad": 60})
    c["utf8-truncated.txt"] = (u[:-1], {"encoding": "utf-8", "bad": 1, "first_bad": len(u) - 3})
    c["utf8-bom-bad-byte.txt"] = (b"\xef\xbb\xbf" + u[:4] + b"\xc0" + u[4:], {"encoding": "utf-8-sig", "bad": 1, "first_bad": 7})
    g = (TEXT + "\n" + TEXT + "\n" + TEXT).encode("gbk")
    c["gbk-one-bad-byte.txt"] = (g[:41] + b"\x80" + g[41:], {"encoding": "gb18030", "bad": 1, "first_bad": 41})
    c["gbk-truncated.txt"] = (g + b"\xb0", {"encoding": "gb18030", "bad": 1, "first_bad": len(g)})
    c["gbk-bad-trail.txt"] = (g[:20] + b"\xb0\x20" + g[20:], {"encoding": "gb18030", "bad": 1, "first_bad": 20})
    le = (TEXT + "\n" + TEXT).encode("utf-16-le")
    c["utf16le-odd-length.txt"] = (b"\xff\xfe" + le + b"\x41", {"encoding": "utf-16-le", "bad": 1, "first_bad": 2 + len(le)})
    c["utf16le-lone-surrogate.txt"] = (b"\xff\xfe" + le[:10] + b"\x00\xd8" + le[10:],
                                        {"encoding": "utf-16-le", "bad": 1, "first_bad": 12})
    c["latin1.txt"] = (("Rapport annuel: café, élève, très bien. 2024\n" + "All duties done. " * 12).encode("latin-1"),
                       {"encoding": "gb18030", "bad": 1, "first_bad": 19})
    c["empty.txt"] = (b"", {"refuse": "empty"})
    c["blank.txt"] = ("  \r\n\u3000\u3000\n\t\u00a0\n".encode("utf-8"), {"refuse": "empty"})
    c["blank-utf16.txt"] = (b"\xff\xfe" + " \r\n".encode("utf-16-le"), {"refuse": "empty"})
    c["bom-only.txt"] = (b"\xef\xbb\xbf", {"refuse": "empty"})
    c["nul.txt"] = (b"abc\x00\x01\x02def", {"refuse": "binary-nul"})
    c["utf16-with-nul.txt"] = (b"\xff\xfe" + "报告\x00正文".encode("utf-16-le"), {"refuse": "binary-nul"})
    c["utf16-without-bom.txt"] = (TEXT.encode("utf-16-le"), {"refuse": "binary-nul"})
    c["controls.txt"] = (bytes(rnd.choice(list(range(1, 9)) + list(range(14, 32))) for _ in range(400)), {"refuse": "binary-control"})
    c["random-no-nul.bin"] = (bytes(rnd.randrange(1, 256) for _ in range(3000)), {"refuse": "binary-control"})
    c["random-high.bin"] = (bytes(rnd.randrange(128, 256) for _ in range(3000)), {"refuse": "undecodable"})
    c["junk.txt"] = (bytes([0xFE, 0xFA, 0xFB, 0x20, 0x81, 0x9F, 0xFF]) * 3, {"refuse": "undecodable"})
    c["junk-utf16-bom.txt"] = (bytes([0xFF, 0xFE, 0xFA, 0xFB, 0x20, 0x81, 0x9F]) * 3, {"refuse": "undecodable"})
    c["short-truncated.txt"] = ("报告".encode("utf-8")[:-1], {"refuse": "undecodable"})
    c["legacy.doc"] = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, {"refuse": "legacy-doc"})
    c["legacy-renamed.txt"] = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, {"refuse": "legacy-doc"})
    body = "".join(p(x) for x in PARAS)
    c["paragraphs.docx"] = (docx(body), {"encoding": "docx", **ok})
    c["stored.docx"] = (docx(body, method=zipfile.ZIP_STORED), {"encoding": "docx", **ok})
    c["table.docx"] = (docx(p(PARAS[0]) + table([["项目", "完成情况"], ["学习", "12次"]]) + p(PARAS[1])), {"encoding": "docx", **ok})
    c["table-only.docx"] = (docx(table([["甲", "乙"], ["", "丙"]])), {"encoding": "docx", **ok})
    nested = f"<w:tbl><w:tr><w:tc>{p('外层')}{table([['内层一', '内层二']])}</w:tc><w:tc>{p('右')}</w:tc></w:tr></w:tbl>"
    c["nested-table.docx"] = (docx(nested + p("表后")), {"encoding": "docx", **ok})
    runs = ('<w:p><w:r><w:t>一是</w:t><w:tab/><w:t>加强</w:t><w:br/><w:t>学习</w:t></w:r>'
            '<w:hyperlink><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:r><w:delText>删</w:delText></w:r></w:p>')
    c["tabs-breaks-links.docx"] = (docx(runs), {"encoding": "docx", **ok})
    sdt = f"<w:sdt><w:sdtPr/><w:sdtContent>{p('控件内文字')}</w:sdtContent></w:sdt>{p('其后')}"
    c["content-control.docx"] = (docx(sdt), {"encoding": "docx", **ok})
    c["empty.docx"] = (docx("<w:p/><w:sectPr/>"), {"refuse": "docx-empty"})
    c["empty-table.docx"] = (docx(table([["", ""], ["", ""]])), {"refuse": "docx-empty"})
    c["blank-paragraphs.docx"] = (docx(p("\u3000 ") + p("")), {"refuse": "docx-empty"})
    bad_xml = f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>未闭合</w:r></w:body>'.encode()
    c["malformed-xml.docx"] = (package({"word/document.xml": bad_xml}), {"refuse": "docx-bad"})
    c["missing-document.docx"] = (package({"word/styles.xml": b"<x/>"}), {"refuse": "docx-bad"})
    whole = docx(body)
    c["truncated.docx"] = (whole[: len(whole) // 2], {"refuse": "docx-bad"})
    c["zip-garbage.docx"] = (b"PK\x03\x04" + bytes(rnd.randrange(256) for _ in range(500)), {"refuse": "docx-bad"})
    c["zip-magic-only.docx"] = (b"PK\x03\x04", {"refuse": "docx-bad"})
    c["zip-named-txt.txt"] = (whole, {"encoding": "docx", **ok})
    c["text-named-docx.docx"] = (TEXT.encode("utf-8"), {"refuse": "docx-bad"})
    stored = bytearray(docx(body, method=zipfile.ZIP_STORED))
    at = stored.index("履行".encode())
    stored[at] ^= 0x01
    c["crc-mismatch.docx"] = (bytes(stored), {"refuse": "docx-bad"})
    c["doctype.docx"] = (package({"word/document.xml": f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><w:document {W}><w:body>{p("&a;")}</w:body></w:document>'.encode()}),
                         {"refuse": "docx-bad"})
    c["no-body.docx"] = (package({"word/document.xml": f'<?xml version="1.0"?><w:document {W}/>'.encode()}), {"refuse": "docx-bad"})
    c["bzip2.docx"] = (docx(body, method=zipfile.ZIP_BZIP2), {"refuse": "docx-bad"})
    return c


def write(folder: Path = HERE) -> dict[str, dict]:
    expected = {}
    for name, (data, verdict) in sorted(cases().items()):
        (folder / name).write_bytes(data)
        expected[name] = verdict
    (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return expected


if __name__ == "__main__":
    print(f"{len(write())} files in {HERE}")
