# Every target installs what it needs from the pinned lock file first; nothing relies on the machine.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PYTHON ?= python3
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export GX_ANALYTICS_ENABLED := false

.PHONY: install browser release test bench clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip==26.3"
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium renders Data Docs and the release index in the browser tests.
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

release: install
	$(VENV)/bin/wiredesk release

test: install browser
	$(PY) -m pytest -q tests --ignore=tests/bench

bench: install
	$(PY) -m pytest -q -s tests/bench

clean:
	rm -rf $(VENV) output/releases output/.staging output/state output/.lock output/index.html output/releases.json
