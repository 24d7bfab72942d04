"""Site search (Material's search box) in Chromium: standard phrases are found whole, and completely.

For each query the expected pages are computed from the built HTML (the
article text of every page); the search must list exactly those pages: no
result without the term (一岗双责 used to bring three pages without it), and
no page with the term missing (廉政 used to miss every 党风廉政建设).

Every library wording (templates/phrases/*.yml) and each of its 2- to 4-character
words is then run through the real, patched search worker in one page (~800
queries in a few seconds), and 20+ of them are typed (or pasted) into
Material's box: each is found, and every result page contains the query.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from browser.test_site import search
from macros.content import dictionary, phrases

pytestmark = pytest.mark.browser

QUERIES = ["一岗双责", "三重一大", "两个维护", "意识形态", "主题教育", "廉政", "全面从严治党", "Word"]


def _article_text(path: Path, drop: str) -> str:
    doc = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = doc.select_one("article.md-content__inner")
    if article is None:
        return ""
    for el in article.select(drop):
        el.decompose()
    return article.get_text(" ")


def _body_text(path: Path) -> str:
    """The article without what the page marks data-search-exclude."""
    return _article_text(path, "[data-search-exclude], .headerlink, script, style")


def _visible_text(path: Path) -> str:
    """The article as a reader sees it (writing hints included: Material indexes them too)."""
    return _article_text(path, ".headerlink, script, style")


def _urls(site_dir: Path):
    for path in site_dir.rglob("index.html"):
        rel = path.parent.relative_to(site_dir).as_posix()
        yield ("/" if rel == "." else f"/{rel}/"), path


@pytest.fixture(scope="module")
def page_texts(site_dir: Path) -> dict[str, str]:
    """URL path of every searchable page → its body text."""
    return {url: _body_text(path) for url, path in _urls(site_dir)}


@pytest.fixture(scope="module")
def visible_texts(site_dir: Path) -> dict[str, str]:
    """URL path of every page → all of its article text, without white space (a tooltip link
    or a slot is a separate string of the HTML): what "the page contains the query" is checked on."""
    return {url: _squeeze(_visible_text(path)) for url, path in _urls(site_dir)}


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@lru_cache(maxsize=1)
def library_queries() -> dict[str, tuple[str, bool]]:
    """query → (the entry page that must be found, whether it is a whole wording).

    Every wording as written, and its words of 2 to 4 Han characters: jieba's
    tokens of it (cut with and without the site's user dictionary, which keeps
    中央八项规定 whole) and each two adjacent tokens (八项 + 规定), the parts
    between its punctuation (同谋划) and the names quoted in it (不忘初心). A
    token counts as a word when a dictionary has it (jieba's or ours): jieba's
    HMM also invents pieces such as 温下 (上热中温下冷) or 愁盼 (急难愁盼), which
    nobody searches for and no index holds. A sentence pattern with slots or gaps
    (以【对象】为重点, 既……又……) is searched by its words only: the pieces around
    a gap (为重点, 之年, 既) are no words, and the pattern itself is no query.
    """
    import jieba

    with_dict, plain = jieba.Tokenizer(), jieba.Tokenizer()
    with_dict.load_userdict(str(dictionary.write_user_dict()))
    plain.check_initialized()
    ours = set(dictionary.dictionary_words(phrases.phrase_terms()))

    def known(token: str) -> bool:
        return token in ours or plain.FREQ.get(token, 0) > 0
    out: dict[str, tuple[str, bool]] = {}
    for ph in phrases.load_library().values():
        entry = f"/phrases/{ph.group}/"
        pattern = "【" in ph.phrase or "……" in ph.phrase
        if "……" not in ph.phrase:
            out.setdefault(ph.phrase, (entry, True))
        # In a pattern, jieba's rarest dictionary entries are pieces glued to a gap (之年 in 【定位】之年).
        word_ok = (lambda t: t in ours or plain.FREQ.get(t, 0) >= 10) if pattern else known
        pieces = re.split(r"[^\u4e00-\u9fff]+", ph.phrase)
        words = [*(p for p in pieces if not pattern or word_ok(p)), *dictionary.dictionary_words([ph.phrase])]
        for tokenizer in (with_dict, plain):
            tokens = [t if word_ok(t) else "" for t in tokenizer.cut(ph.phrase)]
            words += [*tokens, *(a + b for a, b in zip(tokens, tokens[1:]) if len(a) > 1 and len(b) > 1)]
        for word in words:
            if 2 <= len(word) <= 4 and re.fullmatch(r"[\u4e00-\u9fff]+", word):
                out.setdefault(word, (entry, False))
    return out


def load_all_results(page, items, total: int, query: str) -> None:
    """Material renders results in batches, the next on a real scroll near the list's bottom."""
    for _ in range(40):
        if items.count() >= total:
            break
        wrap = page.locator(".md-search__scrollwrap")
        wrap.evaluate("el => el.scrollTop = el.scrollHeight - el.clientHeight - 50")
        wrap.hover()
        page.mouse.wheel(0, 200)
        page.wait_for_timeout(250)
    assert items.count() == total, (query, items.count(), total)


def _contains(text: str, term: str) -> bool:
    if re.fullmatch(r"[A-Za-z]+", term):  # English: a word starting with the term, any case
        return re.search(rf"(?<![A-Za-z]){re.escape(term)}", text, re.I) is not None
    return term in text


def all_results(page, query: str) -> set[str]:
    """Every result page's URL path: the list is rendered lazily, so scroll until it is complete."""
    search(page, query)
    # Results of a partial query (typed before the worker was ready) can arrive first:
    # wait until every result link highlights the whole query (or nothing).
    page.wait_for_function(
        """q => { const hs = [...document.querySelectorAll('.md-search-result__item a')]
                    .map(a => (new URL(a.href).searchParams.get('h') || '').toLowerCase());
                  return hs.includes(q.toLowerCase()) && hs.every(h => h === '' || h === q.toLowerCase()); }""",
        arg=query, timeout=20000)
    meta = ""
    for _ in range(10):  # the count is final when two reads agree
        page.wait_for_timeout(300)
        now = page.locator(".md-search-result__meta").inner_text()
        if now == meta:
            break
        meta = now
    total = int(re.search(r"\d+", meta).group(0)) if re.search(r"\d+", meta) else 0
    items = page.locator(".md-search-result__item")
    load_all_results(page, items, total, query)
    # An item is a page; its links are the page and its matching sections.
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(a => a.href)")
    return {urlparse(h).path for h in hrefs}


@pytest.mark.parametrize("query", QUERIES)
def test_search_finds_exactly_the_pages_containing_the_term(page, page_texts, query):
    expected = {url for url, text in page_texts.items() if _contains(text, query)}
    assert expected, f"no built page contains {query!r}: the test would prove nothing"
    page.goto("/")
    found = all_results(page, query)
    without = sorted(u for u in found if not _contains(page_texts.get(u, ""), query))
    missed = sorted(expected - found)
    assert not without, f"{query}: results without the term: {without}"
    assert not missed, f"{query}: pages with the term not found: {missed}"


def test_lianzheng_finds_pages_that_only_say_dangfeng_lianzheng_jianshe(page, page_texts):
    """The known jieba case: 党风廉政建设 is one token, yet 廉政 must find it."""
    only_inside = {url for url, text in page_texts.items()
                   if "廉政" in text and not re.search(r"(?<!党风)廉政", text)}
    assert only_inside, "no page has 廉政 only inside 党风廉政建设: pick another fixture"
    page.goto("/")
    assert only_inside <= all_results(page, "廉政")


# Evaluates the site's own (patched) search worker with the site's index, as Material does.
WORKER_JS = """async (queries) => {
  const cfg = JSON.parse(document.getElementById('__config').textContent);
  const base = new URL(cfg.base + '/', location.href);
  const index = await (await fetch(new URL('search/search_index.json', base))).json();
  const worker = new Worker(new URL(cfg.search, location.href));
  const next = () => new Promise(ok => worker.addEventListener('message', ev => ok(ev.data), { once: true }));
  worker.postMessage({ type: 0, data: { ...index, options: { suggest: false } } });
  await next();
  const out = {};
  for (const q of queries) {
    worker.postMessage({ type: 2, data: q });
    const answer = await next();
    out[q] = answer.data.items.map(group => group.map(it => [it.location, it.title, it.text]));
  }
  worker.terminate();
  return out;
}"""


def _page_of(location: str) -> str:
    path = location.split("#")[0]
    return f"/{path}" if path else "/"


def test_every_library_wording_and_its_words_are_found_by_the_worker(page, page_texts, visible_texts):
    queries = library_queries()
    assert len(queries) > 700 and {"不忘初心", "牢记使命", "八项规定", "同谋划", "一岗双责"} <= set(queries)
    page.goto("/")
    answers = page.evaluate(WORKER_JS, list(queries))
    problems = []
    for q, (entry, whole) in queries.items():
        found = {_page_of(group[0][0]) for group in answers[q]}
        if entry not in found:
            problems.append(f"{q}: its entry {entry} is not found")
        without = sorted(u for u in found if _squeeze(q) not in visible_texts.get(u, ""))
        if without:
            problems.append(f"{q}: results without it: {without[:5]}")
        if whole:  # a whole wording: every page that has it in its searchable text
            missed = sorted(u for u, text in page_texts.items() if q in text and u not in found)
            if missed:
                problems.append(f"{q}: pages with it not found: {missed[:5]}")
        shown = [part for group in answers[q] for item in group for part in item[1:] if part]
        if any("\u200b" in part for part in shown):
            problems.append(f"{q}: a result title or snippet carries U+200B")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])


TYPED = ["不忘初心", "八项规定", "一岗双责", "三重一大", "两个维护", "牢记使命", "同谋划", "四个意识", "四风",
         "廉政风险", "第一议题", "关键少数", "主体责任", "两个确立", "三会一课", "四种形态", "意识形态",
         "民主生活会", "党风廉政建设", "不敢腐、不能腐、不想腐", "在【上级党委】的坚强领导下", "以【工作】为抓手"]
PASTED = ["八项规定", "三重一大", "中央八项规定及其实施细则精神"]


def typed_results(page, query: str, *, paste: bool = False) -> set[str]:
    """Type (or paste: fill() makes one input event and no key event) into Material's box; every result's page."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    if paste:
        box.fill(query)
    else:
        box.press_sequentially(query, delay=20)
    items = page.locator(".md-search-result__item")
    for _ in range(20):
        if items.count():
            break
        page.wait_for_timeout(300)
        if not paste:
            box.press("End")  # typed before the worker was ready: Material answers the next key
    items.first.wait_for(timeout=5000)
    before = None
    for _ in range(20):  # results of a partial query can arrive first: wait until the list settles
        page.wait_for_timeout(300)
        now = (page.locator(".md-search-result__meta").inner_text(), items.count())
        if now == before:
            break
        before = now
    total = int(re.search(r"\d+", before[0]).group(0))
    load_all_results(page, items, total, query)
    snippets = page.eval_on_selector_all(".md-search-result__item", "els => els.map(e => e.innerHTML)")
    assert not [s for s in snippets if "\u200b" in s], f"{query}: U+200B in the result list"
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(a => a.href)")
    return {urlparse(h).path for h in hrefs}


def test_library_wordings_typed_and_pasted_into_materials_box(page, visible_texts):
    queries = library_queries()
    page.goto("/")
    problems = []
    cases = [(q, False) for q in TYPED] + [(q, True) for q in PASTED]
    assert len(cases) >= 20
    for q, paste in cases:
        found = typed_results(page, q, paste=paste)
        entry = queries.get(q, (None,))[0]
        if entry and entry not in found:
            problems.append(f"{q}: entry {entry} not found ({'pasted' if paste else 'typed'})")
        without = sorted(u for u in found if _squeeze(q) not in visible_texts.get(u, ""))
        if without:
            problems.append(f"{q}: results without it: {without}")
    assert not problems, "\n".join(problems)
    assert not page.js_errors


def test_a_pasted_query_is_answered(page):
    """No key event at all (a paste with the mouse): the list shows results, not 键入以开始搜索."""
    page.goto("/")
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_timeout(1500)  # the worker is ready: only the paste itself can start the search
    box.evaluate("(el, q) => { el.value = q; el.dispatchEvent(new InputEvent('input', "
                 "{ bubbles: true, inputType: 'insertFromPaste' })); }", "一岗双责")
    page.locator(".md-search-result__item").first.wait_for(timeout=5000)
    assert "键入以开始搜索" not in page.locator(".md-search-result__meta").inner_text()
