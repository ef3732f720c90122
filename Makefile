# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
PYTEST_WORKERS ?= 2

.PHONY: run test lint install migrate seed worker bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

NODE_STAMP := node_modules/.installed

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $(NODE_STAMP)

install: $(STAMP)

migrate: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --verbosity 0

seed: migrate
	DJANGO_DEBUG=1 $(BIN)/python manage.py seed_oslo
	DJANGO_DEBUG=1 $(BIN)/python manage.py seed_demo

run: seed
	@echo ""
	@echo "OXLO-portalen kjører på http://127.0.0.1:$(PORT)/"
	@echo "Demobrukere (passord: $${DEMO_PASSWORD:-demo}):"
	@echo "  admin     Administrator"
	@echo "  radgiver  Rådgiver"
	@echo "  kontakt   Kontaktperson for Bydel Frogner"
	@echo ""
	DJANGO_DEBUG=1 $(BIN)/python manage.py db_worker --verbosity 0 & \
	worker=$$!; trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint $(NODE_STAMP)
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run --verbosity 0
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile

clean:
	rm -rf $(VENV) var
