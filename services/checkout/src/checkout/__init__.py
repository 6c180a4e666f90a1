"""checkout."""
