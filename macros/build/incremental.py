"""Work kept by content across the rebuilds of `mkdocs serve` (the edit loop).

`mkdocs serve` rebuilds the whole site on any change, in the same process. Most
of a rebuild was work on pages whose input had not changed: Python-Markdown's
conversion (about a third of a build) and the search plugin's indexing, with
its jieba segmentation (another third). Under `serve` both are kept here, keyed
by a digest of everything they read, and reused when the digest is the same:

* a page's conversion (`Page.render`): its Markdown after the macros ran, the
  site's file list (links are resolved against it) and mkdocs.yml (the Markdown
  extensions). A render that logged a warning is never kept, so a broken link
  fails every strict rebuild, not only the first;
* a page's search entries (`SearchIndex.add_entry_from_context`): its HTML, URL,
  title, table of contents and front matter, mkdocs.yml and the jieba user
  dictionary generated from the phrase library (an edited phrase changes how
  every page is cut).

Everything upstream still runs on every rebuild: the data files are reloaded and
validated, the macros render every page, and our page hooks (sample paragraphs,
tooltips) run on the HTML, so an edit anywhere reaches every page it feeds. Only
one entry per page is kept (the latest), so memory does not grow with edits.
`mkdocs build` never enables this: a build is always done from scratch.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable

from ..base import cache
from ..content import dictionary

_enabled = False
_renders: dict[str, tuple[str, dict[str, Any]]] = {}  # src_uri → (digest, saved render)
_entries: dict[str, tuple[str, list[dict[str, Any]]]] = {}  # url → (digest, entries)
_files_digest: tuple[int, str] | None = None  # (id of the Files, digest): once per build
_config_digest = ""  # mkdocs.yml's bytes, read once per build (new_build)
_builds = 0
_original: dict[str, Callable[..., Any]] = {}
stats = {"render_hits": 0, "render_misses": 0, "search_hits": 0, "search_misses": 0}


def _sha(*parts: str | bytes) -> str:
    return cache.digest(*parts).hex()


def _file_sha(path: str | Path | None) -> str:
    if not path:
        return ""
    try:
        return _sha(Path(path).read_bytes())
    except OSError:
        return "missing"


def files_digest(files: Any) -> str:
    """The digest of the site's file list (what links resolve against), once per build."""
    global _files_digest
    if _files_digest is None or _files_digest[0] != id(files):
        listing = "\n".join(f"{f.src_uri}\t{f.url}\t{f.inclusion}" for f in files)
        _files_digest = (id(files), _sha(listing))
    return _files_digest[1]


class _Warnings(logging.Handler):
    """Counts the warnings logged while a page converts (broken links, missing anchors …)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _toc_key(toc: Any) -> str:
    def walk(items: Any) -> str:
        return "".join(f"({item.url}|{item.title}|{item.level}{walk(item.children)})" for item in items)
    return walk(toc or [])


def _render(page: Any, config: Any, files: Any) -> None:
    key = _sha(page.markdown or "", files_digest(files), _config_digest, page.file.src_uri)
    saved = _renders.get(page.file.src_uri)
    if saved is not None and saved[0] == key:
        stats["render_hits"] += 1
        _restore(page, files, saved[1])
        return
    stats["render_misses"] += 1
    watch = _Warnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(watch)
    try:
        _original["render"](page, config, files)
    finally:
        logger.removeHandler(watch)
    if watch.count:  # a warning must be logged again on the next rebuild: not kept
        _renders.pop(page.file.src_uri, None)
        return
    links = {target.src_uri: dict(anchors) for target, anchors in (page.links_to_anchors or {}).items()}
    _renders[page.file.src_uri] = (key, {
        "content": page.content, "toc": page.toc, "title": page._title_from_render,
        "anchors": frozenset(page.present_anchor_ids or ()), "links": links,
        "has_links": page.links_to_anchors is not None,
    })


def _restore(page: Any, files: Any, saved: dict[str, Any]) -> None:
    import copy

    page.content = saved["content"]
    page.toc = copy.deepcopy(saved["toc"])  # the theme marks the active entry in place
    page._title_from_render = saved["title"]
    page.present_anchor_ids = set(saved["anchors"])
    if saved["has_links"]:
        links = {}
        for src_uri, anchors in saved["links"].items():
            target = files.get_file_from_path(src_uri)
            if target is not None:
                links[target] = dict(anchors)
        page.links_to_anchors = links


def _add_entries(index: Any, page: Any) -> None:
    import json

    from material.plugins.search import plugin as search_plugin

    user_dict = getattr(index, "hb_user_dict", None)
    if user_dict is None:  # the dictionary jieba cuts with (not the plugin's setting: "" once loaded)
        user_dict = index.hb_user_dict = _file_sha(dictionary.in_jieba())
    meta = json.dumps(page.meta, sort_keys=True, ensure_ascii=False, default=str)
    key = _sha(page.content or "", page.url, str(page.title), _toc_key(page.toc), meta, user_dict,
               _config_digest, str(search_plugin.jieba is not None))
    saved = _entries.get(page.url)
    if saved is not None and saved[0] == key:
        stats["search_hits"] += 1
        index.entries.extend(dict(e) for e in saved[1])  # copies: the word pass adds a field in place
        return
    stats["search_misses"] += 1
    before = len(index.entries)
    _original["add_entry"](index, page)
    _entries[page.url] = (key, [dict(e) for e in index.entries[before:]])


class _Bytecode:
    """Jinja bytecode of the theme's templates, in memory (jinja2.BytecodeCache's protocol).

    MkDocs makes a new theme environment for every build, so Material's
    templates were parsed and compiled again on every rebuild. Jinja checks a
    bucket's checksum of the template source before it uses the code.
    """

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def get_bucket(self, environment: Any, name: str, filename: str | None, source: str) -> Any:
        import jinja2.bccache

        key = _sha(name, filename or "")
        bucket = jinja2.bccache.Bucket(environment, key, _sha(source))
        data = self.code.get(key)
        if data is not None:
            bucket.bytecode_from_string(data)
        return bucket

    def set_bucket(self, bucket: Any) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_theme_code = _Bytecode()


def theme_env(env: Any) -> Any:
    """on_env: the theme's environment keeps its compiled templates across rebuilds."""
    if _enabled and env.bytecode_cache is None:
        env.bytecode_cache = _theme_code
    return env


def new_build(config: Any) -> None:
    """At the start of every build (on_config): read what all pages' digests share."""
    global _config_digest, _files_digest, _builds
    if _enabled:
        _config_digest = _file_sha(config.config_file_path)
        _files_digest = None
        _builds += 1
        if _builds == 2:
            # What survives the first build (jieba's dictionary, the modules, the kept work)
            # lives as long as the server: out of the cyclic collector's sight, each
            # rebuild's full collections no longer walk it (about a tenth of a rebuild).
            import gc

            gc.collect()
            gc.freeze()


def enable() -> None:
    """Called once by `mkdocs serve` (on_startup): keep conversions and search entries by content."""
    global _enabled
    if _enabled:
        return
    from material.plugins.search.plugin import SearchIndex
    from mkdocs.structure.pages import Page

    _original["render"] = Page.render
    _original["add_entry"] = SearchIndex.add_entry_from_context

    def render(self: Any, config: Any, files: Any) -> None:
        _render(self, config, files)

    def add_entry_from_context(self: Any, page: Any) -> None:
        _add_entries(self, page)

    Page.render = render  # type: ignore[method-assign]
    SearchIndex.add_entry_from_context = add_entry_from_context  # type: ignore[method-assign]
    cache.keep_across_builds(True)
    _enabled = True


def disable() -> None:
    """Undo enable() and forget everything (tests; on_shutdown)."""
    global _enabled, _files_digest, _builds
    _builds = 0
    if _enabled:
        import gc

        gc.unfreeze()
        from material.plugins.search.plugin import SearchIndex
        from mkdocs.structure.pages import Page

        Page.render = _original["render"]  # type: ignore[method-assign]
        SearchIndex.add_entry_from_context = _original["add_entry"]  # type: ignore[method-assign]
        _enabled = False
    cache.keep_across_builds(False)
    _renders.clear()
    _entries.clear()
    _theme_code.code.clear()
    _files_digest = None
    for k in stats:
        stats[k] = 0


def enabled() -> bool:
    return _enabled
