# Two entry points: `make check` runs figcheck on the seed releases, `make test` runs the tests.
# Both create .venv and install the project into it on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: check test clean

$(BIN)/figcheck: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

check: $(BIN)/figcheck
	mkdir -p reports
	$(BIN)/figcheck check seeds --format json -o reports/seeds.json --fail-level none
	$(BIN)/figcheck check seeds --format text -o reports/seeds.txt --fail-level none
	$(BIN)/figcheck check seeds --fail-level none

test: $(BIN)/figcheck
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) build *.egg-info
