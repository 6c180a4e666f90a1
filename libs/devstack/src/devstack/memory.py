"""Resident memory of the running stack, per process group (a service and its children)."""

from __future__ import annotations

import json
import os
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE")


def group_resident_bytes(group_id: int) -> int:
    """Sum of RSS over every live process whose process group is `group_id`."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            statm = (entry / "statm").read_text()
        except OSError:
            continue
        # Fields after the parenthesised command: state ppid pgrp ...
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[2]) == group_id:
            total += int(statm.split()[1]) * _PAGE
    return total


def write_pid_file(path: Path, groups: dict[str, int]) -> None:
    path.write_text(json.dumps(groups, indent=1))


def memory_report(pid_file: Path) -> str:
    if not pid_file.exists():
        return f"nothing running: {pid_file} does not exist (start it with `make run`)"
    groups: dict[str, int] = json.loads(pid_file.read_text())
    sizes = {name: group_resident_bytes(group) for name, group in groups.items()}
    width = max(map(len, [*sizes, "total"])) + 1
    lines = [f"  {name:<{width}} {size / 2**20:8.1f} MiB" for name, size in sizes.items()]
    lines.append(f"  {'total':<{width}} {sum(sizes.values()) / 2**20:8.1f} MiB")
    return "\n".join(["Resident memory of the running stack:", *lines])
