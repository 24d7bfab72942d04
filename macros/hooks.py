"""MkDocs event hooks (listed under `hooks:` in mkdocs.yml).

MkDocs loads this file by path, outside the `macros` package, so it puts the
repository on sys.path and imports the package. Only registration lives here:
every hook hands its work to a plain function of the package.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from macros.base.errors import HandbookError  # noqa: E402
from macros.build import incremental, shell, site  # noqa: E402


def _loud(fn):
    """HandbookError → PluginError: MkDocs prints one line and exits non-zero."""
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except HandbookError as exc:
            raise PluginError(exc.line()) from None
    wrapper.__name__ = fn.__name__
    return wrapper


def on_startup(command, dirty, **kwargs):
    """Under `mkdocs serve` (not --dirty, which rebuilds only edited files), keep work by content."""
    if command == "serve" and not dirty:
        incremental.enable()


def on_shutdown(**kwargs):
    incremental.disable()


@event_priority(100)  # before the search plugin reads its jieba options
@_loud
def on_config(config, **kwargs):
    return site.configure(config)


@_loud
def on_files(files, config, **kwargs):
    return site.add_generated_pages(files, config)


def on_env(env, config, files, **kwargs):
    # The bytecode cache first: cache_nav loads the nav templates.
    return shell.cache_nav(incremental.theme_env(env))


@_loud
def on_page_markdown(markdown, page, config, files, **kwargs):
    return site.page_markdown(markdown, page, config)


@_loud
def on_page_content(html, page, config, files, **kwargs):
    html = site.page_content(html, page, files, config)
    site.release_markdown(page)
    return site.park_content(page, html)


@event_priority(100)  # before the search plugin indexes the page
def on_page_context(context, page, config, nav, **kwargs):
    site.unpark_content(page)
    return context


@_loud
def on_post_page(output, page, config, **kwargs):
    output = site.fix_page_html(output, page.file.src_uri)
    site.release_content(page)
    return output


@event_priority(50)  # before the search plugin writes its index (site.post_build)
@_loud
def on_post_build(config, **kwargs):
    site.post_build(config)
