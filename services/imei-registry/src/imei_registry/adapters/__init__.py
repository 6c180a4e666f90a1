"""Adapters: data files, the registry client, repositories, mail."""
