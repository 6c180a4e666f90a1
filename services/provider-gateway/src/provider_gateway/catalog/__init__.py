"""The catalog data file (`services.toml`) shipped in the package, and its loader."""
