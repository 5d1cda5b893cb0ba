# Two commands do all set-up on a fresh Debian machine:
#   make plan   installs ecoplan and plans the embedded example zone
#   make test   also installs PostgreSQL and Chromium, then runs every check and test
VENV := .venv
PYTHON := $(VENV)/bin/python
OUT := out/example

.PHONY: plan test setup system bench

setup: $(VENV)/installed

$(VENV)/installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e '.[test]'
	touch $@

plan: setup
	$(VENV)/bin/ecoplan plan --out $(OUT)

system:
	bash scripts/install-system.sh

test: setup system
	bash scripts/test.sh

bench: setup
	$(PYTHON) bench/bench_plan.py
