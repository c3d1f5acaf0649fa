# Two commands for a newcomer:
#   make run    set up (first time) and run the main job
#   make test   set up (first time) and run the test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench setup clean

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,server]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/cadagent ui

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/cadagent bench sandbox

clean:
	rm -rf $(VENV) out .cadagent .pytest_cache
