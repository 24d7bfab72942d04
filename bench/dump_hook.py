"""MkDocs hook for bench/build.py only: save each page's Markdown after macros ran.

The benchmark builds these files with plain Material (no macros, no hooks) as
the baseline. A sample page's paragraph stubs are filled in (as raw HTML), so
that the baseline builds the page's whole content. Kept here, not in macros/:
production code carries no benchmark hooks.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.pages import samples as sample_pages  # noqa: E402

DUMP_ENV = "HANDBOOK_DUMP_MARKDOWN"


@event_priority(-100)  # after mkdocs-macros has rendered the page
def on_page_markdown(markdown, page, config, files, **kwargs):
    out = Path(os.environ[DUMP_ENV]) / page.file.src_uri
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(sample_pages.fill_paragraphs(markdown, page.file.src_uri, config.use_directory_urls),
                   encoding="utf-8")
    return markdown
