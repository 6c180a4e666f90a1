"""What provider-gateway does with a request or an event: the domain plus the outside world."""
