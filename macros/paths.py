"""Where things live in the repository. Everything else asks here."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
SECTIONS = TEMPLATES / "sections"
GENRES = TEMPLATES / "genres"
PHRASES = TEMPLATES / "phrases"
SAMPLES = TEMPLATES / "samples"
DOCS = ROOT / "docs"


def rel(path: Path) -> str:
    """A path as shown in messages: relative to the repo when it is inside it."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


@functools.lru_cache(maxsize=64)
def _resolved(root: Path | str) -> Path:
    # Loaders are called thousands of times a build: resolve each folder once.
    return Path(root).resolve()


def cached_per_root(fn: Callable[[Path], T]) -> Callable[..., T]:
    """Cache a loader of templates/ data once per folder.

    functools.lru_cache keys `f()` and `f(TEMPLATES)` apart, so the same data
    was loaded twice; this normalises the argument. `cache_clear` is kept for
    site.reload_data (mkdocs serve rebuilds).
    """
    inner = functools.lru_cache(maxsize=None)(fn)

    @functools.wraps(fn)
    def wrapper(root: Path = TEMPLATES) -> T:
        return inner(_resolved(root))

    wrapper.cache_clear = inner.cache_clear  # type: ignore[attr-defined]
    return wrapper
