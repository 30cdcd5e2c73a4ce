"""`python -m vigie` = the `vigie` command."""

from vigie.cli import run

run()
