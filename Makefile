# 述职述廉报告写作手册 — the two commands of the README, and their helpers.
#   make serve    virtual environment + install + serve on http://127.0.0.1:8000
#   make test     install what the tests need (Debian's chromium included) + every test
# Also: make build (strict build into site/), make offline (zip that works from file://),
#       make bench (benchmarks, see bench/README.md).

PYTHON   ?= python3
VENV     ?= .venv
BIN      := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1
# Bytecode is cached (our modules are not recompiled on every build), outside
# the source tree so that copies of the project stay clean.
unexport PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX := $(CURDIR)/$(VENV)/pycache

.PHONY: serve build offline test bench browser clean help

help:
	@sed -n '2,6p' Makefile

# A stamp per requirements set: re-installs when a requirements file changes.
$(VENV)/.site-installed: requirements.txt constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	@touch $@

$(VENV)/.test-installed: $(VENV)/.site-installed requirements-test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt -c constraints.txt
	@touch $@

serve: $(VENV)/.site-installed
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

# The site, and in it the offline package that /about/ links (downloads/handbook-offline.zip).
SITE := site
build: $(VENV)/.site-installed
	$(BIN)/mkdocs build --strict --clean -d $(SITE)
	$(BIN)/python -m macros offline --out $(SITE)/downloads/handbook-offline.zip

offline: $(VENV)/.site-installed
	$(BIN)/python -m macros offline --out build/handbook-offline.zip

# Debian's Chromium for the browser tests (Playwright drives it; it never
# downloads a browser of its own), a CJK font so pages render Chinese, and
# nginx, which serves the built site with deploy/nginx.conf in the tests.
browser:
	@if [ ! -x $(CHROMIUM) ] || [ ! -x /usr/sbin/nginx ] || ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-noto-cjk nginx >/dev/null; \
	fi
	@$(CHROMIUM) --version

# Tests build many temporary copies of the project: their bytecode is not kept.
test: export PYTHONDONTWRITEBYTECODE := 1
test: $(VENV)/.test-installed browser
	$(BIN)/python -m pytest

bench: $(VENV)/.test-installed
	$(BIN)/python bench/build.py
	$(BIN)/python bench/check.py
	$(BIN)/python bench/phrases_search.py
	$(BIN)/python bench/search_scale.py
	$(BIN)/python bench/update.py
	$(BIN)/python bench/anonymise.py
	$(BIN)/python bench/leakgate.py
	$(BIN)/python bench/edit_loop.py

clean:
	rm -rf site build .pytest_cache .cache
