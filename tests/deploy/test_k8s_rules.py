"""What the portal needs of its manifests beyond valid Kubernetes: probes and resources, no
consumer scaled past the partition count, the topics as the contracts have them, secrets only
from the operator's Secret, and env names the services really read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import SecretStr
from pydantic_settings import BaseSettings

from checkout.config import Settings as CheckoutSettings
from contracts.topics import PARTITIONS, Topic
from devstack.paths import repo_root
from imei_registry.config import Settings as ImeiSettings
from ops_desk.config import Settings as OpsSettings
from provider_gateway.config import Settings as ProviderSettings
from reconciler.config import Settings as ReconcilerSettings
from reconciler.topics import COMPACTED_TOPICS, INTERNAL_TOPICS
from support_desk.config import Settings as SupportSettings

from .rendering import K8S, Resource, of_kind, pod_spec, render

HTTP_SERVICES: dict[str, type[BaseSettings]] = {
    "checkout": CheckoutSettings,
    "provider-gateway": ProviderSettings,
    "imei-registry": ImeiSettings,
    "support-desk": SupportSettings,
    "ops-desk": OpsSettings,
}
# Every workload running our Python, and the settings it reads.
WORKLOADS = {**HTTP_SERVICES, "reconciler": ReconcilerSettings, "settlement": ReconcilerSettings}
GATEWAY_ONLY_KEYS = {"PORTAL_BANK_ORIGIN"}  # read by the gateway's entrypoint, not by Python
FOLDERS = [K8S / "base", *sorted((K8S / "overlays").iterdir())]


@pytest.fixture(scope="module")
def base() -> list[Resource]:
    return render(K8S / "base")


def workloads(resources: list[Resource]) -> dict[str, Resource]:
    return {**of_kind(resources, "Deployment"), **of_kind(resources, "CronJob")}


def probe_paths(container: Resource) -> tuple[str, str]:
    return container["readinessProbe"]["httpGet"]["path"], container["livenessProbe"]["httpGet"][
        "path"
    ]


def test_http_services_are_ready_on_readyz_alive_on_healthz_and_sized(base: list[Resource]) -> None:
    deployments = of_kind(base, "Deployment")
    for name in HTTP_SERVICES:
        [container] = deployments[name]["spec"]["template"]["spec"]["containers"]
        assert probe_paths(container) == ("/readyz", "/healthz"), name
    for name in ("reconciler", "gateway"):  # neither has a /readyz of its own
        [container] = deployments[name]["spec"]["template"]["spec"]["containers"]
        assert probe_paths(container) == ("/healthz", "/healthz"), name
    for name, workload in workloads(base).items():
        for container in pod_spec(workload)["containers"]:
            resources = container["resources"]
            for part in ("requests", "limits"):
                assert set(resources[part]) == {"cpu", "memory"}, (name, part)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda folder: folder.name)
def test_no_consumer_scales_past_the_partition_count(folder: Path) -> None:
    resources = render(folder)
    autoscalers = {
        hpa["spec"]["scaleTargetRef"]["name"]: hpa
        for hpa in of_kind(resources, "HorizontalPodAutoscaler").values()
    }
    for name in HTTP_SERVICES:  # each consumes one topic of PARTITIONS partitions
        assert 1 <= autoscalers[name]["spec"]["minReplicas"] <= PARTITIONS, name
        assert autoscalers[name]["spec"]["maxReplicas"] == PARTITIONS, name
        assert "replicas" not in of_kind(resources, "Deployment")[name]["spec"], name
    reconciler = of_kind(resources, "Deployment")["reconciler"]
    assert "reconciler" not in autoscalers
    assert 1 <= reconciler["spec"]["replicas"] <= PARTITIONS
    if folder.name == "production":
        assert reconciler["spec"]["replicas"] == PARTITIONS


def test_the_topics_are_the_contracts_topics_with_their_partitions(base: list[Resource]) -> None:
    topics = of_kind(base, "KafkaTopic")
    assert set(topics) == {topic.value for topic in Topic} | set(INTERNAL_TOPICS)
    for name, topic in topics.items():
        assert topic["spec"]["partitions"] == PARTITIONS, name
        assert topic["metadata"]["labels"]["strimzi.io/cluster"] == "portal", name
        compacted = topic["spec"]["config"].get("cleanup.policy") == "compact"
        assert compacted == (name in COMPACTED_TOPICS), name


def secret_fields(settings: type[BaseSettings]) -> set[str]:
    return {
        f"PORTAL_{name.upper()}"
        for name, field in settings.model_fields.items()
        if field.annotation is SecretStr
    }


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda folder: folder.name)
def test_every_secret_comes_from_the_operators_secret_and_none_is_shipped(folder: Path) -> None:
    resources = render(folder)
    assert of_kind(resources, "Secret") == {}
    [config] = of_kind(resources, "ConfigMap").values()
    assert config["data"]["PORTAL_ENVIRONMENT"] == "production"  # default secrets refused
    for name, settings in WORKLOADS.items():
        [container] = pod_spec(workloads(resources)[name])["containers"]
        env = {item["name"]: item for item in container.get("env", [])}
        wanted = secret_fields(settings) | (
            {"PORTAL_MONGO_URL"} if name in HTTP_SERVICES else set()
        )
        assert wanted, name
        for key in wanted:
            assert key not in config["data"], key
            reference = env[key]["valueFrom"]["secretKeyRef"]
            assert reference == {"name": "portal-secrets", "key": key}, (name, key)


def test_every_env_name_is_one_the_service_reads(base: list[Resource]) -> None:
    """A misspelt PORTAL_* name is silently ignored by the service: caught here instead."""
    [config] = of_kind(base, "ConfigMap").values()
    read_by_any = set().union(*(fields_of(settings) for settings in WORKLOADS.values()))
    assert set(config["data"]) - read_by_any == GATEWAY_ONLY_KEYS
    for name, settings in WORKLOADS.items():
        [container] = pod_spec(workloads(base)[name])["containers"]
        names = {item["name"] for item in container.get("env", [])}
        assert names <= fields_of(settings), (name, names - fields_of(settings))


def fields_of(settings: type[BaseSettings]) -> set[str]:
    return {f"PORTAL_{name.upper()}" for name in settings.model_fields}


def test_the_gateway_reaches_each_upstream_by_its_service_name(base: list[Resource]) -> None:
    """The gateway image fills the shared template as Docker does: `server checkout:8000;` …"""
    entrypoint = (repo_root() / "deploy" / "docker" / "gateway-entrypoint.sh").read_text()
    upstreams = re.findall(r"server ([a-z-]+):(\d+);", entrypoint)
    services = of_kind(base, "Service")
    assert {name for name, _ in upstreams} == set(HTTP_SERVICES)
    for name, port in upstreams:
        assert [p["port"] for p in services[name]["spec"]["ports"]] == [int(port)], name
