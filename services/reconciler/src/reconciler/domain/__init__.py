"""What the reconciler knows about a payment and what it concludes; pure, no I/O, no clock."""
