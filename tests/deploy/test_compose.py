"""The Docker path's compose file, checked against the compose specification's JSON schema
(the copy check-jsonschema ships, so offline), and MongoDB run as a one-node replica set."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from devstack.paths import repo_root

COMPOSE = repo_root() / "deploy" / "docker-compose.yml"
CHECKER = Path(sys.executable).parent / "check-jsonschema"


def check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHECKER), "--builtin-schema", "vendor.compose-spec", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_compose_file_follows_the_compose_spec() -> None:
    done = check(COMPOSE)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_compose_file_against_the_spec_is_refused(tmp_path: Path) -> None:
    """The same file with a misspelt key and a condition compose does not know."""
    compose = yaml.safe_load(COMPOSE.read_text())
    compose["services"]["checkout"]["depends_on"]["mongo"]["condition"] = "service_ready"
    compose["services"]["mongo"]["helthcheck"] = compose["services"]["mongo"].pop("healthcheck")
    broken = tmp_path / "docker-compose.yml"
    broken.write_text(yaml.safe_dump(compose))

    done = check(broken)
    assert done.returncode == 1
    assert "helthcheck" in done.stdout and "'service_ready' is not one of" in done.stdout, (
        done.stdout
    )


def test_mongodb_is_a_one_node_replica_set_the_services_wait_for() -> None:
    services: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())["services"]
    mongo = services["mongo"]
    assert mongo["command"][mongo["command"].index("--replSet") + 1] == "rs0"
    assert "rs.initiate({_id: 'rs0'" in " ".join(mongo["healthcheck"]["test"])
    for name in ("checkout", "provider-gateway", "imei-registry", "support-desk", "ops-desk"):
        service = services[name]
        assert service["environment"]["PORTAL_MONGO_URL"].endswith("?replicaSet=rs0"), name
        assert service["depends_on"]["mongo"] == {"condition": "service_healthy"}, name
