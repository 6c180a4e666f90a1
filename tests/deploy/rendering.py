"""kustomize's output as Python objects: `make setup` builds kustomize into .cache/tools/bin;
a kustomize on the PATH or kubectl's built-in one does as well."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml

from devstack.paths import repo_root

K8S = repo_root() / "deploy" / "k8s"
Resource = dict[str, Any]


def kustomize_command() -> list[str]:
    built = repo_root() / ".cache" / "tools" / "bin" / "kustomize"
    if built.exists():
        return [str(built), "build"]
    if found := shutil.which("kustomize"):
        return [found, "build"]
    if found := shutil.which("kubectl"):
        return [found, "kustomize"]
    raise AssertionError("no kustomize: `make setup` builds one into .cache/tools/bin")


def render(folder: Path) -> list[Resource]:
    done = subprocess.run(
        [*kustomize_command(), str(folder)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"kustomize build {folder} failed:\n{done.stderr}"
    return [item for item in yaml.safe_load_all(done.stdout) if item]


def of_kind(resources: list[Resource], kind: str) -> dict[str, Resource]:
    return {item["metadata"]["name"]: item for item in resources if item["kind"] == kind}


def pod_spec(workload: Resource) -> Resource:
    """The pod template's spec of a Deployment or a CronJob."""
    spec = workload["spec"]
    if workload["kind"] == "CronJob":
        spec = spec["jobTemplate"]["spec"]
    pod: Resource = spec["template"]["spec"]
    return pod
