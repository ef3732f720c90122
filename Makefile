# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Where links in e-mails lead: the server `make run` starts, unless set otherwise.
OXLO_BASE_URL ?= http://127.0.0.1:$(PORT)
STAMP := $(VENV)/.installed
PYTEST_WORKERS ?= 2

.PHONY: run test lint install migrate seed worker bench bench-autosave clean messages compilemessages loadtest punkt

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

# Oslo kommune's design system Punkt (package.json pins the versions): the files the
# portal uses, copied into static/vendor/punkt/ and committed, so `make run` needs no
# npm. The stylesheet's few CDN icon links are pointed at the copied icons (closed network).
PUNKT_CSS := node_modules/@oslokommune/punkt-css
PUNKT_ASSETS := node_modules/@oslokommune/punkt-assets
PUNKT_DIR := static/vendor/punkt
PUNKT_FONTS := OsloSans-Light OsloSans-Regular OsloSans-RegularItalic OsloSans-Medium \
	OsloSans-Bold OsloIcons
PUNKT_ICONS := check-medium chevron-thin-down minus-sign new-window-small user \
	chevron-down chevron-right exit language
PUNKT_LOGOS := oslologo.svg favicon.ico 32x32-favicon.svg 180x180-favicon.png
punkt: $(NODE_STAMP)
	rm -rf $(PUNKT_DIR)
	mkdir -p $(PUNKT_DIR)/css $(PUNKT_DIR)/fonts $(PUNKT_DIR)/icons $(PUNKT_DIR)/logos
	sed -E 's#https://punkt-cdn\.oslo\.kommune\.no/[0-9.]+/icons/#../icons/#g' \
		$(PUNKT_CSS)/dist/css/pkt.min.css > $(PUNKT_DIR)/css/pkt.min.css
	! grep -q 'https://' $(PUNKT_DIR)/css/pkt.min.css
	for font in $(PUNKT_FONTS); do \
		cp $(PUNKT_ASSETS)/dist/fonts/$$font.woff $(PUNKT_ASSETS)/dist/fonts/$$font.woff2 \
			$(PUNKT_DIR)/fonts/; done
	for icon in $(PUNKT_ICONS); do cp $(PUNKT_ASSETS)/dist/icons/$$icon.svg $(PUNKT_DIR)/icons/; done
	for logo in $(PUNKT_LOGOS); do cp $(PUNKT_ASSETS)/dist/logos/$$logo $(PUNKT_DIR)/logos/; done
	cp $(PUNKT_CSS)/LICENSE $(PUNKT_DIR)/LICENSE
	printf '%s\n' "punkt-css $$(node -p "require('./$(PUNKT_CSS)/package.json').version")" \
		"punkt-assets $$(node -p "require('./$(PUNKT_ASSETS)/package.json').version")" \
		> $(PUNKT_DIR)/VERSIONS

# Translations: `make messages` collects the strings into locale/en/…/django.po;
# the .mo files are compiled by `make run` and `make test`.
messages: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemessages -l en --no-location \
		--ignore=.venv --ignore=var --ignore=tests --verbosity 0

# The compiled catalogue is committed too, so a machine without gettext still runs.
compilemessages: install
	@if command -v msgfmt >/dev/null; then \
		DJANGO_DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv --verbosity 0; \
	else echo "gettext (msgfmt) is missing: using the committed .mo files"; fi

migrate: install compilemessages
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --verbosity 0

seed: migrate
	DJANGO_DEBUG=1 $(BIN)/python manage.py seed_oslo
	DJANGO_DEBUG=1 $(BIN)/python manage.py seed_demo

RUN_ENV = DJANGO_DEBUG=1 OXLO_BASE_URL=$(OXLO_BASE_URL)
run: seed
	@echo ""
	@echo "OXLO-portalen kjører på http://127.0.0.1:$(PORT)/"
	@echo "Demobrukere (passord: $${DEMO_PASSWORD:-demo}):"
	@echo "  admin     Administrator"
	@echo "  radgiver  Rådgiver"
	@echo "  kontakt   Kontaktperson for Bydel Frogner"
	@echo ""
	$(RUN_ENV) $(BIN)/python manage.py db_worker --verbosity 0 & \
	worker=$$!; trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	$(RUN_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint compilemessages $(NODE_STAMP)
	DJANGO_DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run --verbosity 0
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile

# Deadline-day load (loadtest/README.md): about 7 minutes, 127.0.0.1 only.
loadtest: install compilemessages
	$(BIN)/pip install --quiet -e ".[load]"
	loadtest/run.sh

# Seeds 80 answered units into a fresh database and measures the consolidated export.
BENCH_ENV := DJANGO_DEBUG=1 OXLO_VAR_DIR=var/bench DATABASE_URL=sqlite:///var/bench/oxlo.sqlite3 \
	DJANGO_EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
bench: install
	rm -rf var/bench && mkdir -p var/bench
	$(BENCH_ENV) $(BIN)/python manage.py migrate --verbosity 0
	$(BENCH_ENV) $(BIN)/python manage.py seed_oslo --verbosity 0
	$(BENCH_ENV) $(BIN)/python manage.py seed_demo --units 80 --fill --verbosity 0
	$(BENCH_ENV) $(BIN)/python manage.py bench_exports

# An autosave naming list row 20 000 or 100 000 against a normal autosave of the
# largest chapter (issue 17): the refusal must cost no more than a normal save.
bench-autosave: install
	rm -rf var/bench && mkdir -p var/bench
	$(BENCH_ENV) $(BIN)/python manage.py migrate --verbosity 0
	$(BENCH_ENV) $(BIN)/python manage.py seed_oslo --verbosity 0
	$(BENCH_ENV) $(BIN)/python manage.py seed_demo --verbosity 0
	$(BENCH_ENV) $(BIN)/python manage.py bench_autosave

clean:
	rm -rf $(VENV) var
