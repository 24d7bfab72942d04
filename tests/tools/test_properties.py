"""Property-based tests (Hypothesis) of the reader and the checker.

- the reader on any bytes: a text or a one-line ReadError, never another exception;
- a text written as UTF-8, UTF-8 with BOM, GB18030 or UTF-16 (BOM), with LF, CRLF or CR,
  reads back as the same text after the documented normalisation (BOM removed, CRLF and CR → LF);
- the checker on any text: no exception, every offset inside the text, and the same findings
  for a text and its CRLF and BOM file forms.
"""
from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.tools import checker, textio
from macros.tools import rules as check_rules

SETTINGS = settings(max_examples=80, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
DATA = Path(__file__).resolve().parent.parent / "data"
RULES = check_rules.build_rules()
# Pieces of real drafts and of the checker's cases: the checker's rules fire on these.
CASE_TEXTS = [c["text"] for c in yaml.safe_load((DATA / "check_cases.yml").read_text(encoding="utf-8"))]
PIECES = (["一是", "二是", "四是", "（一）", "（三）", "1.", "、", "，", "。", "“", "”", "《", "》", "（", "）", "X", "××",
           "２０２４", "2023年", "去年", "\u3000\u3000", "\u00a0", "\u200b", "\n", "\r\n", "\r", " ", "\t", "党的十九大",
           "增强政治意识、大局意识、核心意识、看齐意识", "坚定理想信念", "加强学习"]
          + [t[i:i + 12] for t in CASE_TEXTS for i in range(0, len(t), 12)])
drafts = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=40).map("".join)
FORMS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-sig": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "utf-16-le": lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
    "utf-16-be": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
}


def normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@SETTINGS
@given(st.binary(max_size=400), st.sampled_from(["a.txt", "a.docx", "a"]))
def test_any_bytes_give_text_or_one_line(raw: bytes, name: str) -> None:
    try:
        d = textio.decode_file(raw, "f", name)
    except textio.ReadError as exc:
        assert "\n" not in exc.line() and exc.code
        return
    assert "\r" not in d.text and (d.warning is None) == (d.bad == 0)
    if d.bad:
        assert 0 <= d.first_bad < len(raw)


@SETTINGS
@given(st.binary(max_size=200), st.integers(min_value=0, max_value=2000))
def test_damaged_docx_is_a_one_line_refusal(noise: bytes, cut: int) -> None:
    good = (DATA / "reader" / "table.docx").read_bytes()
    for raw in (good[:cut], good[:cut] + noise + good[cut + len(noise):], b"PK\x03\x04" + noise):
        try:
            textio.decode_file(raw, "f.docx", "f.docx")
        except textio.ReadError as exc:
            assert "\n" not in exc.line()


@SETTINGS
@given(drafts, st.sampled_from(sorted(FORMS)), st.sampled_from(["\n", "\r\n", "\r"]))
def test_every_form_of_a_text_reads_the_same(text: str, form: str, newline: str) -> None:
    text = text.replace("\x00", "")
    written = normalised(text).replace("\n", newline)
    try:
        expected = textio.decode_file(text.encode("utf-8"), "f", "f.txt").text
    except textio.ReadError:
        return  # not a report (blank, or mostly control characters) in any form
    got = textio.decode_file(FORMS[form](written), "f", "f.txt")
    assert got.text == expected == normalised(text) and got.bad == 0


@SETTINGS
@given(drafts, st.sampled_from([2019, 2022, 2024, 2026]))
def test_checker_offsets_stay_inside_and_forms_agree(text: str, year: int) -> None:
    findings = checker.check(text, year, RULES)
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), f
    text = normalised(text).replace("\x00", "")
    base = checker.check(text, year, RULES)
    for raw in (b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"), b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le")):
        try:
            read = textio.decode_file(raw, "f", "f.txt").text
        except textio.ReadError:
            continue
        assert read == text
        assert checker.check(read, year, RULES) == base
