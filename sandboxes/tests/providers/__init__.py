"""Unit tests of the providers sandbox."""
