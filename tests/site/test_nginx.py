"""The built site behind Debian's nginx, with the shipped deploy/nginx.conf: types, compression,
cache headers, the 404 page, and the site working in Chromium through it.

Only `listen` and `root` of the shipped file are replaced; nginx runs on loopback.
"""
from __future__ import annotations

import gzip
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from macros.base import paths

NGINX = "/usr/sbin/nginx"
SHIPPED = paths.ROOT / "deploy" / "nginx.conf"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def nginx_url(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: run `make test`, which installs Debian's nginx")
    work = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    server = SHIPPED.read_text(encoding="utf-8")
    for old, new in (("listen 80;", f"listen 127.0.0.1:{port};"), ("root /srv/handbook/site;", f"root {site_dir};")):
        assert server.count(old) == 1, old
        server = server.replace(old, new)
    (work / "handbook.conf").write_text(server, encoding="utf-8")
    temp = {k: work / k for k in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for d in temp.values():
        d.mkdir()
    (work / "nginx.conf").write_text(
        ""
        # As root (CI), workers would run as nobody and could not read pytest's private temp folders.
        + ("user root;\n" if os.geteuid() == 0 else "")
        + f"daemon off; pid {work}/nginx.pid; error_log {work}/error.log warn;\n"
        "events { worker_connections 64; }\n"
        "http {\n  access_log off;\n"
        f"  client_body_temp_path {temp['body']}; proxy_temp_path {temp['proxy']};\n"
        f"  fastcgi_temp_path {temp['fastcgi']}; uwsgi_temp_path {temp['uwsgi']}; scgi_temp_path {temp['scgi']};\n"
        "  include /etc/nginx/mime.types; default_type application/octet-stream;\n"
        f"  include {work}/handbook.conf;\n}}\n", encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-c", str(work / "nginx.conf"), "-p", str(work)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen([NGINX, "-c", str(work / "nginx.conf"), "-p", str(work)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/", timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield url
    proc.terminate()
    proc.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)


def get(url: str, **headers: str):
    req = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def test_pages_word_files_and_data_have_their_types(nginx_url, site_dir):
    status, h, body = get(nginx_url + "/")
    assert status == 200 and h["Content-Type"] == "text/html; charset=utf-8"
    assert "述职述廉报告写作手册" in body.decode("utf-8")
    docx = next((site_dir / "downloads" / "genres").glob("*.docx")).name
    status, h, body = get(f"{nginx_url}/downloads/genres/{docx}")
    assert status == 200 and body[:2] == b"PK"
    assert h["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    status, h, _ = get(nginx_url + "/phrases/phrases.json")
    assert status == 200 and h["Content-Type"].startswith("application/json")
    assert get(nginx_url + "/assets/javascripts/common.js")[1]["Content-Type"].startswith("application/javascript")


def test_text_is_compressed(nginx_url):
    status, h, body = get(nginx_url + "/search/search_index.json", **{"Accept-Encoding": "gzip"})
    assert status == 200 and h.get("Content-Encoding") == "gzip"
    assert gzip.decompress(body).startswith(b"{")


def test_hashed_assets_are_cached_and_the_rest_revalidated(nginx_url, site_dir):
    bundle = next((site_dir / "assets" / "javascripts").glob("bundle.*.min.js")).name
    h = get(f"{nginx_url}/assets/javascripts/{bundle}")[1]
    assert "immutable" in h["Cache-Control"] and "max-age=31536000" in h["Cache-Control"]
    for path in ("/", "/assets/javascripts/handbook.js", "/assets/javascripts/check-rules.js"):
        assert get(nginx_url + path)[1]["Cache-Control"] == "no-cache", path
    assert get(nginx_url + "/")[1]["X-Content-Type-Options"] == "nosniff"


def test_a_missing_page_gets_the_handbooks_404(nginx_url):
    status, _, body = get(nginx_url + "/no/such/page/")
    assert status == 404 and "md-header" in body.decode("utf-8")


@pytest.mark.browser
def test_the_site_works_in_chromium_through_nginx(browser, nginx_url):
    context = browser.new_context(locale="zh-CN", base_url=nginx_url)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto("/tools/check/")
    page.fill("#hb-check-input", "全年召开党组会XX次。")
    page.wait_for_function("document.querySelectorAll('#hb-check-list li').length > 0")
    page.goto("/tools/draft/")
    page.wait_for_function("window.HandbookDraft && document.querySelector('#hb-draft-preview p')")
    with page.expect_download() as info:
        page.click("#hb-draft-docx")
    assert info.value.suggested_filename.endswith(".docx")
    page.goto("/phrases/")
    page.locator("#hb-ps[data-ready]").wait_for(state="attached")
    assert not errors, errors
    assert all(u.startswith(nginx_url) or u.startswith(("data:", "blob:")) for u in requests), requests
    context.close()
