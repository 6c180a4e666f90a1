"""The settlement job: the bank's daily report against our payments."""
