"""imei-registry's domain: pure rules, no I/O."""
