"""The home page's 我要写什么 chooser: report type, role (variant) and report year.

`chooser()` writes the form with its data in one attribute (data-choose, JSON,
built from templates/ at build time): every report type with its own variants
and its samples, the calendar's years and the links the three buttons lead to.
handbook.js reads it, remembers the choice (localStorage, site-wide) and
preselects tabs, variants and years on the other pages.
"""
from __future__ import annotations

import html
import json
from typing import Any

from ..content import assemble, calendar, genres, samples, sections
from . import context


def chooser_data() -> dict[str, Any]:
    """The chooser's data: genres (variants, samples newest first), years, links."""
    labels = assemble.variant_labels()
    all_samples = sorted(samples.all_samples().values(), key=lambda s: (-s.year, s.slug))
    out = []
    for g in genres.all_genres().values():
        out.append({
            "slug": g.slug,
            "title": g.title,
            "variants": [{"id": v, "label": labels[v]} for v in assemble.genre_variants(g)],
            "samples": [{"href": context.page_href(f"samples/{s.slug}"), "title": s.title, "year": s.year}
                        for s in all_samples if s.genre == g.slug],
        })
    return {
        "genres": out,
        "years": list(reversed(calendar.load_calendar().years)),
        "default_year": sections.default_year(),
        "links": {
            "draft": context.page_href("tools/draft"),
            "check": context.page_href("tools/check"),
            "samples": _index_href("samples"),
        },
    }


def _index_href(folder: str) -> str:
    """A folder's index page (docs/<folder>/index.md) in the URL style in force."""
    href = context.page_href(f"{folder}/index")
    return href[: -len("index/")] if href.endswith("index/") else href


def _select(id_: str, label: str, options: list[tuple[str, str]]) -> str:
    opts = "".join(f'<option value="{html.escape(v)}">{html.escape(t)}</option>' for v, t in options)
    return (f'<label class="hb-choose__field" for="{id_}"><span>{html.escape(label)}</span>'
            f'<select id="{id_}">{opts}</select></label>')


def chooser() -> str:
    """The 我要写什么 form (one raw HTML block: no blank lines)."""
    data = chooser_data()
    first = data["genres"][0]
    links = data["links"]
    payload = html.escape(json.dumps(data, ensure_ascii=False, separators=(",", ":")), quote=True)
    return (
        f'<form id="hb-choose" class="hb-choose" data-choose="{payload}" data-search-exclude '
        'aria-labelledby="hb-choose-title" onsubmit="return false">'
        '<p id="hb-choose-title" class="hb-choose__title">我要写什么</p>'
        '<div class="hb-choose__fields">'
        + _select("hb-choose-genre", "报告类型", [(g["slug"], g["title"]) for g in data["genres"]])
        + _select("hb-choose-variant", "我的身份（写法）", [(v["id"], v["label"]) for v in first["variants"]])
        + _select("hb-choose-year", "报告年度", [(str(y), f"{y}年度") for y in data["years"]])
        + '</div>'
        '<p id="hb-choose-now" class="hb-choose__now" role="status" aria-live="polite"></p>'
        '<div class="hb-choose__go">'
        f'<a id="hb-choose-draft" class="md-button md-button--primary" href="{html.escape(links["draft"])}">拼出整篇初稿</a>'
        f'<a id="hb-choose-check" class="md-button" href="{html.escape(links["check"])}">检查写好的初稿</a>'
        f'<a id="hb-choose-sample" class="md-button" href="{html.escape(links["samples"])}">看同类样本</a>'
        '</div>'
        '</form>'
    )
