"""Every overlay renders with kustomize and every resource it renders is valid Kubernetes
(kubernetes-validate's strict schemas: a misspelt field fails too). Only Strimzi's KafkaTopic
has no schema there; test_k8s_rules checks the topics against the contracts."""

from __future__ import annotations

import copy
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from .rendering import K8S, Resource, render

KUBERNETES_VERSION = "1.33"
CUSTOM_KINDS = {"KafkaTopic"}  # Strimzi's; no schema of it in kubernetes-validate
FOLDERS = [K8S / "base", *sorted((K8S / "overlays").iterdir())]


def problems(resources: list[Resource]) -> list[str]:
    found = []
    for resource in resources:
        if resource["kind"] in CUSTOM_KINDS:
            continue
        name = f"{resource['kind']}/{resource['metadata']['name']}"
        try:
            kubernetes_validate.validate(resource, KUBERNETES_VERSION, strict=True)
        except kubernetes_validate.ValidationError as error:
            path = ".".join(str(part) for part in error.path)
            found.append(f"{name}: {path}: {error.message}")
        except kubernetes_validate.SchemaNotFoundError:
            found.append(f"{name}: no such kind in Kubernetes {KUBERNETES_VERSION}")
    return found


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda folder: folder.name)
def test_the_rendered_resources_are_valid_kubernetes(folder: Path) -> None:
    resources = render(folder)
    assert {"Deployment", "Service", "HorizontalPodAutoscaler", "CronJob"} <= {
        resource["kind"] for resource in resources
    }
    assert problems(resources) == []


def test_a_misspelt_field_or_a_wrong_type_is_caught() -> None:
    """The check above is no formality: the base with one probe misspelt, one port as text."""
    resources = render(K8S / "base")
    broken = copy.deepcopy(resources)
    deployment = next(item for item in broken if item["kind"] == "Deployment")
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    container["readinesProbe"] = container.pop("readinessProbe")
    service = next(item for item in broken if item["kind"] == "Service")
    service["spec"]["ports"][0]["port"] = "eight thousand"

    found = problems(broken)
    assert len(found) == 2, found
    assert any("readinesProbe" in problem for problem in found), found
    assert any("'eight thousand' is not of type 'integer'" in problem for problem in found), found


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda folder: folder.name)
def test_each_kustomization_lists_exactly_the_files_beside_it(folder: Path) -> None:
    """A manifest added but not listed would never be deployed (nor rendered, nor checked)."""
    kustomization = yaml.safe_load((folder / "kustomization.yaml").read_text())
    listed = {
        entry for entry in kustomization.get("resources", []) if not entry.startswith("..")
    } | {patch["path"] for patch in kustomization.get("patches", []) if "path" in patch}
    present = {path.name for path in folder.glob("*.yaml")} - {"kustomization.yaml"}
    assert listed == present
