"""Dark mode (Material's slate scheme, chosen by the system or the toggle): contrast holds."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("url", ["/", "/sections/opening/", "/samples/2023-finance-head-duty/", "/tools/check/",
                                 "/phrases/fixed-formulations/", "/years/2026/"])
def test_no_serious_accessibility_violation_in_dark_mode(browser, base_url, url):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(locale="zh-CN", base_url=base_url, color_scheme="dark")
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    results = Axe().run(page)
    bad = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    context.close()
    assert not bad, [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in bad]
