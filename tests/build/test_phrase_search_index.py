"""Site search and the phrase pages: an entry is found by its wording, meaning, usage, source, cautions and wrong
forms, not by its example sentence, its field labels, the general source line or its 适用段落 / 出现位置 links
(issue 18: those were half of the shipped index, the same words on hundreds of entries)."""
from __future__ import annotations

from pathlib import Path

from test_sample_search import _clean, _docs  # the same index reading as the sample pages' test

from macros.content import phrases
from macros.content.phrases import GENERAL_LABEL


def _entries(site_dir: Path) -> dict[str, str]:
    return {d["location"].partition("#")[2]: _clean(d["title"]) + "|" + _clean(d["text"])
            for d in _docs(site_dir) if d["location"].startswith("phrases/") and d["location"].count("/") == 2}


def test_entries_indexed_by_what_a_writer_looks_up(site_dir: Path):
    entries = _entries(site_dir)
    lib = phrases.load()
    checked = 0
    for pid, ph in lib.phrases.items():
        text = entries.get(pid)
        assert text is not None, f"{pid}: no search entry"
        title, _, body = text.partition("|")
        assert _clean(ph.phrase) in title, pid
        assert _clean(ph.meaning)[:12] in body, f"{pid}: meaning not indexed"
        for w in ph.wrong:
            assert _clean(w) in body, f"{pid}: wrong form {w} not indexed"
        assert "出现位置" not in body and "适用段落" not in body and not body.startswith("含义"), pid
        if not ph.source:
            assert GENERAL_LABEL not in body, pid
        example = _clean(ph.example)
        if len(example) > 12 and example not in _clean(ph.meaning + ph.usage + (ph.cautions or "")):
            assert example not in body, f"{pid}: example indexed"
            checked += 1
    assert checked > 500, "too few examples checked: the test would prove little"


def test_full_list_on_phrases_index_is_not_indexed(site_dir: Path):
    groups = [d for d in _docs(site_dir) if d["location"].startswith("phrases/#group-")]
    assert len(groups) == len(phrases.load().groups)
    assert all(_clean(d["text"]) == "" for d in groups)
    page = (site_dir / "phrases" / "index.html").read_text(encoding="utf-8")
    assert page.count('<div class="hb-phrase-list" data-search-exclude>') == len(groups)
