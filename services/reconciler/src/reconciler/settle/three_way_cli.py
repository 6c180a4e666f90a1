"""`python -m reconciler three-way [--date YYYY-MM-DD] [--daily-at HH:MM] [--report-dir DIR]
[--dry-run]`: prints the day's report and writes it as CSV; `--daily-at` runs it every day."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from aiokafka.errors import KafkaError

from reconciler.config import Settings
from reconciler.settle.bank import SettlementUnavailableError
from reconciler.settle.cli import next_run
from reconciler.settle.provider import RegistryUnavailableError
from reconciler.settle.three_way import three_way


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m reconciler three-way",
        description="Compare the bank's settlement, our events and the providers' registry.",
    )
    parser.add_argument("--date", type=date.fromisoformat, help="the UTC day (default yesterday)")
    parser.add_argument(
        "--daily-at", type=time.fromisoformat, help="run for ever, reconciling yesterday at HH:MM"
    )
    parser.add_argument("--report-dir", type=Path, help="where the CSV report goes")
    parser.add_argument("--dry-run", action="store_true", help="print, send no events")
    return parser.parse_args(argv)


async def reconcile_once(settings: Settings, day: date, folder: Path, send: bool) -> bool:
    try:
        result = await three_way(settings, day, send=send)
    except (
        SettlementUnavailableError,
        RegistryUnavailableError,
        ValueError,
        KafkaError,
        TimeoutError,
    ) as error:
        sys.stderr.write(f"three-way reconciliation {day} failed: {error}\n")
        return False
    report, details = result.write_csv(folder)
    sys.stdout.write(f"{result.summary()}\n  report: {report}\n  findings: {details}\n")
    sys.stdout.flush()
    return True


async def reconcile_daily(settings: Settings, at: time, folder: Path, send: bool) -> None:
    while True:
        run_at = next_run(datetime.now(UTC), at)
        await asyncio.sleep((run_at - datetime.now(UTC)).total_seconds())
        day = run_at.date() - timedelta(days=1)
        for _ in range(4):  # a failed day is tried again within the hour
            if await reconcile_once(settings, day, folder, send):
                break
            await asyncio.sleep(15 * 60)


def run_three_way(argv: list[str]) -> int:
    arguments = parse_arguments(argv)
    logging.basicConfig(level=logging.WARNING)
    settings = Settings()
    folder = arguments.report_dir or Path(settings.report_dir)
    send = not arguments.dry_run
    if arguments.daily_at is not None:
        asyncio.run(reconcile_daily(settings, arguments.daily_at, folder, send))
        return 0
    day = arguments.date or (datetime.now(UTC).date() - timedelta(days=1))
    return 0 if asyncio.run(reconcile_once(settings, day, folder, send)) else 1
