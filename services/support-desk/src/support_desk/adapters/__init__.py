"""support-desk's edges: the database, SMTP, tokens, the packaged data."""
