# Glimmers: `make run` serves the app, `make test` runs every test. Both set themselves up first.
# Needs only Python 3.11+ and make; everything else comes from the lock file (uv.lock, with hashes).

PYTHON ?= python3
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
export UV_PYTHON_DOWNLOADS := never
# Compile bytecode at install: every CLI command starts faster, even where PYTHONDONTWRITEBYTECODE is set.
export UV_COMPILE_BYTECODE := 1
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: run test setup setup-dev lint format typecheck bench bench-jrnl fuzz fuzz-short crash load clean

# uv itself, pinned with hashes, in a small private environment of its own.
$(UV): tools/uv-requirements.txt
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r tools/uv-requirements.txt
	@touch $(UV)

setup: $(UV)
	$(UV) sync --locked --no-dev --quiet

setup-dev: $(UV)
	$(UV) sync --locked --quiet

## Set up and run Glimmers on its embedded default (SQLite in your user data folder).
## Another address or port: make run PORT=8001 (HOST=0.0.0.0 too; then read docs/self-hosting.md).
HOST ?= 127.0.0.1
PORT ?= 8000
run: setup
	$(VENV)/bin/glimmers serve --host $(HOST) --port $(PORT)

## Set up and run every test (browser tests need Chromium; PostgreSQL tests need GLIMMERS_TEST_DATABASE_URL).
test: setup-dev
	$(VENV)/bin/python -m pytest -n 2 --dist loadgroup

lint: setup-dev
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy

format: setup-dev
	$(VENV)/bin/ruff format src tests bench
	$(VENV)/bin/ruff check --fix src tests bench

## Time Glimmers as journals grow (SQLite; PostgreSQL too when GLIMMERS_TEST_DATABASE_URL is set), beside jrnl.
## Never part of `make test`; see docs/benchmarks.md. Writes bench/results/latest.md.
bench: setup-dev bench-jrnl
	$(VENV)/bin/python -m bench

# jrnl (the plain-text journal the bench compares with) from PyPI, pinned with hashes, in its own environment.
JRNL_VENV := .bench/jrnl-venv
bench-jrnl: $(JRNL_VENV)/bin/jrnl

$(JRNL_VENV)/bin/jrnl: bench/jrnl-requirements.txt | setup-dev
	$(UV) venv --quiet --clear --python $(VENV)/bin/python $(JRNL_VENV)
	$(UV) pip install --quiet --python $(JRNL_VENV)/bin/python --require-hashes -r bench/jrnl-requirements.txt
	@touch $@

## The proofs: measurements against a real `glimmers serve`, never part of `make test` (docs/testing.md).
## Each runs on SQLite, and on PostgreSQL too when GLIMMERS_TEST_DATABASE_URL is set, and writes its
## figures to bench/results/<target>.md.
# Schemathesis for FUZZ_MINUTES (default 10) per database; FUZZ_SEED repeats a run.
fuzz: setup-dev
	$(VENV)/bin/python -m bench.fuzz

# The short seeded run .ci/run makes: a fixed number of cases per operation (so a faster machine runs the same
# cases, not more), capped at a few minutes per database.
FUZZ_SHORT_SEED ?= 13
FUZZ_SHORT_EXAMPLES ?= 15
fuzz-short: setup-dev
	FUZZ_MINUTES=4 FUZZ_SEED=$(FUZZ_SHORT_SEED) FUZZ_EXAMPLES=$(FUZZ_SHORT_EXAMPLES) $(VENV)/bin/python -m bench.fuzz --results fuzz-short

# Writers through CRASH_KILLS (default 50) kill -9s of the server: nothing acknowledged may be lost.
crash: setup-dev
	$(VENV)/bin/python -m bench.crash

# Locust: LOAD_PEOPLE (default 50) for LOAD_MINUTES (default 5), then again beside a heavy writer.
load: setup-dev
	$(VENV)/bin/python -m bench.load

clean:
	rm -rf $(VENV) $(TOOLS)
