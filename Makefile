# aikg: the two quick-start commands, `make demo` and `make test`, each set up what they need.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= build
# Debian's Chromium, for the screenshot and the browser tests (make demo works without it).
CHROMIUM ?= /usr/bin/chromium

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
# Needs no root and no system package: the screenshot is taken only where Chromium is installed.
demo: setup
	$(BIN)/aikg build -o $(OUT)
	@if [ -x "$(CHROMIUM)" ]; then \
		echo "$(BIN)/aikg view -o $(OUT)/graph.html --screenshot $(OUT)/graph.png"; \
		AIKG_CHROMIUM="$(CHROMIUM)" $(BIN)/aikg view -o $(OUT)/graph.html --screenshot $(OUT)/graph.png; \
	else \
		echo "demo: no screenshot ($(CHROMIUM) is absent); to get it: sudo make system-deps (or apt-get install chromium fonts-noto-cjk)"; \
	fi

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy src/aikg

# The whole test suite (CI runs this through .ci/run): one worker a core, each test file kept in
# one worker (its module fixtures, servers and browsers, start once); the slowest tests listed.
test: setup system-deps lint
	$(BIN)/pytest -q -n auto --dist loadfile --durations=25

clean:
	rm -rf $(OUT) dist .pytest_cache
