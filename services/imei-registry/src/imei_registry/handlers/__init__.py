"""Handlers: what imei-registry does for a quote, a debited payment, a status question."""
