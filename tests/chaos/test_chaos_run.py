"""`make chaos` in small, inside `make test`: 200 payments through the gateway while the sandboxes
inject faults and every process is killed and restarted once; no invariant may break."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from devstack.paths import repo_root

pytestmark = [pytest.mark.e2e, pytest.mark.local_infra, pytest.mark.chaos_run]

PAYMENTS = 200
SEED = 12  # a fixed seed: the same payments, faults and kills on every run of the suite
LONGEST_SECONDS = 900
# Two replicas of checkout, provider-gateway, imei-registry, support-desk and ops-desk, the
# reconciler, Kafka, PostgreSQL, FerretDB and the gateway.
KILLS = 15


def test_two_hundred_payments_keep_every_invariant_through_faults_and_kills() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "devstack.chaos", f"--payments={PAYMENTS}", f"--seed={SEED}"],
        capture_output=True,
        text=True,
        timeout=LONGEST_SECONDS,
        cwd=repo_root(),
    )
    table = run.stdout + run.stderr[-3000:]
    assert run.returncode == 0, table
    assert "result: PASS" in run.stdout, table
    assert re.search(r"refused or unanswered\s+0$", run.stdout, re.MULTILINE), table
    assert re.search(r"answered 201\s+.*imei-registration \d", run.stdout), table
    kills = re.search(r"kills \(SIGKILL \+ restart\)\s+(\d+):", run.stdout)
    assert kills is not None and int(kills.group(1)) == KILLS, table
    scanned = r"card numbers stored\s+0 \([1-9]\d* documents, [1-9]\d* records, [1-9]\d* log files"
    assert re.search(scanned, run.stdout), table
