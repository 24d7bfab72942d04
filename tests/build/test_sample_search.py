"""Site search and the sample pages: a sample is found by its title, its headings, its 不足 and its 校订说明, never by
its body text or its paragraph notes (issue 18: at a thousand samples the bodies were 96 % of the index every page
loads, then the notes and the per-heading entries most of the rest), and it has one entry for the page."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

from macros.content import samples


def _clean(s: str) -> str:
    return re.sub(r"\s+", "", html.unescape(re.sub(r"<[^>]+>", " ", s)).replace("\u200b", ""))


def _docs(site_dir: Path) -> list[dict]:
    return json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_sample_bodies_and_notes_are_not_indexed_but_titles_and_headings_are(site_dir: Path):
    docs = _docs(site_dir)
    bodies = notes = 0
    for slug, s in samples.all_samples().items():
        mine = [d for d in docs if d["location"].startswith(f"samples/{slug}/")]
        page = [d for d in mine if d["location"] == f"samples/{slug}/"]
        assert len(page) == 1, slug
        # Besides the page's entry, only its 不足 and 校订说明 sections.
        assert {d["location"].partition("#")[2] for d in mine} <= {"", "这篇样本的不足", "校订说明"}, slug
        heads = _clean(page[0].get("text", ""))
        everything = "\n".join(_clean(d.get("title", "")) + "\n" + _clean(d.get("text", "")) for d in mine)
        assert _clean(s.title) == _clean(page[0]["title"]), slug
        for p in s.paragraphs:
            if p.kind == "heading":
                assert _clean(p.text) in heads, (slug, p.text)
                continue
            if p.kind == "title":
                continue
            if p.lead:
                assert _clean(p.lead.rstrip("。")) in heads, (slug, p.lead)
            if p.note and len(_clean(p.note)) >= 24 and _clean(p.note) not in _clean(" ".join(s.weaknesses)):
                notes += 1
                assert _clean(p.note) not in everything, (slug, p.note)
            body = _clean(p.text[len(p.lead):] if p.lead else p.text)
            if len(body) >= 30:  # a long enough piece to be the paragraph's own (not a note quoting it)
                bodies += 1
                piece = body[len(body) // 2 - 12:len(body) // 2 + 12]
                assert piece not in everything, (slug, piece)
    assert notes >= 10, "too few sample notes to check: the test would prove nothing"
    assert bodies >= 20, "too few sample paragraphs to check: the test would prove nothing"
    for slug, s in samples.all_samples().items():
        if s.weaknesses:
            assert _clean(s.weaknesses[0]) in "\n".join(
                _clean(d.get("text", "")) for d in docs if d["location"].startswith(f"samples/{slug}/")), slug
