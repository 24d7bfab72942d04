"""The parts of Material's page shell that are the same on every page outside the nav.

Material renders the site navigation (the sidebar and the tabs) for every page.
For a page that is not in the nav (the sample pages, the year pages) nothing in
it is active, so it differs from one such page to the next only by its links,
which are relative: every page outside the nav in the same folder (samples/a/ and
samples/b/, or samples/a.html and samples/b.html) gets the same navigation. It is
rendered once per build and folder (and URL style) and reused. In a profile of
a 250-sample rebuild the nav was 0.72 s of the pages' 1.67 s of template time.

The pages in the nav are rendered as Material renders them (their nav marks the
active page and section). `tests/build/test_shell.py` requires the output to be
byte-identical to Material's own.
"""
from __future__ import annotations

from typing import Any, Callable, Iterator

# Included once each by Material's base.html; their output depends on the page only
# through the active marks and where its relative links start.
CACHED = ("partials/nav.html", "partials/tabs.html")


def _outside_nav(page: Any) -> bool:
    file = getattr(page, "file", None)
    inclusion = getattr(file, "inclusion", None)
    return inclusion is not None and not inclusion.is_in_nav()


def _folder(url: str) -> str:
    """The folder a page's relative links start from, less the page's own: 'samples/a/' and
    'samples/a.html' → 'samples'."""
    return url.rstrip("/").rpartition("/")[0]


def _wrap(render: Callable[[Any], Iterator[str]]) -> Callable[[Any], Iterator[str]]:
    done: dict[tuple[int, bool, str], str] = {}

    def root_render_func(context: Any) -> Iterator[str]:
        page = context.get("page")
        if not _outside_nav(page):
            yield from render(context)
            return
        key = (id(context.get("nav")), page.url.endswith("/"), _folder(page.url))
        html = done.get(key)
        if html is None:
            html = done[key] = "".join(render(context))
        yield html

    return root_render_func


def cache_nav(env: Any) -> Any:
    """on_env: the navigation partials render once per folder for the pages outside the nav.

    MkDocs makes a new theme environment for every build, so nothing outlives a build."""
    import jinja2

    for name in CACHED:
        try:
            template = env.get_template(name)
        except jinja2.TemplateNotFound:
            continue
        template.root_render_func = _wrap(template.root_render_func)
    return env
