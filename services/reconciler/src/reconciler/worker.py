"""The Faust worker without its terminal spinner.

Faust's spinner sets the root logger to DEBUG so that every record turns it, even with
`--loglevel warn`: every debug line of aiokafka and Faust is then formatted into a record and
dropped, on each message sent and fetched. Our output is a log file, not a terminal."""

from __future__ import annotations

import logging

import faust


class QuietWorker(faust.Worker):
    def on_setup_root_logger(self, logger: logging.Logger, level: int) -> None:
        self.spinner = None  # the root logger keeps the level asked for
        super().on_setup_root_logger(logger, level)
