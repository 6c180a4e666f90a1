"""checkout's domain: pure rules, no I/O."""
