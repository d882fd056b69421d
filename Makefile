# Two commands on a fresh machine: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# PYTHONWARNINGS: setuptools' editable-install notice is harmless and alarming.
PIP := PYTHONWARNINGS=ignore $(PY) -m pip install --quiet --disable-pip-version-check
RUN_STAMP := $(VENV)/.run-installed
TEST_STAMP := $(VENV)/.test-installed
GEODATA := geodata/build/tiles/communes.pmtiles
# axe-core for the accessibility test, from the npm registry (injected by the test itself).
AXE := tests/browser/axe/node_modules/axe-core/axe.min.js

.PHONY: run test test-fast bench lint lock geodata vendor demo-data clean

$(PY):
	@echo "→ Environnement Python (.venv)"
	$(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip

# Dependencies come from the lock files (exact versions); the project itself without deps.
$(RUN_STAMP): pyproject.toml requirements.lock | $(PY)
	@echo "→ Dépendances de l'application (requirements.lock), une minute environ"
	$(PIP) -r requirements.lock
	$(PIP) --no-deps -e .
	touch $@

$(TEST_STAMP): pyproject.toml requirements-test.lock | $(PY)
	@echo "→ Dépendances de test (requirements-test.lock)"
	$(PIP) -r requirements-test.lock
	$(PIP) --no-deps -e .
	touch $@ $(RUN_STAMP)

$(GEODATA): | $(RUN_STAMP)
	@echo "→ Géographie de référence (une fois, quelques dizaines de secondes)"
	$(PY) -m geodata build
	$(PY) -c 'from routes import static_files; static_files.main()'

geodata: $(GEODATA)

$(AXE): tests/browser/axe/package.json tests/browser/axe/package-lock.json
	npm ci --prefix tests/browser/axe --no-audit --no-fund --silent
	touch $@

run: $(RUN_STAMP) $(GEODATA)
	$(PY) app.py

test: $(TEST_STAMP) $(GEODATA) $(AXE)
	$(PY) -m pytest

# Unit tests only: the fast lane for a developer's loop (under 2 minutes).
test-fast: $(TEST_STAMP)
	$(PY) -m pytest tests/unit -q

bench: $(TEST_STAMP) $(GEODATA)
	$(PY) -m tests.benchmarks.run

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

# Rebuild the lock files from pyproject.toml in throw-away environments.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv && .lock-venv/bin/pip install --quiet .
	{ echo "# Runtime dependencies, pinned (make lock rebuilds this file from pyproject.toml)."; \
	  .lock-venv/bin/pip freeze --exclude-editable | grep -v '^ti-dashboard'; } > requirements.lock
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv && .lock-venv/bin/pip install --quiet ".[test,postgresql]"
	{ echo "# Runtime, test and PostgreSQL dependencies, pinned (make lock rebuilds this file)."; \
	  .lock-venv/bin/pip freeze --exclude-editable | grep -v '^ti-dashboard'; } > requirements-test.lock
	rm -rf .lock-venv

# The map's browser libraries (committed under assets/vendor/): rebuilt identically from
# tools/vendor/package-lock.json, source-map comments dropped (the maps are not shipped).
NPM_VENDOR := tools/vendor/node_modules
MAP_VENDOR := assets/vendor/map
vendor:
	npm ci --prefix tools/vendor --no-audit --no-fund --silent
	mkdir -p $(MAP_VENDOR)
	for f in maplibre-gl.mjs maplibre-gl-worker.mjs; do \
	  sed '/^\/\/# sourceMappingURL=/d' $(NPM_VENDOR)/maplibre-gl/dist/$$f > $(MAP_VENDOR)/$$f; done
	cp $(NPM_VENDOR)/maplibre-gl/dist/maplibre-gl.css $(MAP_VENDOR)/
	cp $(NPM_VENDOR)/maplibre-gl/LICENSE.txt $(MAP_VENDOR)/maplibre-gl.LICENSE.txt
	sed '/^\/\/# sourceMappingURL=/d' $(NPM_VENDOR)/pmtiles/dist/pmtiles.js > $(MAP_VENDOR)/pmtiles.js
	cp tools/vendor/PMTILES-LICENSE.txt $(MAP_VENDOR)/pmtiles.LICENSE.txt
	cp $(NPM_VENDOR)/fflate/LICENSE $(MAP_VENDOR)/fflate.LICENSE.txt  # bundled in pmtiles.js

demo-data: $(RUN_STAMP) $(GEODATA)
	$(PY) -m tools.demo_builder

clean:
	rm -rf $(VENV) geodata/build .cache
