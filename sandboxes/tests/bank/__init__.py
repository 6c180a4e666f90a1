"""Tests of the bank sandbox (a package, so pytest does not shadow the `sandboxes` package)."""
