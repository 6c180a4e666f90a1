"""Fuzzes one service's API through the gateway from the OpenAPI it serves (schemathesis)."""

from __future__ import annotations

import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def fuzz(
    gateway_url: str, api_prefix: str, examples: int, headers: dict[str, str] | None = None
) -> list[str]:
    """Each operation's first failing answer (no 5xx; status, content type and body as
    documented), after at most `examples` generated requests, the same ones every run; `headers`
    (a staff token, say) go with every request, in place of any the case made up."""
    schema = schemathesis.openapi.from_url(f"{gateway_url}{api_prefix}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    if not operations:
        return [f"{api_prefix} documents no operation"]
    session = requests.Session()
    failures: list[str] = []
    for operation in operations:
        # valid requests, and requests that break the schema (which must be refused as documented)
        cases = st.one_of(
            operation.as_strategy(GenerationMode.POSITIVE),
            operation.as_strategy(GenerationMode.NEGATIVE),
        )

        @given(case=cases)
        @settings(
            max_examples=examples,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
            print_blob=False,
        )
        def answers_as_documented(case: schemathesis.Case) -> None:
            if headers:
                case.headers = {**(case.headers or {}), **headers}
            case.call_and_validate(base_url=gateway_url, session=session, checks=CHECKS)

        try:
            answers_as_documented()
        except (Exception, BaseExceptionGroup) as failure:  # each operation reports its own
            failures.append(f"{operation.label}: {failure}")
    return failures
