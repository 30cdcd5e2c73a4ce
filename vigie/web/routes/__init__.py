"""The routers, one module per page (plus the JSON API)."""

from vigie.web.routes import (
    api,
    calls,
    dashboard,
    exports,
    login,
    matches,
    plan,
    porteurs,
    queue,
    sources,
    tune,
    unsubscribe,
)

ROUTERS = [login.router, dashboard.router, queue.router, calls.router, matches.router, plan.router,
           porteurs.router, sources.router, exports.router, tune.router, unsubscribe.router, api.router]
