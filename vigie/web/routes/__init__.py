"""The routers, one module per page (plus the JSON API)."""

from vigie.web.routes import (
    api,
    calls,
    dashboard,
    exports,
    funding,
    login,
    matches,
    plan,
    porteurs,
    queue,
    sources,
    space,
    space_admin,
    space_answers,
    space_renew,
    stats,
    tune,
    unsubscribe,
)

ROUTERS = [login.router, dashboard.router, queue.router, calls.router, matches.router, plan.router, funding.router,
           porteurs.router, sources.router, exports.router, tune.router, unsubscribe.router, space.router,
           space_answers.router, space_renew.router, space_admin.router, stats.router, api.router]
