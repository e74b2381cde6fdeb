# make site: build the guidebook into site/ (replaced only when the whole build succeeded).
# make test: run every test. Both set up what they need on a fresh machine.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test clean

$(STAMP): pyproject.toml
	rm -f $(VENV)/.installed-*
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; \
	  print('\n'.join(p['dependencies'] + p['optional-dependencies']['test']))" > $(VENV)/requirements.txt
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r $(VENV)/requirements.txt
	printf '#!/bin/sh\nPYTHONPATH="%s$${PYTHONPATH:+:$$PYTHONPATH}" exec "%s/$(VENV)/bin/python" -m macros.cli "$$@"\n' "$(CURDIR)" "$(CURDIR)" > $(VENV)/bin/guidebook
	chmod +x $(VENV)/bin/guidebook
	touch $@

site: $(STAMP)
	rm -rf .site-build
	$(VENV)/bin/mkdocs build --strict --quiet -d .site-build
	rm -rf site && mv .site-build site

test: $(STAMP)
	$(VENV)/bin/pytest -q

clean:
	rm -rf site .site-build $(VENV)
