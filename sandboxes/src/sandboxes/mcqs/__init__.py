"""The MCQS sandbox: the Mobile Devices Registration System as the portal sees it (protocols.md §4)."""
