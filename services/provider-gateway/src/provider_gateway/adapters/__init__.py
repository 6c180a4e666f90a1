"""Clients of the providers' protocols (one per family) behind one interface."""
