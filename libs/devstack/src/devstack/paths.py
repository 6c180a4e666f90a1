"""Where the project and its ignored cache live."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def repo_root() -> Path:
    """The workspace root: the nearest folder up whose pyproject declares the uv workspace."""
    for folder in Path(__file__).resolve().parents:
        manifest = folder / "pyproject.toml"
        if manifest.is_file() and "[tool.uv.workspace]" in manifest.read_text():
            return folder
    raise RuntimeError("not inside the portal workspace")


def cache_dir() -> Path:
    """Downloaded jars and built binaries, shared by every run; ignored by git."""
    path = repo_root() / ".cache"
    path.mkdir(exist_ok=True)
    return path
