"""The page being rendered, for macros that write raw-HTML links.

MkDocs rewrites Markdown links for the URL style in force, but not links in
raw HTML (download buttons, generated lists). Those must be relative to the
page's own URL, which differs between the site (genres/x/, directory URLs)
and the offline package (genres/x.html). mkdocs-macros tells us the page
before it renders each one (macros/__init__.py: on_pre_page_macros).
"""
from __future__ import annotations

_url = ""


def set_page_url(url: str) -> None:
    global _url
    _url = url or ""


def root_prefix(page_url: str | None = None) -> str:
    """The relative path from a page (default: the one being rendered) up to the site root:
    'tools/check/' → '../../', 'tools/check.html' → '../'."""
    return "../" * (_url if page_url is None else page_url).count("/")


def page_href(path: str) -> str:
    """A link to the page at `path` (e.g. "samples/2022-county-head-duty") in the URL style in force."""
    directory_style = _url == "" or _url.endswith("/")
    return root_prefix() + (f"{path}/" if directory_style else f"{path}.html")
