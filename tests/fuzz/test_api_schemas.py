"""Every service's API, fuzzed through the gateway from its own OpenAPI: no 5xx, and every
answer's status, content type and body are the ones its schema documents."""

from __future__ import annotations

import importlib

import httpx
import pytest

from devstack.applications import FASTAPI_SERVICES, ServiceSpec
from devstack.stack import Stack
from tests.e2e.test_support import PASSWORDS
from tests.fuzz.fuzzing import fuzz

pytestmark = [pytest.mark.e2e, pytest.mark.fuzz]

EXAMPLES_PER_OPERATION = 30


def api_prefix(service: ServiceSpec) -> str:
    """Each service's bootstrap names its prefix under the gateway: a new service is fuzzed too."""
    prefix: str = importlib.import_module(service.module.partition(":")[0]).API_PREFIX
    return prefix


@pytest.mark.parametrize("service", FASTAPI_SERVICES, ids=lambda spec: spec.name)
def test_every_operation_answers_as_documented(system: Stack, service: ServiceSpec) -> None:
    failures = fuzz(system.gateway_url, api_prefix(service), EXAMPLES_PER_OPERATION)
    assert not failures, "\n\n".join(failures)


def test_the_desk_answers_as_documented_to_a_signed_in_supervisor(system: Stack) -> None:
    """The staff operations past the token check: listing, searching, acting on tickets."""
    password = system.secrets[PASSWORDS["supervisor"]]
    answer = httpx.post(
        f"{system.gateway_url}/api/support/auth/token",
        data={"username": "leyla", "password": password},
    )
    assert answer.status_code == 200, answer.text
    token = {"Authorization": f"Bearer {answer.json()['access_token']}"}
    failures = fuzz(system.gateway_url, "/api/support", EXAMPLES_PER_OPERATION, token)
    assert not failures, "\n\n".join(failures)
