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
