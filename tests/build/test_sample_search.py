"""Site search and the sample pages: a sample is found by its title, headings and notes, never by its body text
(issue 18: the bodies were 96 % of the index every page loads at a thousand samples)."""
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


def test_sample_bodies_are_not_indexed_but_titles_headings_and_notes_are(site_dir: Path):
    docs = _docs(site_dir)
    bodies = 0
    for slug, s in samples.all_samples().items():
        mine = [d for d in docs if d["location"].startswith(f"samples/{slug}/")]
        titles = {_clean(d["title"]) for d in mine}
        texts = "\n".join(_clean(d.get("text", "")) for d in mine)
        # The sample's own entries (other pages may quote the same document titles and wordings).
        everything = "\n".join(_clean(d.get("title", "")) + "\n" + _clean(d.get("text", "")) for d in mine)
        assert _clean(s.title) in titles, slug
        for p in s.paragraphs:
            if p.kind == "heading":
                assert _clean(p.text) in titles, (slug, p.text)
                continue
            if p.kind == "title":
                continue
            if p.lead:
                assert _clean(p.lead.rstrip("。")) in titles, (slug, p.lead)
            if p.note:
                assert _clean(p.note) in texts, (slug, p.note)
            body = _clean(p.text[len(p.lead):] if p.lead else p.text)
            if len(body) >= 30:  # a long enough piece to be the paragraph's own (not a note quoting it)
                bodies += 1
                piece = body[len(body) // 2 - 12:len(body) // 2 + 12]
                assert piece not in everything, (slug, piece)
    assert bodies >= 20, "too few sample paragraphs to check: the test would prove nothing"
    for slug, s in samples.all_samples().items():
        if s.weaknesses:
            assert _clean(s.weaknesses[0]) in "\n".join(
                _clean(d.get("text", "")) for d in docs if d["location"].startswith(f"samples/{slug}/")), slug
