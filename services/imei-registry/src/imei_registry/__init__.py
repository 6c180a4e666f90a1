"""imei_registry."""
