"""`make chaos`: a private stack (two replicas of each HTTP service, short clocks), the customers
in their own process, each process killed and restarted once meanwhile; then a bounded wait for
the payments to reach their ends, the invariants checked, our storage, topics, logs and e-mails
scanned for card numbers, and the table printed. Exits 1 on any violation.
`python -m devstack.chaos --payments 200 --seed 7`; without --seed one is drawn and printed, and
the same seed plans the same payments, faults and kill order again.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from devstack.chaos.card_sweep import sweep_for_cards
from devstack.chaos.dump import dump_topics
from devstack.chaos.evidence import Evidence, gather
from devstack.chaos.kills import KillLog, kill_each_once, kill_order
from devstack.chaos.report import DriverResult, RunFacts, passed, settled, table
from devstack.paths import repo_root
from devstack.ports import StackPorts
from devstack.stack import Stack
from devstack.testing import TEST_TIMINGS, random_secrets

REPLICAS = 2
# The payments keep arriving while the processes die: each kill takes a few seconds, so the
# arrivals are spread over at least this long whatever the number of payments.
SHORTEST_LOAD_SECONDS = 60.0
RATE = 6.0  # payments starting per second, above SHORTEST_LOAD_SECONDS
SETTLE_SECONDS = 120.0


def main() -> int:
    parser = argparse.ArgumentParser(prog="chaos", description=__doc__)
    parser.add_argument("--payments", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument(
        "--keep-logs",
        type=Path,
        help="copy every process's log here at the end, and the reconciler's topics",
    )
    arguments = parser.parse_args()
    seed = arguments.seed if arguments.seed is not None else random.randrange(1_000_000)
    sys.stdout.write(f"chaos: seed {seed}, {arguments.payments} payments\n")
    sys.stdout.flush()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="portal-chaos-") as folder:
        stack = chaos_stack(Path(folder))
        try:
            stack.start_all()
            run, evidence = asyncio.run(chaos(stack, seed, arguments.payments))
            if arguments.keep_logs is not None:
                dump_topics(stack.kafka_bootstrap, arguments.keep_logs)
        finally:
            stack.stop()
            if arguments.keep_logs is not None:
                shutil.copytree(Path(folder) / "logs", arguments.keep_logs, dirs_exist_ok=True)
    run.wall_seconds = time.monotonic() - started
    report = table(run, evidence)
    artifacts = repo_root() / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "chaos.txt").write_text(report + "\n", encoding="utf-8")
    sys.stdout.write(report + "\n")
    return 0 if passed(evidence) else 1


def chaos_stack(state_dir: Path) -> Stack:
    ports = StackPorts.free()
    return Stack(
        state_dir=state_dir,
        ports=ports,
        service_ports=ports.replicated(REPLICAS, fixed=False),
        environment="test",
        secrets=random_secrets(),
        extra_env={**TEST_TIMINGS, "PORTAL_LOG_LEVEL": "WARNING"},
        throwaway_database=True,
    )


async def chaos(stack: Stack, seed: int, payments: int) -> tuple[RunFacts, Evidence]:
    load_seconds = max(SHORTEST_LOAD_SECONDS, payments / RATE)
    customers = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "devstack.chaos.driver",
        stack.gateway_url,
        stack.sandbox_url,
        f"--payments={payments}",
        f"--seed={seed}",
        f"--rate={payments / load_seconds}",
        stdout=asyncio.subprocess.PIPE,
    )
    kills = KillLog()
    await kill_each_once(stack, kill_order(stack, seed), load_seconds, kills)
    output, _ = await customers.communicate()
    if customers.returncode != 0:
        raise RuntimeError(f"the customers' process failed ({customers.returncode})")
    driver = DriverResult(**json.loads(output))
    run = RunFacts(seed, payments, driver, kills.done)
    settling = time.monotonic()
    evidence = await settle(stack, driver)
    run.settle_seconds = time.monotonic() - settling
    evidence.cards = await sweep_for_cards(
        stack.mongo_url, stack.kafka_bootstrap, stack.state_dir / "logs", stack.sandbox_url
    )
    return run, evidence


async def settle(stack: Stack, driver: DriverResult) -> Evidence:
    """The facts once every payment ended honestly, or as they are after SETTLE_SECONDS: the last
    payments' deadlines (card page, activation, reconciliation) pass within it."""
    give_up_at = time.monotonic() + SETTLE_SECONDS
    while True:
        evidence = await gather(
            stack.mongo_url, stack.kafka_bootstrap, stack.sandbox_url, driver.answered
        )
        if settled(evidence) or time.monotonic() >= give_up_at:
            return evidence
        await asyncio.sleep(3)


if __name__ == "__main__":
    sys.exit(main())
