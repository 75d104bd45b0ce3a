# Every target installs what it needs from the pinned lock file first; nothing relies on the machine.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
PYTHON ?= python3
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export GX_ANALYTICS_ENABLED := false

.PHONY: install browser release test bench fuzz clean

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

# Coverage-guided fuzzing (atheris) of the per-document path for FUZZ_SECONDS; findings land in .fuzz/.
FUZZ_SECONDS ?= 60
fuzz: install
	mkdir -p .fuzz
	$(PY) tests/fuzz/fuzz_document.py -max_total_time=$(FUZZ_SECONDS) -timeout=60 -rss_limit_mb=4096 \
		-artifact_prefix=.fuzz/ -print_final_stats=1

clean:
	rm -rf $(VENV) .fuzz output/releases output/.staging output/state output/.lock output/index.html output/releases.json
