# The two commands that matter: `make run` and `make test`. Everything else is for developers.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PY := .venv/bin/python
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON := python3.11

.PHONY: help setup run test memory lint format schemas bench chaos up down

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

up: ## Docker path: the same system with the official Kafka and MongoDB images
	docker compose -f deploy/docker-compose.yml up --build

down: ## Docker path: stop it
	docker compose -f deploy/docker-compose.yml down
