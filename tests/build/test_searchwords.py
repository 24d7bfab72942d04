"""macros/searchwords.py: the extra `words` field of the site search index."""
from __future__ import annotations

import json
from pathlib import Path

from macros.build import search_words as searchwords


def test_inner_words_finds_words_inside_a_token_but_not_its_prefixes():
    words = frozenset({"党风", "廉政", "建设", "廉政建设", "主题教育"})
    assert searchwords.inner_words("党风廉政建设", words) == ["廉政建设", "廉政", "建设"]
    assert "主题教育" in searchwords.inner_words("学习贯彻思想主题教育", words)


def test_index_gets_the_field_and_keeps_text(tmp_path: Path):
    search = tmp_path / "search"
    search.mkdir()
    index = {"config": {"separator": "[\\s\\u200b]+", "fields": {"text": {"boost": 1}}},
             "docs": [{"location": "", "title": "首页", "text": "加强\u200b党风廉政建设\u200b工作"}]}
    (search / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    (search / "search_index.js").write_text("var __index = {}", encoding="utf-8")
    searchwords.add_word_field(tmp_path, terms=["党风廉政建设"])
    out = json.loads((search / "search_index.json").read_text(encoding="utf-8"))
    assert out["config"]["fields"]["words"] == {"boost": 1}
    assert out["docs"][0]["text"] == index["docs"][0]["text"]
    assert "廉政" in out["docs"][0]["words"].split()
    js = (search / "search_index.js").read_text(encoding="utf-8")
    assert js.startswith("var __index = ") and json.loads(js[len("var __index = "):]) == out


def test_built_index_has_the_field(site_dir: Path):
    out = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "words" in out["config"]["fields"]
    assert any("廉政" in d.get("words", "").split() for d in out["docs"])


def test_dictionary_holds_the_names_quoted_in_wordings():
    words = searchwords.dictionary(["“不忘初心、牢记使命”主题教育"])
    assert "不忘初心" in words and "牢记使命" in words
    assert "不忘初心开展" not in words
