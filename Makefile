# MI Site: `make run` serves the demo site, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Local development only: `make run` never needs anything typed or exported.
DEV_ENV := DEBUG=1 SECURE_SSL_REDIRECT=0
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test test-fast browser lint format migrate demo bench two-servers clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("MI Site needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

migrate: install
	$(DEV_ENV) $(PY) manage.py migrate --noinput

demo: migrate
	$(DEV_ENV) $(PY) manage.py load_demo_content

run: demo
	@$(DEV_ENV) $(PY) manage.py demo_logins --base-url http://$(HOST):$(PORT)
	$(DEV_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

# Every test: SQLite by default, PostgreSQL when DATABASE_URL is set. Browser tests run when
# Debian's chromium is installed, the HTML validity tests when java is; each is skipped, with a
# plain message, when it is not.
test: install
	@if [ -x /usr/bin/chromium ]; then echo "Browser tests: on (/usr/bin/chromium)"; \
	else echo "Browser tests: SKIPPED - /usr/bin/chromium not found (apt-get install chromium)"; fi
	@if command -v java >/dev/null; then echo "HTML validity tests: on ($$(command -v java))"; \
	else echo "HTML validity tests: SKIPPED - no java (apt-get install default-jre-headless)"; fi
	$(PY) -m pytest -n auto --dist loadfile -q $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Scale-out on one machine: two app servers, one Redis, one PostgreSQL (README, "Deployment").
two-servers: install
	$(PY) deploy/two_servers.py

# Throughput and latency of every page type at ARTICLES=10000 on PostgreSQL, gunicorn and
# nginx, measured with wrk (README, "Benchmark"). Not part of `make test`.
bench:
	bash bench/run

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
