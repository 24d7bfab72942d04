"""macros/word.py and macros/downloads.py: real .docx files, opened and read back.

Every check reads the XML (python-docx and lxml), never a rendering:
LibreOffice substitutes missing fonts silently. The built site's files are
checked too, every one of them.
"""
from __future__ import annotations

import html
import io
import json
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from lxml import etree

from macros.build import offline
from macros.content import sections
from macros.engine import render, word
from macros.pages import downloads

W = word.W_NS
NS = {"w": W}
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
TOLERANCE = Mm(0.5)

# Face expected on a run, by paragraph style, with the default format.
FACE_BY_STYLE = {
    "HbTitle": "方正小标宋简体", "HbByline": "楷体_GB2312", "HbHeading1": "黑体", "HbHeading2": "楷体_GB2312",
    "HbHeading3": "仿宋_GB2312", "HbBody": "仿宋_GB2312",
}
SIZE_BY_STYLE = {"HbTitle": "44"}  # half-points; every other text style is 32 (16 pt)
STYLE_BY_KIND = {k: v for k, v in word.STYLE_IDS.items()}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def fixture_paragraphs() -> list:
    """Our own small text: levels, a run-in heading, marks, a slot, a value and instructions."""
    marked = (
        f"{render.hint('这是写作提示，不得进入Word。')}\n\n"
        "一、履职尽责情况\n\n"
        f"（一）强化政治建设。坚持“两个维护”——在{render.slot_label('单位名称')}落实……{render.hint('行内提示也不进入')}\n\n"
        f"1.执行政治纪律情况\n\n（2）{render.filled('市财政局')}召开会议3次。\n\n"
        "2019年，正文段落以年份开头，不是标题。"
    )
    return render.parse(marked)


def open_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        return {n: zf.read(n) for n in zf.namelist()}


def check_docx(data: bytes, name: str = "docx") -> None:
    """Every rule of the GB/T 9704 body format that the XML can show."""
    parts = open_parts(data)
    for part, raw in parts.items():
        text = raw.decode("utf-8")
        assert not PRIVATE_USE.search(text), f"{name}:{part}: private-use marker character"
        assert "<!--HB:" not in text, f"{name}:{part}: placeholder left"
        for attr in word.THEME_ATTRIBUTES:
            assert f"w:{attr}=" not in text, f"{name}:{part}: theme-font attribute {attr}"
        assert "<w:numPr" not in text, f"{name}:{part}: Word auto-numbering"
    assert "word/numbering.xml" not in parts and "word/theme/theme1.xml" not in parts, name

    # --- python-docx: it opens, and the section is A4 with the standard's margins
    doc = docx.Document(io.BytesIO(data))
    sec = doc.sections[0]
    for got, want in [(sec.page_width, Mm(210)), (sec.page_height, Mm(297)), (sec.top_margin, Mm(37)),
                      (sec.bottom_margin, Mm(35)), (sec.left_margin, Mm(28)), (sec.right_margin, Mm(26))]:
        assert abs(got - want) <= TOLERANCE, f"{name}: {got.mm:.2f} mm != {want.mm:.2f} mm"
    assert doc.settings.odd_and_even_pages_header_footer, f"{name}: no different odd/even footers"
    odd, even = sec.footer.paragraphs[0], sec.even_page_footer.paragraphs[0]
    assert odd.text == "— 1 —" and even.text == "— 1 —", name
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT and even.alignment == WD_ALIGN_PARAGRAPH.LEFT, name
    assert odd.paragraph_format.right_indent == Pt(14) and even.paragraph_format.left_indent == Pt(14), name

    # --- styles: our own names, faces on eastAsia, sizes, fixed spacing, indent
    styles = etree.fromstring(parts["word/styles.xml"])
    by_id = {s.get(w("styleId")): s for s in styles.iter(w("style"))}
    for kind, sid in word.STYLE_IDS.items():
        st = by_id[sid]
        assert st.find("w:name", NS).get(w("val")) == word.STYLE_NAMES[kind]
        fonts = st.find("w:rPr/w:rFonts", NS)
        face = FACE_BY_STYLE.get(sid, "宋体")
        assert fonts.get(w("eastAsia")) == face, f"{name}: {sid} eastAsia {fonts.get(w('eastAsia'))}"
        size = {"page_number": "28", "title": "44"}.get(kind, "32")
        assert st.find("w:rPr/w:sz", NS).get(w("val")) == size, f"{name}: {sid} size"
        assert st.find("w:rPr/w:b", NS).get(w("val")) == "0", f"{name}: {sid} bold by default"
        if kind != "page_number":
            sp = st.find("w:pPr/w:spacing", NS)
            assert sp.get(w("lineRule")) == "exact" and sp.get(w("line")) == str(word.twips(word.LINE_PITCH_PT)), sid
        if kind in ("h1", "h2", "h3", "body"):
            assert st.find("w:pPr/w:ind", NS).get(w("firstLine")) == "640", f"{name}: {sid} indent"
    assert by_id["HbTitle"].find("w:pPr/w:jc", NS).get(w("val")) == "center"
    assert not {"Title", "Heading1", "Heading2", "Heading3"} & set(by_id), f"{name}: Word's built-in heading styles"
    assert doc.styles["公文正文"].paragraph_format.first_line_indent == Pt(32)
    assert doc.styles["公文标题"].font.size == Pt(22) and doc.styles["公文正文"].font.size == Pt(16)
    assert doc.styles["公文正文"].paragraph_format.line_spacing == Pt(word.LINE_PITCH_PT)

    # --- the body: every paragraph in one of our styles, every run's face and size from a style
    body = etree.fromstring(parts["word/document.xml"]).find("w:body", NS)

    def props(r, sid):
        """The rPr that decides a run: its character style's, else its paragraph style's.
        A run never carries fonts, size or bold of its own (changing a style must change it)."""
        rpr = r.find("w:rPr", NS)
        own = [c.tag for c in rpr] if rpr is not None else []
        assert own in ([], [w("rStyle")]), f"{name}: run-level properties {own}"
        char = rpr.find("w:rStyle", NS).get(w("val")) if own else None
        if char is not None:
            assert by_id[char].get(w("type")) == "character", f"{name}: {char}"
        return by_id[char or sid].find("w:rPr", NS)

    paras = body.findall("w:p", NS)
    assert paras, name
    first_style = paras[0].find("w:pPr/w:pStyle", NS).get(w("val"))
    if "downloads/sections/" in name:  # a template to paste: it starts with its text, no title to delete
        assert "HbTitle" not in {p.find("w:pPr/w:pStyle", NS).get(w("val")) for p in paras}, f"{name}: a title"
    else:
        assert first_style == "HbTitle", f"{name}: first paragraph is not the title"
    for p in paras:
        sid = p.find("w:pPr/w:pStyle", NS).get(w("val"))
        assert sid in FACE_BY_STYLE, f"{name}: paragraph style {sid}"
        runs = p.findall("w:r", NS)
        text = "".join(t.text or "" for t in p.iter(w("t")))
        assert runs and text, f"{name}: empty paragraph"
        kind = word.paragraph_kind(text)
        if sid not in ("HbTitle", "HbByline"):
            assert sid == STYLE_BY_KIND[kind], f"{name}: {text[:20]!r} is {kind} but styled {sid}"
        for i, r in enumerate(runs):
            rpr = props(r, sid)
            fonts = rpr.find("w:rFonts", NS)
            face = fonts.get(w("eastAsia"))
            run_text = "".join(t.text or "" for t in r.iter(w("t")))
            want = FACE_BY_STYLE[sid] if i == 0 else FACE_BY_STYLE["HbBody"]
            assert face == want, f"{name}: run {run_text[:15]!r} in {sid} has {face}"
            assert rpr.find("w:sz", NS).get(w("val")) == SIZE_BY_STYLE.get(sid, "32"), name
            b = rpr.find("w:b", NS)
            assert b is None or b.get(w("val")) == "0", f"{name}: bold run"
            if re.search(f"[{word.CJK_PUNCTUATION}]", run_text):
                # “ ” — … must be drawn with the CJK face
                assert fonts.get(w("ascii")) == face and fonts.get(w("hAnsi")) == face, f"{name}: {run_text[:15]!r}"
                assert fonts.get(w("hint")) == "eastAsia"

    # --- footers: PAGE field between "— " and " —", 宋体 14 pt on every run
    for part in ("word/footer1.xml", "word/footer2.xml"):
        ftr = etree.fromstring(parts[part])
        runs = ftr.findall(".//w:r", NS)
        kinds = [(r.find("w:fldChar", NS).get(w("fldCharType")) if r.find("w:fldChar", NS) is not None
                  else "instr" if r.find("w:instrText", NS) is not None else r.find("w:t", NS).text) for r in runs]
        assert kinds == ["— ", "begin", "instr", "separate", "1", "end", " —"], f"{name}:{part}: {kinds}"
        assert ftr.find(".//w:instrText", NS).text.strip() == "PAGE"
        for r in runs:
            rpr = props(r, "HbPageNumber")
            f = rpr.find("w:rFonts", NS)
            assert f.get(w("eastAsia")) == "宋体" and f.get(w("ascii")) == "宋体", f"{name}:{part}"
            assert rpr.find("w:sz", NS).get(w("val")) == "28", f"{name}:{part}"


# ---------------------------------------------------------------------------
# document_bytes on our own fixture
# ---------------------------------------------------------------------------

def test_fixture_document_follows_the_format():
    data = word.document_bytes("关于测试的报告", fixture_paragraphs(), byline="某单位 职务")
    check_docx(data, "fixture")
    doc = docx.Document(io.BytesIO(data))
    got = [(p.style.name, p.text) for p in doc.paragraphs]
    assert got == [
        ("公文标题", "关于测试的报告"),
        ("公文署名", "某单位 职务"),
        ("公文一级标题", "一、履职尽责情况"),
        ("公文二级标题", "（一）强化政治建设。坚持“两个维护”——在【单位名称】落实……"),
        ("公文三级标题", "1.执行政治纪律情况"),
        ("公文三级标题", "（2）市财政局召开会议3次。"),
        ("公文正文", "2019年，正文段落以年份开头，不是标题。"),
    ]
    runs = doc.paragraphs[3].runs
    assert [r.text for r in runs] == ["（一）强化政治建设。", "坚持“两个维护”——在【单位名称】落实……"]
    text = open_parts(data)["word/document.xml"].decode()
    assert "提示" not in text and "不进入" not in text


def test_output_is_reproducible():
    a = word.document_bytes("标题", fixture_paragraphs())
    assert a == word.document_bytes("标题", fixture_paragraphs())
    core = open_parts(a)["docProps/core.xml"].decode()
    assert word.FIXED_DATE in core and "<dc:title>标题</dc:title>" in core


def test_text_is_escaped():
    data = word.document_bytes("A&B <标题>", ["正文 a<b & c>d “引号”"])
    doc = docx.Document(io.BytesIO(data))
    assert [p.text for p in doc.paragraphs] == ["A&B <标题>", "正文 a<b & c>d “引号”"]


@pytest.mark.parametrize("text, kind", [
    ("一、总体情况", "h1"), ("十二、其他", "h1"), ("（三）作风建设", "h2"), ("(三)作风建设", "h2"),
    ("1.执行纪律", "h3"), ("12．执行纪律", "h3"), ("（1）谈心谈话", "h3"),
    ("1.5亿元资金全部到位。", "body"), ("2023年，我局……", "body"), ("一是加强学习。", "body"),
])
def test_levels_are_recognised_from_the_typed_numbers(text, kind):
    assert word.paragraph_kind(text) == kind


def test_latin_face_option_gives_marks_their_own_cjk_runs():
    fmt = word.Format(faces=word.Faces(latin="Times New Roman"))
    data = word.document_bytes("标题", ["正文写“两个维护”和2024年……"], fmt)
    doc = etree.fromstring(open_parts(data)["word/document.xml"])
    face = style_faces(open_parts(data))
    runs = doc.findall(".//w:r", NS)[1:]
    pieces = [("".join(t.text for t in r.iter(w("t"))), face(r, "HbBody")[0]) for r in runs]
    assert pieces == [("正文写", "Times New Roman"), ("“", "仿宋_GB2312"), ("两个维护", "Times New Roman"),
                      ("”", "仿宋_GB2312"), ("和2024年", "Times New Roman"), ("……", "仿宋_GB2312")]
    assert all(face(r, "HbBody")[1] == "仿宋_GB2312" for r in runs)


def test_bold_headings_is_an_option():
    data = word.document_bytes("标题", ["一、总体情况", "正文。"], word.Format(bold_headings=True))
    doc = docx.Document(io.BytesIO(data))
    # Bold lives in the heading style (python-docx: run.bold is None = inherited).
    assert doc.paragraphs[1].style.font.bold is True and doc.paragraphs[2].style.font.bold is False
    assert doc.paragraphs[1].runs[0].bold is None


def test_faces_are_configured_in_one_place():
    data = word.document_bytes("标题", ["（一）标题", "正文。"], word.Format(faces=word.FACES_COMMON))
    doc = etree.fromstring(open_parts(data)["word/document.xml"])
    face = style_faces(open_parts(data))
    faces = [face(r, p.find("w:pPr/w:pStyle", NS).get(w("val")))[1] for p in doc.iter(w("p")) for r in p.findall("w:r", NS)]
    assert faces == ["方正小标宋简体", "楷体", "仿宋"]
    fonts = open_parts(data)["word/fontTable.xml"].decode()
    assert '<w:font w:name="仿宋"><w:altName w:val="仿宋_GB2312,FangSong"/>' in fonts


# ---------------------------------------------------------------------------
# The browser kit builds the same file
# ---------------------------------------------------------------------------

def style_faces(parts: dict[str, bytes]):
    """face(run, paragraph style id) → (ascii, eastAsia) as Word resolves them through the styles."""
    by_id = {s.get(w("styleId")): s for s in etree.fromstring(parts["word/styles.xml"]).iter(w("style"))}

    def face(r, sid):
        rs = r.find("w:rPr/w:rStyle", NS)
        fonts = by_id[rs.get(w("val")) if rs is not None else sid].find("w:rPr/w:rFonts", NS)
        return fonts.get(w("ascii")), fonts.get(w("eastAsia"))
    return face


def test_changing_a_style_changes_the_document():
    """The genre pages tell users to change fonts 在“样式”中: every run must follow its styles."""
    data = word.document_bytes("标题", ["一、总体情况。正文接在标题后。", "正文。"])
    parts = open_parts(data)
    doc = etree.fromstring(parts["word/document.xml"])
    assert doc.find(".//w:r/w:rPr/w:rFonts", NS) is None and doc.find(".//w:r/w:rPr/w:sz", NS) is None
    edited = dict(parts)
    edited["word/styles.xml"] = parts["word/styles.xml"].replace("仿宋_GB2312".encode(), "楷体".encode())
    face = style_faces(edited)
    body_runs = [(p, r) for p in doc.iter(w("p")) for r in p.findall("w:r", NS)][1:]
    faces = [face(r, p.find("w:pPr/w:pStyle", NS).get(w("val")))[1] for p, r in body_runs]
    assert faces == ["黑体", "楷体", "楷体"]  # the heading keeps 黑体; body text, also after the heading, follows


def build_from_kit(kit: dict, title: str, texts: list[str]) -> bytes:
    """What the drafting tool does in the browser, step by step as the kit documents it."""
    levels = [(lv["kind"], re.compile(lv["pattern"])) for lv in kit["levels"]]

    def esc(t: str) -> str:
        return html.escape(t, quote=True)

    def para(kind: str, text: str) -> str:
        pieces = [(kind, text)]
        end = text.find(kit["lead_end"])
        if kind in kit["lead_kinds"] and 0 <= end < len(text) - 1:
            pieces = [(kind, text[:end + 1]), ("body", text[end + 1:])]
        runs = "".join((kit["runs"][k] if k == kind else kit["lead_runs"]).replace(kit["text_placeholder"], esc(t))
                       for k, t in pieces)
        return kit["shells"][kind].replace(kit["runs_placeholder"], runs)

    body = para("title", title)
    for t in texts:
        kind = next((k for k, rx in levels if rx.match(t)), "body")
        body += para(kind, t)
    parts = dict(kit["parts"])
    parts["word/document.xml"] = parts["word/document.xml"].replace(kit["body_placeholder"], body)
    parts["docProps/core.xml"] = parts["docProps/core.xml"].replace(kit["title_placeholder"], esc(title))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return buf.getvalue()


def test_browser_kit_builds_the_same_document():
    kit = word.browser_kit()
    assert set(kit["paragraphs"]) == {"title", "byline", "h1", "h2", "h3", "body"}
    for name, text in kit["parts"].items():
        etree.fromstring(text.encode())  # every part is well-formed with its placeholders
    for k, xml in kit["paragraphs"].items():
        assert kit["text_placeholder"] in xml
        etree.fromstring(f'<w:body xmlns:w="{W}">{xml}</w:body>'.encode())
    texts = word.paragraph_texts(fixture_paragraphs())
    from_kit = build_from_kit(kit, "关于测试的报告", texts)
    check_docx(from_kit, "kit")
    ours = open_parts(word.document_bytes("关于测试的报告", texts))
    theirs = open_parts(from_kit)
    assert ours.keys() == theirs.keys()
    for name in ours:  # styles, section settings, footers: byte for byte; the body too
        assert ours[name] == theirs[name], name


# ---------------------------------------------------------------------------
# The built site: every download, checked; every link to one, resolved
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def built_downloads(site_dir: Path) -> dict[str, Path]:
    files = {p.relative_to(site_dir).as_posix(): p for p in sorted((site_dir / "downloads").rglob("*.docx"))}
    assert files, "no Word files were built"
    return files


def test_every_planned_download_is_built_and_nothing_else(built_downloads):
    assert set(built_downloads) == set(downloads.planned())


def test_every_section_variant_and_genre_has_a_file(built_downloads):
    for tpl in sections.all_sections().values():
        assert f"downloads/sections/{tpl.slug}.docx" in built_downloads
        for v in tpl.variants:
            assert f"downloads/sections/{tpl.slug}--{v.id}.docx" in built_downloads
    from macros.content import genres
    for slug in genres.all_genres():
        assert f"downloads/genres/{slug}.docx" in built_downloads


def test_every_sample_has_a_file(built_downloads):
    from macros.content import samples

    assert samples.all_samples()
    for slug in samples.all_samples():
        assert f"downloads/samples/{slug}.docx" in built_downloads


def test_every_built_docx_follows_the_format(built_downloads):
    for rel, path in built_downloads.items():
        check_docx(path.read_bytes(), rel)


def test_section_files_hold_the_template_without_instructions(built_downloads):
    for tpl in sections.all_sections().values():
        for v in tpl.variants:
            paras = sections.render_variant(tpl, v.id)
            data = built_downloads[f"downloads/sections/{tpl.slug}--{v.id}.docx"].read_bytes()
            doc = docx.Document(io.BytesIO(data))
            got = [p.text for p in doc.paragraphs]  # no title line: the file starts with the text
            assert got == word.paragraph_texts(paras), (tpl.slug, v.id)
            assert doc.core_properties.title == f"{tpl.title}模板" + (f"（{v.label}）" if len(tpl.variants) > 1 else "")
            text = "\n".join(got)
            for p in paras:
                for seg in p.segments:
                    if seg.kind == "hint" and len(seg.text) > 6:
                        assert seg.text not in text, (tpl.slug, v.id, seg.text)


def test_word_kit_script_is_the_kit(site_dir: Path):
    js = (site_dir / downloads.KIT_PATH).read_text(encoding="utf-8")
    assert js.startswith("/* GENERATED")
    payload = js.split("window.HANDBOOK_WORD_KIT = ", 1)[1].rstrip().rstrip(";")
    assert json.loads(payload) == word.browser_kit()


def test_every_link_to_a_download_exists(site_dir: Path, html_pages):
    from bs4 import BeautifulSoup

    found = 0
    for name, path in html_pages.items():
        doc = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for a in doc.find_all("a", href=True):
            href = a["href"].split("#")[0]
            if "downloads/" not in href or re.match(r"^[a-z]+:", href):
                continue
            if href.endswith(offline.SITE_PATH):
                continue  # the offline package: make build writes it after the site (tests/build/test_offline.py)
            target = (path.parent / href).resolve()
            assert target.is_file() and site_dir.resolve() in target.parents, f"{name}: {a['href']}"
            found += 1
    assert found >= 4  # at least the four report types link theirs


def test_unknown_download_is_refused():
    from macros.base.errors import HandbookError

    with pytest.raises(HandbookError, match="no Word file is built"):
        downloads.href("sections", "nosuch")
    with pytest.raises(HandbookError, match="unknown kind"):
        downloads.href("videos", "opening")
