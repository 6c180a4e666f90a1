"""provider_gateway."""
