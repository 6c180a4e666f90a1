"""payportal against the whole running test stack. Here, under tests/, because the stack
they share starts its services, which would consume the events of the service-level
integration tests in libs/ and services/ that run before (with services of their own)."""
