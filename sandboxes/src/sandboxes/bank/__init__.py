"""The bank sandbox: a GoldenPay-style acquirer with a hosted card page (docs/protocols.md §1)."""
