"""Build-wide steps, called by the MkDocs hooks in macros/hooks.py."""
from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import Any

from ..base import cache
from ..base.errors import HandbookError
from ..content import calendar, dictionary, genres, notices, phrases, sections, slots
from ..pages import downloads, phrase_search
from ..pages import phrases as phrase_pages
from ..pages import samples as sample_pages
from ..pages import tools as tool_pages
from ..pages import years as year_pages
from ..tools import leakgate
from . import incremental, search, search_words, tooltips


def reload_data() -> None:
    """Forget every cache (base/cache.py) so that `mkdocs serve` picks up edits."""
    cache.clear_all()


def validate_all() -> None:
    """Load every data file once, so bad data fails before any page renders."""
    calendar.load_calendar()
    slots.slot_catalog()
    slots.example_sets()
    for tpl in sections.all_sections().values():
        for variant in tpl.variants:
            sections.render_variant(tpl, variant.id)
        for set_slug in tpl.examples:
            sections.render_example(tpl, set_slug)
    phrases.load_library()
    phrase_pages.check_pages()  # every phrase group has its page
    leakgate.validate_samples()  # loads every sample and runs the leak gate
    for genre in genres.all_genres().values():
        genres.skeleton_texts(genre)  # also: every section has a variant for each of its voices
    notices.all_notices()


def _search_plugin(config: Any) -> Any:
    for name in ("material/search", "search"):
        if name in config.plugins:
            return config.plugins[name]
    raise HandbookError("mkdocs.yml", "the search plugin is not enabled", "plugins")


def configure(config: Any) -> Any:
    reload_data()
    incremental.new_build(config)
    search.require_jieba()
    validate_all()
    # Absolute path: the search plugin resolves a relative one against the
    # working directory, not mkdocs.yml.
    plugin = _search_plugin(config)
    search_words.restore_writer(plugin)
    # Material loads it into jieba on every build: only when jieba does not hold it yet.
    plugin.config.jieba_dict_user = dictionary.to_load()
    return config


def add_generated_pages(files: Any, config: Any) -> Any:

    files = phrase_search.generated_files(files, config)  # /phrases/phrases.json, phrases-index.js
    files = year_pages.generated_files(files, config)  # /years/<Y>/, listed on /years/
    return sample_pages.generated_files(files, config)  # /samples/<slug>/, not in nav


def page_markdown(markdown: str, page: Any, config: Any) -> str:
    """A generated sample page's Markdown (macros/pages/samples.py: no Jinja pass for it)."""
    return sample_pages.page_markdown(markdown, page.file.src_uri, config.use_directory_urls)


def page_content(content: str, page: Any, files: Any, config: Any) -> str:
    """Sample paragraphs filled in (macros/pages/samples.py), then tooltips on
    standard phrases in running text (macros/build/tooltips.py)."""

    content = sample_pages.fill_paragraphs(content, page.file.src_uri, config.use_directory_urls)
    if page.file.src_uri.startswith("phrases/"):
        content = phrase_pages.exclude_from_search(content)
    return tooltips.annotate_page(content, page.file.src_uri, page.url, files)


# MkDocs converts every page before it writes any, and keeps each page's
# Markdown and HTML to the end of the build: with a thousand samples that was
# most of a build's peak memory. The Markdown is dropped once converted; the
# HTML waits compressed (~5x smaller) until its page is rendered, and is
# dropped once the page is written.

PARKED = "<!-- page HTML parked compressed by macros.build.site.park_content -->"


def release_markdown(page: Any) -> None:
    """After conversion to HTML, a page's Markdown is not needed."""
    page.markdown = None


def park_content(page: Any, html: str) -> str:
    """Keep the page's HTML compressed until on_page_context; return the stand-in."""
    # Level 1: two fifths of level 6's time for a fifth more bytes (measured on a sample page).
    page.hb_parked_html = zlib.compress(html.encode("utf-8"), 1)
    return PARKED


def unpark_content(page: Any) -> None:
    parked = getattr(page, "hb_parked_html", None)
    if parked is not None:
        page.content = zlib.decompress(parked).decode("utf-8")
        page.hb_parked_html = None


def release_content(page: Any) -> None:
    """After the page is written (search has indexed it), its HTML is not needed."""
    page.content = None


SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def fix_page_html(output: str, src: str) -> str:
    """Small accessibility fixes to Material's page shell.

    Material's search dialog has no accessible name (axe: aria-dialog-name).
    Patching the rendered shell keeps us off a copy of Material's template;
    the pattern check makes an upgrade that changes the shell fail loudly.
    """
    if SEARCH_DIALOG not in output:
        raise HandbookError(f"docs/{src}", "Material's search dialog markup changed: re-check fix_page_html")
    return output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="站内搜索">', 1)


# The download of the offline package on /about/: the package cannot hold itself.
PACKAGE_LINK_RE = re.compile(r'<p><a class="md-button" href="[./]*downloads/handbook-offline\.zip" download>[^<]*</a></p>\n?')


def offline_fixes(site_dir: Path) -> None:
    """Two fixes for the offline package (file://).

    404.html gets links relative to the site root where it lies: MkDocs writes it
    with root-absolute links (a server shows it at any depth), which from file://
    point at the disk's root, so the page came up bare. /about/ loses the link
    to the package itself.
    """
    page = site_dir / "404.html"
    if page.exists():
        html = page.read_text(encoding="utf-8")
        html = html.replace('href="/', 'href="./').replace('src="/', 'src="./').replace('"base": "/"', '"base": "."')
        page.write_text(html, encoding="utf-8")
    about = site_dir / "about" / "index.html"
    if about.exists():
        html, n = PACKAGE_LINK_RE.subn("", about.read_text(encoding="utf-8"))
        if n != 1:
            raise HandbookError("docs/about/index.md", f"the package download link was found {n} times (expected 1)")
        about.write_text(html, encoding="utf-8")


def post_build(config: Any) -> None:
    """Runs before the search plugin's post-build (hooks.py gives it priority)."""
    if not config.use_directory_urls:  # the offline package (file://)
        offline_fixes(Path(config["site_dir"]))
    search.patch_search_worker(Path(config["site_dir"]))
    # 廉政 finds 党风廉政建设: the index gets the words inside jieba's long tokens.
    plugin = _search_plugin(config)
    if search_words.write_index(plugin, Path(config["site_dir"])) is None:
        # A dirty build (mkdocs serve --dirty): Material merges with the previous index in its
        # own post-build, which runs after this hook. Let it write now, add the field, and
        # switch its writer off for this build (restore_writer turns it on again).
        plugin.on_post_build(config=config)
        search_words.add_word_field(Path(config["site_dir"]))
        plugin.config.enabled = False
        plugin.hb_writer_off = True
    downloads.write_all(Path(config["site_dir"]))  # Word files + word-kit.js
    tool_pages.write_assets(Path(config["site_dir"]))  # check-rules.js, draft-data.js
