"""The reconciler's own Kafka topics, created up front with the shared partition count.

Kept free of Faust imports so the stack's "ensure topics" step can read the list cheaply.
"""

from __future__ import annotations

from typing import Final

APP_ID: Final = "reconciler"
FACTS_TABLE: Final = "payment-facts"
# Faust names a table's changelog `{app id}-{table}-changelog`; created here, never by Faust.
FACTS_CHANGELOG: Final = f"{APP_ID}-{FACTS_TABLE}-changelog"
# The sweep timer asks, the check agent decides: keyed by payment id, co-partitioned.
CHECKS: Final = f"{APP_ID}-checks"

INTERNAL_TOPICS: Final = (FACTS_CHANGELOG, CHECKS)
# A changelog keeps the last value of every key for ever; the checks topic is disposable.
COMPACTED_TOPICS: Final = (FACTS_CHANGELOG,)
