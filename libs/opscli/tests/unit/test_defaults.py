"""The defaults are what `make run` starts, and every service's database is looked at."""

from __future__ import annotations

from devstack.ports import HTTP_SERVICES, StackPorts
from payportal.endpoints import DEFAULT_GATEWAY, DEFAULT_KAFKA, DEFAULT_MONGO, SERVICE_DATABASES


def test_defaults_point_at_the_stack_make_run_starts() -> None:
    ports = StackPorts()
    assert f"127.0.0.1:{ports.kafka}" == DEFAULT_KAFKA
    assert f"mongodb://127.0.0.1:{ports.mongo}/" == DEFAULT_MONGO
    assert f"http://127.0.0.1:{ports.gateway}" == DEFAULT_GATEWAY


def test_every_http_service_database_is_read_for_dead_letters_and_outboxes() -> None:
    # ops-desk keeps nothing of its own (no outbox, no consumer): it reads the others
    assert set(SERVICE_DATABASES) == set(HTTP_SERVICES) - {"ops_desk"}
