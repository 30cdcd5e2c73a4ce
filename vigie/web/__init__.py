"""The chef de projet's review web app (FastAPI, server-rendered French pages, JSON API under /api)."""

__all__ = ["create_app"]


def __getattr__(name: str):  # noqa: ANN202
    """The application (FastAPI, the matcher) is imported on first use: `vigie user add` reaches
    vigie.web.security without building it."""
    if name == "create_app":
        from vigie.web.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
