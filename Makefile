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

# The seeds have known discrepancies, so the reports are written whatever is found
# (--exit-zero); the last command prints the findings.
check: $(BIN)/figcheck
	mkdir -p reports
	$(BIN)/figcheck check seeds --format html -o reports/seeds.html --exit-zero
	$(BIN)/figcheck check seeds --format markdown -o reports/seeds.md --exit-zero
	$(BIN)/figcheck check seeds --format json -o reports/seeds.json --exit-zero
	$(BIN)/figcheck check seeds --exit-zero

test: $(BIN)/figcheck
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) build *.egg-info
