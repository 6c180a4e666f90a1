"""Ops desk: the ops console's backend."""
