# Two commands for a fresh machine (see README.md):
#   make demo   installs clausecheck in .venv and analyses samples/
#   make test   installs what the tests need (Debian packages included) and runs the suite
PYTHON ?= python3.11
VENV ?= .venv
BIN = $(VENV)/bin
DEBIAN_TEST_PACKAGES = libreoffice-writer-nogui poppler-utils chromium fonts-dejavu-core fonts-liberation

.PHONY: demo install install-test debian-packages test lint evaluate bench samples

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

demo: install
	$(BIN)/clausecheck analyze samples/*.docx samples/*.pdf

debian-packages:
	@missing=""; for p in $(DEBIAN_TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; fi; \
	fi

install-test: $(BIN)/python debian-packages
	$(BIN)/pip install --quiet -e '.[test]'

lint: install-test
	$(BIN)/ruff check clausecheck tests scripts samples corpus
	$(BIN)/mypy
	$(BIN)/lint-imports

test: install-test lint
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python scripts/bench_ingest.py

evaluate: install
	$(BIN)/python scripts/cuad_segmentation.py

samples: install-test
	$(BIN)/python samples/build.py
