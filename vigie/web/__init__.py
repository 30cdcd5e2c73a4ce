"""The chef de projet's review web app (FastAPI, server-rendered French pages, JSON API under /api)."""

from vigie.web.app import create_app

__all__ = ["create_app"]
