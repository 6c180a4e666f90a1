"""Benchmarks: `make bench` starts a private stack and drives load at it from another process."""
