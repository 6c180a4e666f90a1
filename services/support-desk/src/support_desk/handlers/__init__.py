"""What support-desk does when asked (HTTP) or told (events)."""
