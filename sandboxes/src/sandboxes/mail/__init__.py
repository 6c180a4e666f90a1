"""The mail sandbox: a real SMTP server that keeps what it receives for tests and the console."""
