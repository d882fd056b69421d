# Two commands on a fresh machine: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
RUN_STAMP := $(VENV)/.run-installed
TEST_STAMP := $(VENV)/.test-installed
GEODATA := geodata/build/report.json
# axe-core for the accessibility test, from the npm registry (injected by the test itself).
AXE := tests/browser/axe/node_modules/axe-core/axe.min.js

.PHONY: run test bench lint geodata demo-data clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@ $(RUN_STAMP)

$(GEODATA): | $(RUN_STAMP)
	$(PY) -m geodata build
	$(PY) -m routes.static_files

geodata: $(GEODATA)

$(AXE): tests/browser/axe/package.json tests/browser/axe/package-lock.json
	npm ci --prefix tests/browser/axe --no-audit --no-fund --silent
	touch $@

run: $(RUN_STAMP) $(GEODATA)
	$(PY) app.py

test: $(TEST_STAMP) $(GEODATA) $(AXE)
	$(PY) -m pytest

bench: $(TEST_STAMP) $(GEODATA)
	$(PY) -m tests.benchmarks.run

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

demo-data: $(RUN_STAMP) $(GEODATA)
	$(PY) -m tools.demo_builder

clean:
	rm -rf $(VENV) geodata/build .cache
