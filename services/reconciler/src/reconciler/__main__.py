"""`python -m reconciler worker …` runs the Faust worker; `python -m reconciler settle …` the
settlement job against the bank's daily report; `python -m reconciler three-way …` the bank ↔
ours ↔ providers' registry job with its daily report."""

from __future__ import annotations

import asyncio
import sys

from reconciler.config import Settings


def main() -> int:
    if sys.argv[1:2] == ["settle"]:
        from reconciler.settle.cli import run_settle

        return run_settle(sys.argv[2:])
    if sys.argv[1:2] == ["three-way"]:
        from reconciler.settle.three_way_cli import run_three_way

        return run_three_way(sys.argv[2:])
    import mode.loop

    # Faust's `--loop` option is parsed but not applied; mode's switch is. uvloop spends less CPU
    # per event on sockets and callbacks (it comes with servicekit, as uvicorn's loop).
    mode.loop.use("uvloop")
    from reconciler.app import create_app
    from reconciler.kafka_topics import prepare_topics
    from servicekit.tracing import configure_tracing

    settings = Settings()
    configure_tracing(settings.service_name)  # only when OTEL_EXPORTER_OTLP_ENDPOINT is set
    asyncio.run(prepare_topics(settings.kafka_bootstrap))
    create_app(settings).main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
