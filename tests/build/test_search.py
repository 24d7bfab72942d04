"""macros/search.py: the jieba user dictionary and the search-worker patch."""
from __future__ import annotations

import shutil
from pathlib import Path

import material
import pytest

from macros.base.errors import HandbookError
from macros.build import search
from macros.content import dictionary

WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"


def _site_with_worker(tmp_path: Path, code: str) -> Path:
    workers = tmp_path / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True)
    (workers / "search.test.min.js").write_text(code, encoding="utf-8")
    return tmp_path


def test_installed_material_worker_has_the_bug_exactly_once(tmp_path):
    """Guards the patch: fails when Material changes the segmenter code."""
    shipped = next(WORKERS.glob("search.*.min.js"))
    site = tmp_path / "site"
    (site / "assets" / "javascripts" / "workers").mkdir(parents=True)
    shutil.copy(shipped, site / "assets" / "javascripts" / "workers" / shipped.name)
    patched = search.patch_search_worker(site).read_text(encoding="utf-8")
    assert not search.WORKER_BUG_RE.search(patched)
    assert search.FIXED_RE.search(patched)
    assert "__hbSegmentQuery(" in patched and search.FILTERED_MARK in patched
    assert "self.__hbSearchFilter = function" in patched and patched.rstrip().endswith(".map")
    # Idempotent: a second pass over the same site is fine.
    search.patch_search_worker(site)


def test_patch_fails_loudly_when_the_pattern_is_gone(tmp_path):
    site = _site_with_worker(tmp_path, "function segment(){/* rewritten upstream */}")
    with pytest.raises(HandbookError, match="pattern found 0 times"):
        search.patch_search_worker(site)


def test_patch_fails_when_there_is_no_worker(tmp_path):
    with pytest.raises(HandbookError, match="no assets"):
        search.patch_search_worker(tmp_path)


def test_user_dict_keeps_phrases_and_skips_unusable_terms():
    text = dictionary.jieba_user_dict(["一岗双责", "三重一大", "一岗双责", "GDP", "两个 维护", "不敢腐、不能腐"])
    assert text.splitlines() == ["一岗双责 100000", "三重一大 100000"]


def test_user_dict_makes_jieba_keep_a_phrase_whole(tmp_path):
    import jieba

    tokenizer = jieba.Tokenizer()
    path = tmp_path / "user.txt"
    path.write_text(dictionary.jieba_user_dict(["三重一大"]), encoding="utf-8")
    tokenizer.load_userdict(str(path))
    assert "三重一大" in list(tokenizer.cut("严格执行三重一大决策制度"))


def test_patch_fails_when_the_result_handler_changed(tmp_path):
    shipped = next(WORKERS.glob("search.*.min.js")).read_text(encoding="utf-8")
    site = _site_with_worker(tmp_path, shipped.replace("return{type:3,data:", "return{type:3,result:"))
    with pytest.raises(HandbookError, match="result pattern found 0 times"):
        search.patch_search_worker(site)


def test_patch_fails_when_the_query_segmentation_changed(tmp_path):
    shipped = next(WORKERS.glob("search.*.min.js")).read_text(encoding="utf-8")
    site = _site_with_worker(tmp_path, shipped.replace(".join(\"* \")", ".join(\" \")"))
    with pytest.raises(HandbookError, match="segmentation pattern found 0 times"):
        search.patch_search_worker(site)


def test_user_dict_takes_the_names_quoted_inside_a_wording():
    words = dictionary.dictionary_words(["“不忘初心、牢记使命”主题教育", "党建和业务“两张皮”", "不敢腐、不能腐"])
    assert {"不忘初心", "牢记使命", "两张皮", "党建和业务两张皮"} <= set(words)
    assert "不敢腐" not in words  # an unquoted enumeration: its members are terms of their own


def test_library_user_dict_keeps_quoted_names_whole(tmp_path):
    import jieba

    from macros.content import phrases

    tokenizer = jieba.Tokenizer()
    path = tmp_path / "user.txt"
    path.write_text(dictionary.jieba_user_dict(phrases.phrase_terms()), encoding="utf-8")
    tokenizer.load_userdict(str(path))
    assert "不忘初心" in list(tokenizer.cut("坚持不忘初心，牢记使命"))
    assert "牢记使命" in list(tokenizer.cut("坚持不忘初心，牢记使命"))
