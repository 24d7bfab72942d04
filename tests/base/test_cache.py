"""Every cache of the package is in one registry, and one call forgets them all."""
from __future__ import annotations

import ast

from macros.base import cache, paths
from macros.build import site
from macros.content import phrases, samples, sections, slots
from macros.tools import anonymise
from macros.tools import rules as check_rules


def test_no_cache_outside_the_registry():
    """functools caches kept by hand were missed by mkdocs serve's reload (stale data after an edit)."""
    offenders = []
    for path in sorted((paths.ROOT / "macros").rglob("*.py")):
        if path.name == "cache.py" and path.parent.name == "base":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = None
            if isinstance(node, ast.Attribute) and node.attr in ("lru_cache", "cache", "cached_property"):
                name = node.attr
            elif isinstance(node, ast.ImportFrom) and node.module == "functools":
                name = ",".join(a.name for a in node.names if a.name in ("lru_cache", "cache", "cached_property")) or None
            if name:
                offenders.append(f"{path.relative_to(paths.ROOT)}:{node.lineno} {name}")
    assert not offenders, offenders


def test_loaders_and_derived_tables_are_registered():
    registered = cache.registered()
    wanted = [slots.slot_catalog, slots.example_sets, sections.all_sections, phrases.load,
              samples.all_samples, samples.allow_list]
    inner = {getattr(f, "__wrapped__", f) for f in registered}
    for fn in wanted:
        assert getattr(fn, "__wrapped__", fn) in inner, fn.__name__
    assert check_rules._cached in registered
    assert anonymise.vocabulary in registered


def test_reload_forgets_every_cache():
    slots.slot_catalog()
    check_rules.build_rules()
    anonymise.vocabulary()
    assert any(c.cache_info().currsize for c in cache.registered())
    site.reload_data()
    assert all(c.cache_info().currsize == 0 for c in cache.registered())
