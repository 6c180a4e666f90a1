"""The command groups of `payportal`, each a Typer app registered in `payportal.cli`."""
