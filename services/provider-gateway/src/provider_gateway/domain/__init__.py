"""provider-gateway's domain: pure rules, no I/O."""
