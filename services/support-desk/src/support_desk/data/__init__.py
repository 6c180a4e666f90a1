"""Data files of support-desk (ticket categories and their SLA clocks)."""
