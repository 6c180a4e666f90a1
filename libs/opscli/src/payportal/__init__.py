"""payportal: the ops command line of the payment portal (events, payments, dead letters, lag)."""
