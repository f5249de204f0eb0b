# aikg: the two quick-start commands, `make demo` and `make test`, each set up what they need.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= build

.PHONY: demo test setup system-deps lint clean

# A virtual environment with aikg (editable) and its test tools; redone when pyproject changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

setup: $(VENV)/.installed

# Debian packages for the browser tests and screenshots (headless Chromium, CJK fonts).
system-deps:
	bash scripts/install-system-deps

# The main job: build and validate the bundled graph, write every output, show where they are.
demo: setup system-deps
	$(BIN)/aikg build -o $(OUT)
	$(BIN)/aikg view -o $(OUT)/graph.html --screenshot $(OUT)/graph.png

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

# The whole test suite (CI runs this through .ci/run).
test: setup system-deps lint
	$(BIN)/pytest -q

clean:
	rm -rf $(OUT) dist .pytest_cache
