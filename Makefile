# Cổng: the two commands that do everything on a fresh machine are
#   make demo   (set up, load demo content, build, index, serve)
#   make test   (set up, run the whole test suite)
SHELL := /bin/bash
PYTHON_BIN ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
STAMP := $(VENV)/.installed
BENCH_N ?= 1000,5000,20000
PYTEST_ARGS ?=

.PHONY: setup demo test lint format lock serve bench bench-search browser-deps clean

setup: $(STAMP) .env var

$(VENV)/bin/python:
	$(PYTHON_BIN) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade "pip==26.3"

$(STAMP): requirements.lock $(VENV)/bin/python
	$(PIP) install --quiet --require-virtualenv -r requirements.lock
	touch $(STAMP)

.env:
	@printf 'DEBUG=1\nSECRET_KEY=dev-%s\n' "$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(40))')" > .env
	@echo "Wrote a development .env (DEBUG=1, random SECRET_KEY)."

var:
	mkdir -p var

migrate: setup
	$(MANAGE) migrate --no-input -v0

demo: migrate
	$(MANAGE) load_demo
	$(MANAGE) build_sites
	$(MANAGE) index_search --full
	$(MANAGE) serve_demo

test: setup browser-deps
	$(PY) -m pytest $(PYTEST_ARGS)

browser-deps:
	@bash .ci/browser-deps.sh

lint: setup
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: migrate
	$(PY) -m tests.bench --sizes $(BENCH_N)

# Search: indexing throughput, query latency p50/p95 at 10k and 100k documents, API req/s.
bench-search: setup
	$(PY) -m tests.bench.bench_search --sizes 20000,100000 --api-seconds 10

# Re-resolve every pinned version from pyproject.toml's direct dependencies.
lock:
	rm -rf var/lock-venv && python3 -m venv var/lock-venv
	var/lock-venv/bin/pip install --quiet --upgrade "pip==26.3"
	var/lock-venv/bin/pip install --quiet $$(python3 -c 'import tomllib; d = tomllib.load(open("pyproject.toml", "rb")); print(" ".join(d["project"]["dependencies"] + d["project"]["optional-dependencies"]["test"]))')
	var/lock-venv/bin/pip freeze --exclude-editable | sort -f > requirements.lock
	rm -rf var/lock-venv

clean:
	rm -rf dist var/db.sqlite3* var/search-index var/search-index.d var/media var/build var/search-pending

# Search API under load for LOAD_SECONDS (wrk if installed, else a Python client):
# requests/s, p50/p99 latency, errors, plus a short check that the rate limit answers 429.
LOAD_SECONDS ?= 60
# A whole province (issue 17): 121 sites, 10k + 20×2k + 100×300 articles times BENCH_SCALE.
BENCH_SCALE ?= 1
.PHONY: bench-province
bench-province: setup
	$(PY) -m tests.bench.bench_province --scale $(BENCH_SCALE) --jobs 2

.PHONY: bench-load
bench-load: setup
	$(PY) -m tests.bench.load_search --seconds $(LOAD_SECONDS)
