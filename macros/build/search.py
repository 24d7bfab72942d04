"""Site search for Chinese: the jieba user dictionary and the worker patch.

Material's search cuts Han text with jieba at build time. Two things are ours:

* the user dictionary, generated from the phrase library, so that standard
  phrases (一岗双责, 三重一大 …) stay whole tokens;
* a one-character fix to the 9.8.1 search worker's query segmenter, whose
  inner loop stops one character short (`j < query.length`), so a query's
  last word is never looked up whole (一岗双责 was searched as 一*).
"""
from __future__ import annotations

import re
from pathlib import Path

from ..base import paths
from ..base.errors import HandbookError

# The minified loop in search.*.min.js of mkdocs-material 9.8.1:
#   for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)
WORKER_BUG_RE = re.compile(
    r"for\(let (\w+)=(\w+)\+1;\1<(\w+)\.length;\1\+\+\)\3\.slice\(\2,\1\)in (\w+)"
)


FIXED_RE = re.compile(r"for\(let (\w+)=\w+\+1;\1<=\w+\.length;\1\+\+\)\w+\.slice\(")


def _worker_fix(m: re.Match[str]) -> str:
    o, s, t, e = m.groups()
    return f"for(let {o}={s}+1;{o}<={t}.length;{o}++){t}.slice({s},{o})in {e}"


def patch_search_worker(site_dir: Path) -> Path:
    """Fix the query segmenter in the built site's search worker, in place.

    Raises when the worker or the pattern is missing, so that an upgrade of
    Material that changes the code fails the build instead of silently
    bringing the bug back (or silently dropping our fix).
    """
    workers = sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if not workers:
        raise HandbookError(paths.rel(site_dir), "no assets/javascripts/workers/search.*.min.js to patch")
    worker = workers[0]
    code = worker.read_text(encoding="utf-8")
    patched, count = WORKER_BUG_RE.subn(_worker_fix, code)
    if count != 1:
        if count == 0 and FIXED_RE.search(code):
            return worker  # already patched (a rebuild over the same site)
        raise HandbookError(
            paths.rel(worker), f"search worker segmenter pattern found {count} times (expected 1): "
            "Material changed; re-check the query segmentation bug before upgrading"
        )
    worker.write_text(patched, encoding="utf-8")
    return worker


def require_jieba() -> None:
    try:
        import jieba  # noqa: F401
    except ImportError:
        raise HandbookError(
            "mkdocs.yml", "jieba is not installed: Chinese search would index whole sentences "
            "(install the pinned requirements: pip install -r requirements.txt)", "plugins.search"
        ) from None
