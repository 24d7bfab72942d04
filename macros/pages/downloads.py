"""The Word downloads written at build time, and the links pages put to them.

One list (`planned()`) decides which files exist: `write_all` writes exactly
those, and `href`/`link` refuse to link anything else, so a page can never
point at a missing file (strict link validation does not see raw HTML links).

    site/downloads/sections/<slug>.docx            default variant of a section template
    site/downloads/sections/<slug>--<variant>.docx every variant
    site/downloads/genres/<slug>.docx              a report type's whole skeleton
    site/downloads/samples/<slug>.docx             a sample report
    site/assets/javascripts/word-kit.js            word.browser_kit() for the drafting tool
"""
from __future__ import annotations

import html
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from ..base import cache
from ..base.errors import HandbookError
from ..content import genres, samples, sections
from ..engine import render, word
from . import context as pagecontext

FOLDER = "downloads"
KIT_PATH = "assets/javascripts/word-kit.js"
KINDS = ("sections", "genres", "samples")


@dataclass(frozen=True)
class Download:
    kind: str  # sections | genres | samples
    name: str  # file stem: <slug> or <slug>--<variant>
    title: str
    content: Callable[[], tuple[str, Sequence[render.Paragraph | str]]]  # → (byline, paragraphs)
    # A section template is pasted into a report: its file starts with the text, and the
    # title is only the document's name (File > Properties), not a centred line to delete.
    titled: bool = True

    @property
    def path(self) -> str:
        return f"{FOLDER}/{self.kind}/{self.name}.docx"

    def build(self) -> bytes:
        byline, paragraphs = self.content()

        def make() -> bytes:
            if self.titled:
                return word.document_bytes(self.title, paragraphs, byline=byline)
            return _with_core_title(word.document_bytes("", paragraphs, byline=byline), self.title)

        return _BUILT.cached(lambda: cache.digest(repr((self.title, self.titled, byline, paragraphs))), make)


# The .docx made from the same text: under `mkdocs serve` an edit rebuilt all of them
# (about 0.3 s a rebuild), now only those whose text changed.
_BUILT = cache.ContentMemo(1024)


def _with_core_title(data: bytes, title: str) -> bytes:
    """The .docx with `title` as its document property only (docProps/core.xml)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                body = body.replace(b"<dc:title></dc:title>",
                                    f"<dc:title>{html.escape(title, quote=False)}</dc:title>".encode())
            out.writestr(info, body)
    return buf.getvalue()


def file_name(slug: str, variant: str | None = None) -> str:
    return f"{slug}--{variant}" if variant else slug


def _section_downloads() -> list[Download]:
    out = []
    for tpl in sections.all_sections().values():
        for i, v in enumerate(tpl.variants):
            label = f"{tpl.title}模板（{v.label}）" if len(tpl.variants) > 1 else f"{tpl.title}模板"

            def content(tpl=tpl, vid=v.id) -> tuple[str, list[render.Paragraph]]:
                return "", sections.render_variant(tpl, vid)

            names = [file_name(tpl.slug, v.id)] + ([tpl.slug] if i == 0 else [])
            out += [Download("sections", n, label, content, titled=False) for n in names]
    return out


def _genre_downloads() -> list[Download]:
    out = []
    for g in genres.all_genres().values():
        title, byline = genres.document_title(g)

        def content(g=g, byline=byline) -> tuple[str, list]:
            return byline, genres.skeleton_texts(g)

        out.append(Download("genres", g.slug, title, content))
    return out


def _sample_downloads() -> list[Download]:
    out = []
    for s in samples.all_samples().values():
        titles = [p.text for p in s.paragraphs if p.kind == "title"] or [s.title]

        def content(s=s, titles=titles) -> tuple[str, list[str]]:
            return "\n".join(titles[1:]), [p.text for p in s.body]

        out.append(Download("samples", s.slug, titles[0], content))
    return out


@cache.memoize()  # every word_download() link asks; cleared by site.reload_data
def planned() -> dict[str, Download]:
    """Every download of this build, by its path under the site."""
    found = _section_downloads() + _genre_downloads() + _sample_downloads()
    return {d.path: d for d in found}


def write_all(site_dir: Path) -> list[Path]:
    """Write every planned .docx and the browser kit; return the files written."""
    written = []
    for rel, d in planned().items():
        path = site_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(d.build())
        written.append(path)
    kit = site_dir / KIT_PATH
    kit.parent.mkdir(parents=True, exist_ok=True)
    kit.write_text(word.browser_kit_js(), encoding="utf-8")
    written.append(kit)
    return written


def href(kind: str, slug: str, variant: str | None = None, base: str = "../../") -> str:
    """The relative URL of a planned download, from a page `base` away from the site root.

    Pages under genres/, sections/ and samples/ are two levels deep, hence the default.
    """
    if kind not in KINDS:
        raise HandbookError(f"macro word_download({kind!r}, {slug!r})", f"unknown kind (one of {', '.join(KINDS)})")
    path = f"{FOLDER}/{kind}/{file_name(slug, variant)}.docx"
    if path not in planned():
        raise HandbookError(f"macro word_download({kind!r}, {slug!r})", f"no Word file is built for {path}")
    return base + path


def link(kind: str, slug: str, variant: str | None = None, label: str = "下载 Word 文件",
         base: str | None = None) -> str:
    """A download link in the site's style (raw HTML: MkDocs does not know the file).

    `base` is the way up to the site root; by default, from the page being rendered."""
    url = href(kind, slug, variant, pagecontext.root_prefix() if base is None else base)
    return (f'<a class="hb-download md-button" href="{html.escape(url)}" download '
            f'title="GB/T 9704 正文格式：A4，3号仿宋，固定行距，页码“— 1 —”">'
            f"{html.escape(label)}（.docx）</a>")
