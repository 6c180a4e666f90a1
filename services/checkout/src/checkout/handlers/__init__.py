"""Checkout's use cases: plain async functions over the `Checkout` context."""
