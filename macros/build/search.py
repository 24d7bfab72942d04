"""Site search for Chinese: the jieba user dictionary and the worker patch.

Material's search cuts Han text with jieba at build time and joins the words
with U+200B; lunr then matches a query's words as prefixes of those tokens and
ORs them. Three things are ours:

* the user dictionary (macros/content/dictionary.py), generated from the phrase
  library, so that standard phrases (一岗双责, 三重一大, and the words inside
  quoted names: 不忘初心, 牢记使命 …) stay whole tokens;
* a one-character fix to the 9.8.1 search worker's query segmenter, whose
  inner loop stops one character short (`j < query.length`), so a query's
  last word is never looked up whole (一岗双责 was searched as 一*);
* a result filter spliced into the worker's message handler
  (`{type:3,data:index.search(query)}` becomes
  `{type:3,data:self.__hbSearchFilter(index,query,index.search(query))}`).

Why a post-filter, not "require every token" (`+八项* +规定*`) and not a bigram
index: lunr ORs the query's words, so 八项规定 (segmented 八项* 规定*) listed
every page that says 规定. Requiring every word would still accept a page with
八项 and 规定 apart, and would lose pages whose jieba cut does not line up with
the query's (a query word that is no prefix of any of the page's tokens). A
bigram index would double the index that every page load downloads. The OR
query keeps lunr's recall and ranking; the filter then keeps a result only if
its own title or text (tags, entities and U+200B removed, lower case) contains
every whitespace-separated part of the query as typed. A page is listed when
one of its sections survives (its article entry stays as the group's head).

The same filter removes U+200B from the titles and snippets it returns: the
index keeps them (the worker tokenises on them), but shown and copied from the
result list they travelled into Word between every word.
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

# The query message's answer in the worker's handler: case 2:let e=t.data;try{return{type:3,data:de.search(e)}}
# The query's Chinese segmentation in Search.search():
#   e=e.replace(new RegExp("\\p{sc=Han}+","gu"),s=>[...fe(s,this.index.invertedIndex)].join("* "))
SEGMENT_RE = re.compile(
    r'(\w+)=\1\.replace\(new RegExp\("\\\\p\{sc=Han\}\+","gu"\),(\w+)=>\[\.\.\.(\w+)\(\2,'
    r'this\.index\.invertedIndex\)\]\.join\("\* "\)\)'
)
HANDLER_RE = re.compile(r"return\{type:3,data:(\w+)\.search\((\w+)\)\}")
FILTERED_MARK = "self.__hbSearchFilter("

# Appended to the worker: runs once when the worker starts, before any message.
FILTER_JS = r"""
/* Added by macros/build/search.py: segment a query whole; see the module's docstring. */
self.__hbSegmentQuery = function (query, index, segment) {
  query = query.replace(/[^\p{L}\p{N}\s+\-*~^:"]+/gu, " ");
  return query.replace(/\p{sc=Han}+/gu, function (run) {
    var segs = Array.from(segment(run, index));
    if (segs.every(function (s) { return s in index; })) return segs.join("* ");
    segs = [];
    for (var i = 0; i < run.length;) {
      var j = run.length;
      while (j > i + 1 && !(run.slice(i, j) in index)) j--;
      segs.push(run.slice(i, j));
      i = j;
    }
    return segs.join("* ");
  });
};
/* Added by macros/build/search.py: keep only results that contain the query; no U+200B in what is shown. */
self.__hbSearchFilter = function (index, query, result) {
  var ENT = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": "\"", "&#39;": "'", "&nbsp;": " " };
  function clean(s) {
    return String(s || "").replace(/<[^>]*>/g, "").replace(/&(?:lt|gt|amp|quot|#39|nbsp);/g, function (m) { return ENT[m]; })
      .replace(/\u200b/g, "").replace(/\s+/g, " ").toLowerCase();
  }
  function strip(s) { return typeof s === "string" ? s.replace(/\u200b/g, "") : s; }
  var parts = clean(query).split(" ").map(function (p) {
    return p.replace(/^[+\-]+/, "").replace(/[~^]\d*$/, "").replace(/["*]/g, "");
  }).filter(Boolean);
  if (!result || !result.items) return result;
  var map = index && index.map;
  function has(item) {
    var doc = (map && map.get(item.location)) || item;
    var title = clean(doc.title), text = clean(doc.text);
    return parts.every(function (p) { return title.indexOf(p) >= 0 || text.indexOf(p) >= 0; });
  }
  var groups = [];
  for (var g = 0; g < result.items.length; g++) {
    var group = result.items[g];
    var kept = parts.length ? group.filter(has) : group.slice();
    if (!kept.length) continue;
    var head = group.filter(function (it) { return it.location.indexOf("#") < 0; })[0];
    if (head && kept.indexOf(head) < 0) kept.push(head);
    groups.push(kept.map(function (it) {
      var out = {};
      for (var k in it) out[k] = it[k];
      out.title = strip(it.title);
      out.text = strip(it.text);
      return out;
    }));
  }
  result.items = groups;
  return result;
};
"""


def _worker_fix(m: re.Match[str]) -> str:
    o, s, t, e = m.groups()
    return f"for(let {o}={s}+1;{o}<={t}.length;{o}++){t}.slice({s},{o})in {e}"


def _segment_hook(m: re.Match[str]) -> str:
    query, _, segment = m.groups()
    return f"{query}=self.__hbSegmentQuery({query},this.index.invertedIndex,{segment})"


def _filter_hook(m: re.Match[str]) -> str:
    index, query = m.groups()
    return f"return{{type:3,data:{FILTERED_MARK}{index},{query},{index}.search({query}))}}"


def patch_search_worker(site_dir: Path) -> Path:
    """Fix the query segmenter and add the result filter in the built site's search worker, in place.

    Raises when the worker or a pattern is missing, so that an upgrade of
    Material that changes the code fails the build instead of silently
    bringing the bugs back (or silently dropping our fixes).
    """
    workers = sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if not workers:
        raise HandbookError(paths.rel(site_dir), "no assets/javascripts/workers/search.*.min.js to patch")
    worker = workers[0]
    code = worker.read_text(encoding="utf-8")
    if FILTERED_MARK in code and FIXED_RE.search(code):
        return worker  # already patched (a rebuild over the same site)
    patched, count = WORKER_BUG_RE.subn(_worker_fix, code)
    if count != 1:
        raise HandbookError(
            paths.rel(worker), f"search worker segmenter pattern found {count} times (expected 1): "
            "Material changed; re-check the query segmentation bug before upgrading"
        )
    patched, count = SEGMENT_RE.subn(_segment_hook, patched)
    if count != 1:
        raise HandbookError(
            paths.rel(worker), f"search worker query segmentation pattern found {count} times (expected 1): "
            "Material changed; re-check the query segmentation (macros/build/search.py) before upgrading"
        )
    patched, count = HANDLER_RE.subn(_filter_hook, patched)
    if count != 1:
        raise HandbookError(
            paths.rel(worker), f"search worker result pattern found {count} times (expected 1): "
            "Material changed; re-check the result filter (macros/build/search.py) before upgrading"
        )
    source_map = patched.rfind("\n//# sourceMappingURL=")
    if source_map < 0:
        source_map = len(patched)
    patched = patched[:source_map] + FILTER_JS + patched[source_map:]
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
