"""One registry of every cache in the package, so that one call forgets them all.

`mkdocs serve` rebuilds in the same process: every loader of templates/ data,
every derived table (checker rules, phrase index, anonymiser word lists) must
be forgotten before a rebuild, or an edit is served stale. A cache kept with
functools directly would be missed; tests/base/test_cache.py fails on one.
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Callable, TypeVar

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

_REGISTRY: list[Any] = []


def memoize(maxsize: int | None = None) -> Callable[[F], F]:
    """functools.lru_cache, registered for clear_all()."""
    def wrap(fn: F) -> F:
        cached = functools.lru_cache(maxsize=maxsize)(fn)
        _REGISTRY.append(cached)
        return cached  # type: ignore[return-value]
    return wrap


@functools.lru_cache(maxsize=64)
def _resolved(root: Path | str) -> Path:
    # Loaders are called thousands of times a build: resolve each folder once.
    # (Paths do not change between builds: this one is not registered.)
    return Path(root).resolve()


def per_root(fn: Callable[[Path], T]) -> Callable[..., T]:
    """Cache a loader of templates/ data once per folder, registered for clear_all().

    functools.lru_cache keys `f()` and `f(TEMPLATES)` apart, so the same data
    would load twice; the folder is normalised first.
    """
    from . import paths  # paths imports nothing of ours: no cycle

    inner = memoize()(fn)

    @functools.wraps(fn)
    def wrapper(root: Path = paths.TEMPLATES) -> T:
        return inner(_resolved(root))

    wrapper.cache_clear = inner.cache_clear  # type: ignore[attr-defined]
    return wrapper


def clear_all() -> None:
    """Forget every registered cache (before each build of mkdocs serve)."""
    for cached in _REGISTRY:
        cached.cache_clear()


def registered() -> tuple[Any, ...]:
    return tuple(_REGISTRY)


# ---------------------------------------------------------------------------
# Work kept across the rebuilds of `mkdocs serve`, by content.
#
# The caches above are forgotten before every build, so an edit is never served
# stale. Under `mkdocs serve` that meant redoing, on every edit, work whose
# input had not changed (a sample file parsed, the phrases found in a
# paragraph, a page's HTML annotated). A ContentMemo keeps results keyed by a
# digest of everything they are computed from, so an entry cannot be stale and
# clear_all() leaves it. It is only used when macros.build.incremental turns it
# on (`mkdocs serve`): a `mkdocs build` computes everything once anyway, and
# keeping every result would only add to its memory.

_ACROSS_BUILDS = False
_MEMOS: list["ContentMemo"] = []


class ContentMemo:
    """A dict of results by content digest, bounded (oldest dropped), on only under `mkdocs serve`."""

    def __init__(self, maxsize: int = 100_000) -> None:
        self._data: dict[Any, Any] = {}
        self.maxsize = maxsize
        _MEMOS.append(self)

    def get(self, key: Any) -> Any:
        return self._data.get(key) if _ACROSS_BUILDS else None

    def put(self, key: Any, value: T) -> T:
        if _ACROSS_BUILDS:
            if len(self._data) >= self.maxsize:
                del self._data[next(iter(self._data))]
            self._data[key] = value
        return value

    def cached(self, key: Callable[[], Any], compute: Callable[[], T]) -> T:
        """compute(), kept by key() under `mkdocs serve`; otherwise the key is never computed
        (a digest of a file's bytes, say, would be work a plain build does for nothing)."""
        if not _ACROSS_BUILDS:
            return compute()
        k = key()
        if k in self._data:
            return self._data[k]
        return self.put(k, compute())

    def __len__(self) -> int:
        return len(self._data)


def keep_across_builds(on: bool) -> None:
    """Turn the ContentMemos on (mkdocs serve) or off and empty."""
    global _ACROSS_BUILDS
    _ACROSS_BUILDS = on
    if not on:
        for memo in _MEMOS:
            memo._data.clear()


def across_builds() -> bool:
    return _ACROSS_BUILDS


def digest(*parts: str | bytes) -> bytes:
    """sha256 of the parts, each closed by a NUL (so ("ab", "c") and ("a", "bc") differ)."""
    import hashlib

    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8") if isinstance(p, str) else p)
        h.update(b"\x00")
    return h.digest()


@memoize()  # once per build: cleared by clear_all() before the next
def files_digest(folder: Path, pattern: str) -> bytes:
    """The digest of every file under folder matching pattern (names and bytes)."""
    parts: list[str | bytes] = []
    for path in sorted(Path(folder).rglob(pattern)):
        if path.is_file():
            parts += [str(path.relative_to(folder)), path.read_bytes()]
    return digest(*parts)
