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
