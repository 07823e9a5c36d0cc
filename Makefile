# locpipe — `make run` and `make test` are all a newcomer needs.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
OUT ?= out
LANGS ?= es
export XDG_DATA_HOME ?= $(CURDIR)/.cache/xdg-data
export XDG_CONFIG_HOME ?= $(CURDIR)/.cache/xdg-config
export XDG_CACHE_HOME ?= $(CURDIR)/.cache/xdg-cache

.DEFAULT_GOAL := help
.PHONY: help venv run test lint bench eval fuzz robustness test-model clean

help:  ## show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c constraints.txt torch==2.13.0
	$(PY) -m pip install -q -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

venv: $(STAMP)  ## create .venv and install locpipe with its dev tools

run: $(STAMP)  ## the main job: run the pipeline on samples/ into out/
	$(PY) -m locpipe run samples/ --to $(LANGS) --out $(OUT) --install-missing

test: $(STAMP)  ## run the test suite
	$(PY) -m pytest -q

lint: $(STAMP)  ## ruff + mypy
	$(PY) -m ruff check locpipe tests scripts
	$(PY) -m mypy

bench: $(STAMP)  ## speed and memory figures (translation, detection)
	$(PY) scripts/bench.py

eval: $(STAMP)  ## detector precision/recall on ../shared/eval (skipped when absent)
	$(PY) scripts/eval_detectors.py

fuzz: $(STAMP)  ## bounded fuzzing of parsers and importers
	$(PY) -m pip install -q -e '.[fuzz]'
	$(PY) scripts/fuzz.py --minutes $${FUZZ_MINUTES:-10}

robustness: $(STAMP)  ## what was tried and survived: fuzzing, size, faults, attacks
	$(PY) scripts/robustness.py

test-model: $(STAMP)  ## rebuild tests/data/toy model (needs the 'train' extra)
	$(PY) -m pip install -q -e '.[train]'
	$(PY) scripts/build_test_model.py

clean:  ## remove outputs, caches and the virtual environment
	rm -rf $(OUT) .cache .pytest_cache .mypy_cache .ruff_cache build *.egg-info $(VENV)
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
