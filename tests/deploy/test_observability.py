"""Ops' alerts and dashboard (deploy/observability): promtool (Debian's `prometheus` package,
installed by `make setup`) checks the rules and runs their unit tests, every dashboard query
parses, and every metric they name is one the services really declare."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import yaml
from prometheus_client import REGISTRY

import checkout.metrics
import provider_gateway.metrics
import reconciler.metrics
import servicekit.metrics
from devstack.paths import repo_root

OBSERVABILITY = repo_root() / "deploy" / "observability"
DECLARING = (servicekit.metrics, checkout.metrics, provider_gateway.metrics, reconciler.metrics)
PROMQL_WORDS = {"sum", "max", "by", "rate", "increase", "histogram_quantile", "or", "le"}


def promtool(*arguments: str) -> subprocess.CompletedProcess[str]:
    found = shutil.which("promtool")
    assert found, "promtool is missing: `make setup` installs Debian's prometheus package"
    return subprocess.run(
        [found, *arguments], capture_output=True, text=True, timeout=120, cwd=OBSERVABILITY
    )


def dashboard_queries() -> list[str]:
    dashboard = json.loads((OBSERVABILITY / "dashboard.json").read_text(encoding="utf-8"))
    return [target["expr"] for panel in dashboard["panels"] for target in panel["targets"]]


def alert_queries() -> list[str]:
    rules = yaml.safe_load((OBSERVABILITY / "alerts.yml").read_text(encoding="utf-8"))
    return [rule["expr"] for group in rules["groups"] for rule in group["rules"]]


def declared_series() -> set[str]:
    """The series names our modules register (a counter `x` is scraped as `x_total`, …)."""
    assert all(module.__name__ for module in DECLARING)  # imported so that they register
    names: set[str] = set()
    for family in REGISTRY.collect():
        names |= {family.name, f"{family.name}_total", f"{family.name}_bucket"}
    return names


def test_the_alert_rules_are_valid() -> None:
    done = promtool("check", "rules", "alerts.yml")
    assert done.returncode == 0, done.stdout + done.stderr


def test_each_alert_fires_on_its_trouble_and_not_on_a_healthy_system() -> None:
    done = promtool("test", "rules", "alerts.test.yml")
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_dashboard_query_parses(tmp_path: Path) -> None:
    rules = {
        "groups": [
            {
                "name": "dashboard",
                "rules": [
                    {"record": f"dashboard:query_{n}", "expr": expr}
                    for n, expr in enumerate(dashboard_queries())
                ],
            }
        ]
    }
    checked = tmp_path / "dashboard-queries.yml"
    checked.write_text(yaml.safe_dump(rules), encoding="utf-8")
    done = promtool("check", "rules", str(checked))
    assert done.returncode == 0, done.stdout + done.stderr


def metrics_in(query: str) -> set[str]:
    """The series a query reads: its words less PromQL's, the `by (…)` labels, label matchers
    and ranges."""
    bare = re.sub(r"\bby\s*\([^)]*\)|\{[^}]*\}|\[[^\]]*\]", "", query)
    return set(re.findall(r"\b[a-z_][a-z0-9_]*\b", bare)) - PROMQL_WORDS


def test_every_metric_named_is_one_the_services_declare() -> None:
    named = {
        name for query in (*alert_queries(), *dashboard_queries()) for name in metrics_in(query)
    }
    assert named, "no metric found in the queries"
    assert named <= declared_series(), sorted(named - declared_series())
