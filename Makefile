# make site: build the guidebook into site/ (replaced only when the whole build succeeded).
# make test: run every test. Both set up what they need on a fresh machine.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | sha1sum | cut -c1-12)
export NO_MKDOCS_2_WARNING := 1
# Debian packages: Chromium for the browser tests (Playwright drives it; no browser download),
# fonts so that every script of the guidebook renders (BIZ UD Gothic for Japanese print), Pango
# for WeasyPrint, and poppler-utils (pdftotext, pdffonts) for the print tests.
DEBIAN_PACKAGES := chromium fonts-noto-cjk fonts-noto-core fonts-morisawa-bizud-gothic \
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: site press test clean debian-packages

# Every package at the version and hash of requirements.lock (pip-compile from pyproject.toml),
# then the project itself, editable, for the `guidebook` command.
$(STAMP): requirements.lock pyproject.toml
	rm -f $(VENV)/.installed-*
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps --editable .
	touch $@

# `python -m guidebook.cli` (the `guidebook` command) runs the code beside this Makefile, even in a copy.
site: $(STAMP) debian-packages
	$(VENV)/bin/python -m guidebook.cli check
	rm -rf .site-build
	$(VENV)/bin/python -m guidebook.cli build --site .site-build
	$(VENV)/bin/python -m guidebook.cli pdf --site .site-build
	rm -rf site && mv .site-build site

# The press variant for the print team: every PDF again with 3 mm bleed and crop marks, beside
# the others in site/pdf/ (guidebook-<lang>-<edition>-press.pdf).
press: site
	$(VENV)/bin/python -m guidebook.cli pdf --press

debian-packages:
	@missing=""; for package in $(DEBIAN_PACKAGES); do \
	  dpkg -s $$package >/dev/null 2>&1 || missing="$$missing $$package"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; fi

# axe-core for the browser tests, at the version of package-lock.json.
AXE := node_modules/axe-core/axe.min.js
$(AXE): package.json package-lock.json
	command -v npm >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq npm >/dev/null; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# On every core (pytest-xdist), a test file at a time per worker: the session's PDFs are made by
# the worker that runs test_print.py, the browser audit by the one that runs its file.
test: $(STAMP) debian-packages $(AXE)
	$(VENV)/bin/pytest -q -n auto --dist loadfile

clean:
	rm -rf site .site-build $(VENV) node_modules
