"""`python -m payportal` runs the command line."""

from payportal.cli import app

app(prog_name="payportal")
