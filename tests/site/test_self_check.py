"""The handbook passes its own checker: every filled example and every sample, for its year.

Findings kept on purpose are listed with their reason in templates/checker-allow.yml;
an entry that no longer matches anything fails too, so the list stays honest.
"""
from __future__ import annotations

import pytest
import yaml

from macros.base import paths
from macros.content import samples, sections
from macros.content.slots import example_sets
from macros.engine import render
from macros.tools import checker

ALLOW_PATH = paths.TEMPLATES / "checker-allow.yml"
RULES = {"placeholder", "stale", "misquote", "numbering", "punctuation"}


def allow_list() -> list[dict]:
    entries = yaml.safe_load(ALLOW_PATH.read_text(encoding="utf-8"))["allow"]
    for i, e in enumerate(entries):
        assert set(e) <= {"kind", "where", "example", "rule", "text", "reason"}, f"allow[{i}]: unknown field"
        assert e["kind"] in ("example", "sample") and e["rule"] in RULES, f"allow[{i}]"
        assert isinstance(e.get("reason"), str) and len(e["reason"].strip()) > 20, f"allow[{i}]: give the reason"
    return entries


def example_texts():
    sets = example_sets()
    for tpl in sections.all_sections().values():
        for set_slug in tpl.examples:
            text = render.to_plain(sections.render_example(tpl, set_slug))
            yield ("example", tpl.slug, set_slug), text, sets[set_slug].values.get("year", sections.default_year())


def sample_texts():
    for s in samples.all_samples().values():
        yield ("sample", s.slug, None), "\n".join(p.text for p in s.paragraphs), s.year


def matches(entry: dict, key: tuple, text: str, f: checker.Finding) -> bool:
    kind, where, example = key
    return (entry["kind"] == kind and entry["where"] in ("*", where)
            and entry.get("example", example) == example and entry["rule"] == f.rule
            and entry.get("text", text[f.start:f.end]) == text[f.start:f.end])


def test_examples_and_samples_pass_the_checker():
    entries = allow_list()
    used = [False] * len(entries)
    left: list[str] = []
    checked = 0
    for key, text, year in [*example_texts(), *sample_texts()]:
        checked += 1
        for f in checker.check(text, year):
            hits = [i for i, e in enumerate(entries) if matches(e, key, text, f)]
            for i in hits:
                used[i] = True
            if not hits:
                left.append(f"{key[0]} {key[1]} {key[2] or ''} ({year}): {f.rule} "
                            f"{text[max(0, f.start - 10):f.end + 10]!r}: {f.message}")
    assert checked >= 10
    assert not left, "findings not in templates/checker-allow.yml:\n" + "\n".join(left)
    unused = [entries[i] for i, u in enumerate(used) if not u]
    assert not unused, f"allow-list entries that match no finding any more: {unused}"


def test_samples_exist_to_be_checked():
    if not samples.all_samples():
        pytest.skip("no samples ingested yet")
    assert all(s.year for s in samples.all_samples().values())
