"""Root pytest configuration: the fixtures that start the real broker and database."""

pytest_plugins = ["devstack.testing"]
