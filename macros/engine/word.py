"""Word (.docx) files in the body format of GB/T 9704-2012《党政机关公文格式》.

The package is written from our own XML parts, not from python-docx's default
template: that template carries theme fonts (which override explicit faces, so
黑体 shows as 等线), Word's Title/Heading styles and numbering definitions, all
traps of the standard's format. `browser_kit()` hands the very same parts and
paragraph XML to the in-browser drafting tool, and `document_bytes()` fills
them in Python, so both produce one format.

Everything tunable lives at the top: `FACES` (faces with fallbacks),
`LINE_PITCH_PT`, sizes, margins. The rules of the standard that the code
follows are listed in ../shared/notes/gbt9704.md and docs/about/conventions.md.
"""
from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import dataclass
from html import escape as _html_escape
from typing import Iterable, Sequence

from ..base.text import HEADING_PATTERNS
from . import render

# ---------------------------------------------------------------------------
# The format, in one place
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Face:
    """A font face and the faces Word may use when it is missing (w:altName)."""
    name: str
    fallbacks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Faces:
    """The faces of each kind of text. Change them here, nowhere else.

    `latin` None writes the CJK face for Latin letters and digits too, so
    quotation marks, dashes and ellipses (which Word may draw with the Latin
    face) can never fall back to Times New Roman. Set it (e.g. "Times New
    Roman") for units that want Latin digits; those marks then get runs of
    their own in the CJK face.
    """
    title: Face = Face("方正小标宋简体", ("小标宋", "华文中宋", "宋体"))
    byline: Face = Face("楷体_GB2312", ("楷体", "KaiTi"))  # the line under a personal report's title
    h1: Face = Face("黑体", ("SimHei",))
    h2: Face = Face("楷体_GB2312", ("楷体", "KaiTi"))
    h3: Face = Face("仿宋_GB2312", ("仿宋", "FangSong"))
    body: Face = Face("仿宋_GB2312", ("仿宋", "FangSong"))
    page_number: Face = Face("宋体", ("SimSun",))
    latin: str | None = None


FACES = Faces()
# Many units now use plain 仿宋/楷体 because the *_GB2312 faces miss rare characters.
FACES_COMMON = Faces(
    byline=Face("楷体", ("楷体_GB2312", "KaiTi")),
    h2=Face("楷体", ("楷体_GB2312", "KaiTi")),
    h3=Face("仿宋", ("仿宋_GB2312", "FangSong")),
    body=Face("仿宋", ("仿宋_GB2312", "FangSong")),
)


@dataclass(frozen=True)
class Format:
    faces: Faces = FACES
    bold_headings: bool = False  # a local habit, not the standard


FORMAT = Format()

TITLE_PT = 22        # 2号
BODY_PT = 16         # 3号
PAGE_NUMBER_PT = 14  # 4号
# 22 lines in the 225 mm text block: 225 mm / 22 = 28.95 pt, written as exact spacing.
LINE_PITCH_PT = 28.95

PAGE_MM = (210, 297)  # A4
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
HEADER_MM = 15
# The page number sits about 7 mm below the 35 mm bottom margin's text block edge.
FOOTER_MM = 28

# Fixed core-property dates keep builds byte-for-byte reproducible.
FIXED_DATE = "2026-01-01T00:00:00Z"
ZIP_DATE = (2026, 1, 1, 0, 0, 0)
CREATOR = "述职述廉报告写作手册"

# Placeholders of the browser kit: XML comments, so every part stays
# well-formed XML before it is filled.
BODY_PLACEHOLDER = "<!--HB:BODY-->"
TEXT_PLACEHOLDER = "<!--HB:TEXT-->"
RUNS_PLACEHOLDER = "<!--HB:RUNS-->"
TITLE_PLACEHOLDER = "<!--HB:TITLE-->"

KINDS = ("title", "byline", "h1", "h2", "h3", "body")

# Heading levels from the typed numbers (one copy: base/text.py).
LEVEL_PATTERNS: dict[str, str] = HEADING_PATTERNS
# A 一、 or （一） heading may run on into body text in the same paragraph:
# the heading ends at its first 。 and the rest is set in the body face.
LEAD_END = "。"
# Marks Word may draw with the Latin face unless they carry the CJK face.
CJK_PUNCTUATION = "“”‘’—…·–"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
THEME_ATTRIBUTES = ("asciiTheme", "eastAsiaTheme", "hAnsiTheme", "cstheme")


def twips(pt: float) -> int:
    return round(pt * 20)


def mm_twips(mm: float) -> int:
    return round(mm / 25.4 * 1440)


def _x(text: str) -> str:
    """XML-escape text for element content and attribute values."""
    return _html_escape(text, quote=True)


# ---------------------------------------------------------------------------
# XML fragments
# ---------------------------------------------------------------------------

STYLE_IDS = {
    "title": "HbTitle", "byline": "HbByline", "h1": "HbHeading1", "h2": "HbHeading2", "h3": "HbHeading3",
    "body": "HbBody", "page_number": "HbPageNumber",
}
# Character styles: a run whose face differs from its paragraph's (the body text after a
# 一、 heading's first 。; “ ” — … when a Latin face is set) takes its face from one of
# these, never from fonts of its own, so changing a style in Word changes the document.
CHAR_IDS = {k: f"{v}Char" for k, v in STYLE_IDS.items()}
PUNCT_IDS = {k: f"{v}Punct" for k, v in STYLE_IDS.items()}
# Our own style names: Word's built-in Title/Heading N would renumber levels.
STYLE_NAMES = {
    "title": "公文标题", "byline": "公文署名", "h1": "公文一级标题", "h2": "公文二级标题", "h3": "公文三级标题",
    "body": "公文正文", "page_number": "公文页码",
}


def _face(fmt: Format, kind: str) -> Face:
    return getattr(fmt.faces, kind)


def _rfonts(face: str, latin: str | None) -> str:
    lat = _x(latin or face)
    return (f'<w:rFonts w:ascii="{lat}" w:eastAsia="{_x(face)}" w:hAnsi="{lat}" '
            f'w:cs="{lat}" w:hint="eastAsia"/>')


def _size(pt: float) -> str:
    half = round(pt * 2)
    return f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'


def _bold(on: bool) -> str:
    return "<w:b/><w:bCs/>" if on else '<w:b w:val="0"/><w:bCs w:val="0"/>'


def _kind_size(kind: str) -> float:
    return {"title": TITLE_PT, "page_number": PAGE_NUMBER_PT}.get(kind, BODY_PT)


def _kind_bold(fmt: Format, kind: str) -> bool:
    return fmt.bold_headings and kind in ("h1", "h2")


def run_properties(fmt: Format, kind: str, *, punctuation: bool = False) -> str:
    """The rPr of a kind's styles: faces on every attribute (eastAsia included), bold, size."""
    latin = None if punctuation else fmt.faces.latin
    return (f"<w:rPr>{_rfonts(_face(fmt, kind).name, latin)}{_bold(_kind_bold(fmt, kind))}"
            f"{_size(_kind_size(kind))}</w:rPr>")


def run_xml(fmt: Format, kind: str, *, punctuation: bool = False, own: bool = True) -> str:
    """A run of a kind's face. In a paragraph of its own kind it carries no properties (the
    paragraph style gives them); otherwise, and for marks under a Latin face, a character style."""
    marks = punctuation and fmt.faces.latin is not None
    if own and not marks:
        rpr = ""
    else:
        rpr = f'<w:rPr><w:rStyle w:val="{(PUNCT_IDS if marks else CHAR_IDS)[kind]}"/></w:rPr>'
    return f'<w:r>{rpr}<w:t xml:space="preserve">{TEXT_PLACEHOLDER}</w:t></w:r>'


def _character_style(fmt: Format, kind: str, *, punctuation: bool) -> str:
    sid, suffix = (PUNCT_IDS[kind], "标点") if punctuation else (CHAR_IDS[kind], "字符")
    return (f'<w:style w:type="character" w:customStyle="1" w:styleId="{sid}">'
            f'<w:name w:val="{STYLE_NAMES[kind]}{suffix}"/><w:basedOn w:val="DefaultParagraphFont"/>'
            f"{run_properties(fmt, kind, punctuation=punctuation)}</w:style>")


def paragraph_shell(kind: str) -> str:
    """A paragraph of a kind with a placeholder for its runs. Layout lives in the style."""
    return f'<w:p><w:pPr><w:pStyle w:val="{STYLE_IDS[kind]}"/></w:pPr>{RUNS_PLACEHOLDER}</w:p>'


def _spacing(after_twips: int = 0) -> str:
    return f'<w:spacing w:before="0" w:after="{after_twips}" w:line="{twips(LINE_PITCH_PT)}" w:lineRule="exact"/>'


def _indent_first_line() -> str:
    # Two characters of the body size: Pt(32) at 16 pt.
    return f'<w:ind w:firstLine="{twips(2 * BODY_PT)}"/>'


def _paragraph_style(fmt: Format, kind: str, ppr: str, outline: int | None = None) -> str:
    outline_xml = f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
    return (
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{STYLE_IDS[kind]}">'
        f'<w:name w:val="{STYLE_NAMES[kind]}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
        f"<w:pPr>{ppr}{outline_xml}</w:pPr>"
        f"{run_properties(fmt, kind)}</w:style>"
    )


def styles_xml(fmt: Format = FORMAT) -> str:
    body = fmt.faces.body.name
    normal_rpr = f"<w:rPr>{_rfonts(body, fmt.faces.latin)}{_size(BODY_PT)}</w:rPr>"
    lang = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
    text_ppr = f'{_spacing()}{_indent_first_line()}<w:jc w:val="both"/>'
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:styles xmlns:w="{W_NS}">'
        "<w:docDefaults>"
        f"<w:rPrDefault><w:rPr>{_rfonts(body, fmt.faces.latin)}{_size(BODY_PT)}{lang}</w:rPr></w:rPrDefault>"
        "<w:pPrDefault><w:pPr/></w:pPrDefault>"
        "</w:docDefaults>"
        # Normal keeps single spacing: tables and anything else built on it must not
        # inherit the exact 28.95 pt line (rows would blow up).
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        f"<w:pPr><w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/></w:pPr>{normal_rpr}</w:style>"
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
        + _paragraph_style(fmt, "title", f'{_spacing(after_twips=twips(LINE_PITCH_PT))}<w:ind w:firstLine="0"/><w:jc w:val="center"/>')
        + _paragraph_style(fmt, "byline", f'{_spacing(after_twips=twips(LINE_PITCH_PT))}<w:ind w:firstLine="0"/><w:jc w:val="center"/>')
        + _paragraph_style(fmt, "h1", text_ppr, 0)
        + _paragraph_style(fmt, "h2", text_ppr, 1)
        + _paragraph_style(fmt, "h3", text_ppr, 2)
        + _paragraph_style(fmt, "body", text_ppr)
        + _paragraph_style(fmt, "page_number", '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0"/>')
        + "".join(_character_style(fmt, k, punctuation=p) for k in STYLE_IDS for p in (False, True))
        + "</w:styles>"
    )


def _page_number_runs(fmt: Format) -> str:
    # The footer paragraph is in the page-number style; with a Latin face set, the
    # dashes and digits keep 宋体 through its punctuation character style.
    rpr = f'<w:rPr><w:rStyle w:val="{PUNCT_IDS["page_number"]}"/></w:rPr>' if fmt.faces.latin else ""

    def text(t: str) -> str:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{t}</w:t></w:r>'

    def fld(kind: str) -> str:
        return f'<w:r>{rpr}<w:fldChar w:fldCharType="{kind}"/></w:r>'

    # "— 1 —": em dashes, a half-width space each side, half-width digits (宋体).
    return (text("— ") + fld("begin")
            + f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            + fld("separate") + text("1") + fld("end") + text(" —"))


def footer_xml(fmt: Format, odd: bool) -> str:
    # Odd pages: right, one character (14 pt) in; even pages: left, one character in.
    one_char = twips(PAGE_NUMBER_PT)
    side = f'<w:jc w:val="right"/><w:ind w:right="{one_char}" w:firstLine="0"/>' if odd else \
        f'<w:jc w:val="left"/><w:ind w:left="{one_char}" w:firstLine="0"/>'
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        f'<w:p><w:pPr><w:pStyle w:val="{STYLE_IDS["page_number"]}"/>{side}</w:pPr>'
        f"{_page_number_runs(fmt)}</w:p></w:ftr>"
    )


def _section_properties() -> str:
    w, h = (mm_twips(v) for v in PAGE_MM)
    m = {k: mm_twips(v) for k, v in MARGINS_MM.items()}
    return (
        "<w:sectPr>"
        '<w:footerReference w:type="default" r:id="rIdFooterOdd"/>'
        '<w:footerReference w:type="even" r:id="rIdFooterEven"/>'
        f'<w:pgSz w:w="{w}" w:h="{h}"/>'
        f'<w:pgMar w:top="{m["top"]}" w:right="{m["right"]}" w:bottom="{m["bottom"]}" w:left="{m["left"]}" '
        f'w:header="{mm_twips(HEADER_MM)}" w:footer="{mm_twips(FOOTER_MM)}" w:gutter="0"/>'
        '<w:cols w:space="425"/>'
        # A line grid only: a character grid (linesAndChars + charSpace) is laid out
        # differently by Word and LibreOffice, and LibreOffice spread lines to ~16 characters.
        f'<w:docGrid w:type="lines" w:linePitch="{twips(LINE_PITCH_PT)}"/>'
        "</w:sectPr>"
    )


def document_xml() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        f"<w:body>{BODY_PLACEHOLDER}{_section_properties()}</w:body></w:document>"
    )


def settings_xml() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:settings xmlns:w="{W_NS}">'
        '<w:defaultTabStop w:val="420"/>'
        # Different odd and even footers: the page number changes sides.
        "<w:evenAndOddHeaders/>"
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
        "</w:settings>"
    )


def font_table_xml(fmt: Format = FORMAT) -> str:
    faces = [fmt.faces.title, fmt.faces.byline, fmt.faces.h1, fmt.faces.h2, fmt.faces.h3, fmt.faces.body, fmt.faces.page_number]
    seen: dict[str, Face] = {}
    for f in faces:
        seen.setdefault(f.name, f)
    fonts = "".join(
        f'<w:font w:name="{_x(f.name)}">'
        + (f'<w:altName w:val="{_x(",".join(f.fallbacks))}"/>' if f.fallbacks else "")
        + '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
        for f in seen.values()
    )
    if fmt.faces.latin and fmt.faces.latin not in seen:
        fonts += f'<w:font w:name="{_x(fmt.faces.latin)}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:fonts xmlns:w="{W_NS}">{fonts}</w:fonts>')


_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def content_types_xml() -> str:
    over = {
        "/word/document.xml": f"{_CT}.document.main+xml",
        "/word/styles.xml": f"{_CT}.styles+xml",
        "/word/settings.xml": f"{_CT}.settings+xml",
        "/word/fontTable.xml": f"{_CT}.fontTable+xml",
        "/word/footer1.xml": f"{_CT}.footer+xml",
        "/word/footer2.xml": f"{_CT}.footer+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    }
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{k}" ContentType="{v}"/>' for k, v in over.items())
        + "</Types>"
    )


_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _rels(items: Sequence[tuple[str, str, str]]) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="{i}" Type="{t}" Target="{g}"/>' for i, t, g in items)
        + "</Relationships>"
    )


def core_xml() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{TITLE_PLACEHOLDER}</dc:title><dc:creator>{CREATOR}</dc:creator>"
        f'<dc:language>zh-CN</dc:language>'
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED_DATE}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_DATE}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def app_xml() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>{CREATOR}</Application></Properties>"
    )


def package_parts(fmt: Format = FORMAT) -> dict[str, str]:
    """Every part of the package, in zip order; document.xml and core.xml hold placeholders."""
    return {
        "[Content_Types].xml": content_types_xml(),
        "_rels/.rels": _rels([
            ("rId1", f"{_REL}/officeDocument", "word/document.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ("rId3", f"{_REL}/extended-properties", "docProps/app.xml"),
        ]),
        "docProps/core.xml": core_xml(),
        "docProps/app.xml": app_xml(),
        "word/document.xml": document_xml(),
        "word/_rels/document.xml.rels": _rels([
            ("rIdStyles", f"{_REL}/styles", "styles.xml"),
            ("rIdSettings", f"{_REL}/settings", "settings.xml"),
            ("rIdFonts", f"{_REL}/fontTable", "fontTable.xml"),
            ("rIdFooterOdd", f"{_REL}/footer", "footer1.xml"),
            ("rIdFooterEven", f"{_REL}/footer", "footer2.xml"),
        ]),
        "word/styles.xml": styles_xml(fmt),
        "word/settings.xml": settings_xml(),
        "word/fontTable.xml": font_table_xml(fmt),
        "word/footer1.xml": footer_xml(fmt, odd=True),
        "word/footer2.xml": footer_xml(fmt, odd=False),
    }


# ---------------------------------------------------------------------------
# From text to paragraphs
# ---------------------------------------------------------------------------

_LEVEL_RES = {k: re.compile(v) for k, v in LEVEL_PATTERNS.items()}


def paragraph_kind(text: str) -> str:
    """h1/h2/h3 from the number typed at the start, else body."""
    for kind, rx in _LEVEL_RES.items():
        if rx.match(text):
            return kind
    return "body"


def split_lead(kind: str, text: str) -> list[tuple[str, str]]:
    """(face kind, text) pieces: a 一、/（一） heading running on into body text is split at its first 。."""
    if kind in ("h1", "h2"):
        end = text.find(LEAD_END)
        if 0 <= end < len(text) - 1:
            return [(kind, text[:end + 1]), ("body", text[end + 1:])]
    return [(kind, text)]


def paragraph_texts(paragraphs: Iterable[render.Paragraph] | Iterable[str]) -> list[str]:
    """The text of each paragraph as it goes into Word.

    Writing instructions and move markers are dropped, blank slots stay as
    【标签】 and filled values are plain text, exactly as the copy button does.
    A string may hold marked text (it is parsed) or plain lines.
    """
    out: list[str] = []
    for item in paragraphs:
        if isinstance(item, render.Paragraph):
            out.extend(render.plain_lines([item]))
        elif any(ch in render.MARKERS for ch in item):
            out.extend(render.plain_lines(render.parse(item)))
        else:
            out.extend(line.strip() for line in item.split("\n") if line.strip())
    return out


_PUNCT_RE = re.compile(f"([{re.escape(CJK_PUNCTUATION)}]+)")


def _runs(fmt: Format, kind: str, text: str, own: bool = True) -> str:
    if fmt.faces.latin is None:
        pieces = [(text, False)]
    else:
        pieces = [(t, bool(_PUNCT_RE.fullmatch(t))) for t in _PUNCT_RE.split(text) if t]
    return "".join(run_xml(fmt, kind, punctuation=p, own=own).replace(TEXT_PLACEHOLDER, _x(t)) for t, p in pieces)


# A review mark (the update tool's changes): direct formatting by nature, on the runs only.
HIGHLIGHT = '<w:highlight w:val="yellow"/>'


def _highlighted(runs: str) -> str:
    runs = re.sub(r"<w:r>(<w:rPr>.*?)</w:rPr>", lambda m: f"<w:r>{m.group(1)}{HIGHLIGHT}</w:rPr>", runs)
    return runs.replace("<w:r><w:t", f"<w:r><w:rPr>{HIGHLIGHT}</w:rPr><w:t")


def paragraph_xml(fmt: Format, kind: str, text: str, marks: Sequence[tuple[int, int]] = ()) -> str:
    """A paragraph's XML; characters inside `marks` (start, end) are highlighted."""
    out, pos = [], 0
    for face, piece in split_lead(kind, text):
        cuts = sorted({0, len(piece), *(min(max(x - pos, 0), len(piece)) for m in marks for x in m)})
        for a, b in zip(cuts, cuts[1:]):
            runs = _runs(fmt, face, piece[a:b], own=face == kind)
            marked = any(s <= pos + a and pos + b <= e for s, e in marks)
            out.append(_highlighted(runs) if marked else runs)
        pos += len(piece)
    return paragraph_shell(kind).replace(RUNS_PLACEHOLDER, "".join(out))


def body_xml(title: str, texts: Sequence[str], fmt: Format = FORMAT, byline: str = "",
             highlights: dict[int, Sequence[tuple[int, int]]] | None = None) -> str:
    lines = [t.strip() for t in title.split("\n") if t.strip()]
    parts = [paragraph_xml(fmt, "title", t) for t in lines]
    parts += [paragraph_xml(fmt, "byline", t.strip()) for t in byline.split("\n") if t.strip()]
    marks = highlights or {}
    parts += [paragraph_xml(fmt, paragraph_kind(t), t, marks.get(i, ())) for i, t in enumerate(texts)]
    return "".join(parts)


def _zip(parts: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


def document_bytes(title: str, paragraphs: Sequence[render.Paragraph] | Sequence[str],
                   fmt: Format = FORMAT, *, byline: str = "",
                   highlights: dict[int, Sequence[tuple[int, int]]] | None = None) -> bytes:
    """A .docx: `title` (lines split on newlines) in 2号小标宋, an optional
    centred byline (unit and post of a personal report), then the paragraphs;
    `highlights` marks character spans of body paragraph i (by index) for review."""
    if any(ch in render.MARKERS for ch in title):
        title = "".join(p.plain() for p in render.parse(title))
    parts = package_parts(fmt)
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        BODY_PLACEHOLDER, body_xml(title, paragraph_texts(paragraphs), fmt, byline, highlights))
    parts["docProps/core.xml"] = parts["docProps/core.xml"].replace(
        TITLE_PLACEHOLDER, _x(" ".join(title.split())))
    return _zip(parts)


# ---------------------------------------------------------------------------
# The same format for the in-browser drafting tool
# ---------------------------------------------------------------------------

def browser_kit(fmt: Format = FORMAT) -> dict:
    """Everything a page script needs to write the same .docx without Python.

    To build a file: for each paragraph pick its kind (title for the title
    lines, else by `levels`, first match wins, else body); split 一、/（一）
    headings at the first `lead_end` when text follows it (the rest uses
    `lead_runs` / `lead_punctuation_runs`); a personal report's byline under the title is `byline`); XML-escape the text (& < > "), put it into `runs[kind]` at
    `text_placeholder` and the runs into `shells[kind]` at `runs_placeholder`
    (or use `paragraphs[kind]` for a one-run paragraph); join them into
    word/document.xml at `body_placeholder`, put the escaped title into
    docProps/core.xml at `title_placeholder`, and zip `parts` in order
    (stored or deflated; no other files).
    """
    return {
        "format": "GB/T 9704-2012 body format",
        "body_placeholder": BODY_PLACEHOLDER,
        "text_placeholder": TEXT_PLACEHOLDER,
        "runs_placeholder": RUNS_PLACEHOLDER,
        "title_placeholder": TITLE_PLACEHOLDER,
        "parts": package_parts(fmt),
        "levels": [{"kind": k, "pattern": p} for k, p in LEVEL_PATTERNS.items()],
        "lead_end": LEAD_END,
        "lead_kinds": ["h1", "h2"],
        "shells": {k: paragraph_shell(k) for k in KINDS},
        "runs": {k: run_xml(fmt, k) for k in KINDS},
        # Runs for “ ” — … when a Latin face is configured (identical otherwise).
        "punctuation": CJK_PUNCTUATION,
        "punctuation_runs": {k: run_xml(fmt, k, punctuation=True) for k in KINDS},
        # The body text after a heading's first 。 (not the paragraph's own face).
        "lead_runs": run_xml(fmt, "body", own=False),
        "lead_punctuation_runs": run_xml(fmt, "body", punctuation=True, own=False),
        "paragraphs": {k: paragraph_shell(k).replace(RUNS_PLACEHOLDER, run_xml(fmt, k)) for k in KINDS},
        # The review mark of the update tool's changes (see _highlighted).
        "highlight": HIGHLIGHT,
    }


def browser_kit_js(fmt: Format = FORMAT) -> str:
    """The kit as a script that sets a global (pages must work from file://, no fetch)."""
    data = json.dumps(browser_kit(fmt), ensure_ascii=False, indent=1, sort_keys=False)
    return (
        "/* GENERATED by macros/word.py (browser_kit_js) at build time: do not edit.\n"
        "   The parts and paragraph XML of a .docx in the GB/T 9704 body format, so the\n"
        "   drafting tool writes the same format as the handbook's Word downloads. */\n"
        f"window.HANDBOOK_WORD_KIT = {data};\n"
    )
