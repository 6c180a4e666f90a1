"""`python -m reconciler settle [--date YYYY-MM-DD] [--daily-at HH:MM] [--dry-run]`.

Without `--date` the job settles yesterday (UTC). With `--daily-at` it keeps running and settles
the previous day every day at that UTC time: the schedulable form.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from datetime import UTC, date, datetime, time, timedelta

from aiokafka.errors import KafkaError

from reconciler.config import Settings
from reconciler.settle.bank import SettlementUnavailableError
from reconciler.settle.job import settle

log = logging.getLogger(__name__)


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m reconciler settle", description="Compare the bank's report with ours."
    )
    parser.add_argument("--date", type=date.fromisoformat, help="the UTC day to settle")
    parser.add_argument(
        "--daily-at", type=time.fromisoformat, help="run for ever, settling yesterday at HH:MM UTC"
    )
    parser.add_argument("--dry-run", action="store_true", help="print, send no events")
    return parser.parse_args(argv)


def next_run(now: datetime, at: time) -> datetime:
    today = datetime.combine(now.date(), at, UTC)
    return today if today > now else today + timedelta(days=1)


async def settle_once(settings: Settings, day: date, send: bool) -> bool:
    try:
        result = await settle(settings, day, send=send)
    except (SettlementUnavailableError, ValueError, KafkaError, TimeoutError) as error:
        sys.stderr.write(f"settlement {day} failed: {error}\n")
        return False
    sys.stdout.write(result.summary() + "\n")
    sys.stdout.flush()
    return True


async def settle_daily(settings: Settings, at: time, send: bool) -> None:
    while True:
        run_at = next_run(datetime.now(UTC), at)
        await asyncio.sleep((run_at - datetime.now(UTC)).total_seconds())
        day = run_at.date() - timedelta(days=1)
        # A failed day is tried again within the hour, then left for the next run to report.
        for _ in range(4):
            if await settle_once(settings, day, send):
                break
            await asyncio.sleep(15 * 60)


def run_settle(argv: list[str]) -> int:
    arguments = parse_arguments(argv)
    logging.basicConfig(level=logging.WARNING)
    settings = Settings()
    if arguments.daily_at is not None:
        asyncio.run(settle_daily(settings, arguments.daily_at, not arguments.dry_run))
        return 0
    day = arguments.date or (datetime.now(UTC).date() - timedelta(days=1))
    return 0 if asyncio.run(settle_once(settings, day, not arguments.dry_run)) else 1
