"""Vigie's composition root: the CLI, the pipeline shell, the demo (and later the scheduler and web app).

The only package that imports all the others.
"""

__version__ = "0.1.0"
