"""Percentiles and the printed table, kept apart from the I/O that gathers the numbers."""

from __future__ import annotations

import math
from collections.abc import Sequence


def percentile(samples: Sequence[float], share: float) -> float:
    """Nearest-rank percentile; NaN when there are no samples."""
    if not samples:
        return math.nan
    ordered = sorted(samples)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def latency_line(name: str, seconds: Sequence[float]) -> str:
    p50, p95, p99 = (percentile(seconds, share) * 1000 for share in (0.50, 0.95, 0.99))
    return f"  {name:<28} n={len(seconds):<6} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   p99 {p99:7.1f} ms"
