# The two commands that matter: `make run` and `make test`. Everything else is for developers.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PY := .venv/bin/python
TOOLS := .cache/tools
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON := python3.11

.PHONY: help setup run test memory lint format schemas bench chaos audit up down

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  \033[1m%-10s\033[0m %s\n", $$1, $$2}'

setup: ## Install what is missing: nginx, uv, Python packages, Kafka's jars, the FerretDB launcher
	@bash deploy/local/setup.sh

run: setup ## Start the whole system (database, broker, services, sandboxes, gateway; REPLICAS=2 runs two of each HTTP service); Ctrl-C stops it
	@$(PY) -m devstack run --replicas $(or $(REPLICAS),1)

test: setup ## Lint, then run the whole suite on a real broker and database started for this run
	@$(MAKE) -s lint
	@$(PY) -m pytest

memory: ## Resident memory of the stack that `make run` started
	@$(PY) -m devstack memory

lint: ## ruff (lint + format check) and mypy --strict
	@.venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/mypy libs/*/src services/*/src sandboxes/src

format: ## Apply ruff's fixes and formatting
	@.venv/bin/ruff check --fix . && .venv/bin/ruff format .

schemas: ## Regenerate docs/asyncapi.json from the event models
	@$(PY) -m contracts.asyncapi > docs/asyncapi.json

bench: setup ## Print performance figures (needs nothing running; starts its own stack)
	@$(PY) -m devstack.bench

chaos: setup ## Payments under injected faults and kills, then the invariants checked (PAYMENTS=2000, SEED=random)
	@$(PY) -m devstack.chaos --payments $(or $(PAYMENTS),2000) $(if $(SEED),--seed $(SEED))

audit: ## Print known vulnerabilities of the Python and npm dependencies (pip-audit, npm audit); never fails, as a registry may not answer
	@echo "== pip-audit (the locked Python dependencies)"
	@requirements=$$(mktemp) && $(TOOLS)/bin/uv export --frozen --format requirements-txt --no-emit-workspace --quiet > $$requirements \
		&& timeout 300 .venv/bin/pip-audit --requirement $$requirements --disable-pip --progress-spinner off 2>&1 \
		| awk '/could not be audited/ {skipped++; next} {print} END {if (skipped) print skipped " dependencies were not audited: the vulnerability service did not answer for them"}'; \
		rm -f $$requirements
	@echo "== npm audit (web/)"
	@cd web && timeout 300 npm audit || echo "(npm audit could not finish: findings above, or the registry did not answer)"

up: ## Docker path: the same system with the official Kafka and MongoDB images
	docker compose -f deploy/docker-compose.yml up --build

down: ## Docker path: stop it
	docker compose -f deploy/docker-compose.yml down
