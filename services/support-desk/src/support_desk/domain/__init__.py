"""support-desk's domain: pure rules, no I/O."""
