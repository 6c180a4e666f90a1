"""The chaos run kills processes of a stack of its own; it goes last, when nothing else runs."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    ours = [item for item in items if HERE in item.path.parents]
    items[:] = [item for item in items if item not in ours] + ours
