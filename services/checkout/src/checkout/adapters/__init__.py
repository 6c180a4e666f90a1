"""Checkout's edges: the bank, the catalog, the database, mail."""
