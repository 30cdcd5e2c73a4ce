"""`vigie serve` (the review web app), `vigie user add` and `vigie user disable` (its accounts)."""

from __future__ import annotations

import getpass
import os
from typing import TYPE_CHECKING, Annotated

import typer

from models import display
from models.display import ROLE_LABELS
from models.errors import VigieError
from models.vocab import Role
from vigie.commands.common import app_context, console
from vigie.pipeline.clock import utcnow

if TYPE_CHECKING:
    from models.config import VigieConfig
    from models.store import Store

PROXY_HINT = """Pour l'ouvrir au-delà de cette machine, placez un proxy HTTPS devant, par exemple nginx :
  location / {{ proxy_pass http://{host}:{port}; proxy_set_header Host $host;
               proxy_set_header X-Forwarded-Proto $scheme; proxy_set_header X-Forwarded-For $remote_addr; }}
et lancez « vigie serve --proxy » : le cookie de session devient alors « Secure »."""


def serve(
    ctx: typer.Context,
    host: Annotated[str | None, typer.Option("--host", help="Adresse d'écoute (défaut : web.host).")] = None,
    port: Annotated[int | None, typer.Option("--port", help="Port (défaut : web.port).")] = None,
    proxy: Annotated[bool, typer.Option("--proxy", help="Faire confiance aux en-têtes X-Forwarded-* du proxy local.")] = False,
) -> None:
    """Servir l'application web de revue (file d'attente, détail, plan d'actions, exports)."""
    import uvicorn

    from vigie.web import create_app

    app_ctx = app_context(ctx)
    web = app_ctx.config.settings.web
    application = create_app(app_ctx.config, app_ctx.store)
    host, port = host or web.host, port or web.port
    console.print(f"Vigie écoute sur http://{host}:{port} (Ctrl+C pour arrêter).")
    console.print(PROXY_HINT.format(host=host, port=port))
    uvicorn.run(application, host=host, port=port, proxy_headers=proxy, forwarded_allow_ips="127.0.0.1" if proxy else None,
                log_level="info", server_header=False)


user_app = typer.Typer(help="Comptes de l'application web.", no_args_is_help=True)


def _password(env: str | None) -> str:
    if env:
        value = os.environ.get(env, "")
        if not value:
            raise VigieError("mot de passe absent", f"variable d'environnement {env}", "elle est vide ou non définie")
        return value
    first = getpass.getpass("Mot de passe : ")
    if first != getpass.getpass("Mot de passe (confirmation) : "):
        raise VigieError("mot de passe non confirmé", "saisie", "les deux saisies diffèrent")
    return first


def check_account(config: VigieConfig, username: str, role: Role, territories: list[str]) -> None:
    """The territories of an account exist, and a chef de projet follows at least one."""
    known = {t.id for t in config.plan.territories}
    unknown = [t for t in territories if t not in known]
    if unknown:
        settings = config.directory / "settings.toml"
        raise VigieError("territoire inconnu", ", ".join(unknown),
                         f"territoires déclarés dans {settings} : {', '.join(sorted(known)) or 'aucun'} "
                         "(un nouveau territoire s'y déclare par un bloc [[territoire]])")
    if role == Role.CHEF and not territories:
        raise VigieError("territoire manquant", username, "un chef de projet suit au moins un territoire (--territoire ID)")


def save_account(store: Store, username: str, role: Role, territories: list[str], password: str,
                 email: str | None = None) -> None:
    """Store the account with its password hashed (at least 12 characters) under its login name as the login form
    reads it; an existing account's sessions end. `vigie user add` and the demo."""
    from vigie.web.security import hash_password

    name = login_name(username)
    if len(password) < 12:
        raise VigieError("mot de passe trop court", name, "au moins 12 caractères")
    store.add_user(name, hash_password(password), role.value, territories, utcnow(), email)


def login_name(username: str) -> str:
    """The login name as the login form reads it (no surrounding spaces, no invisible characters)."""
    from vigie.web.security import USERNAME_MAX, normalise_username

    name = normalise_username(username)
    if not name or len(name) > USERNAME_MAX:
        raise VigieError("identifiant invalide", repr(username), f"de 1 à {USERNAME_MAX} caractères visibles")
    return name


@user_app.command("add")
def user_add(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(help="Identifiant de connexion.")],
    role: Annotated[Role, typer.Option("--role", help="admin, chef_de_projet ou lecteur.")],
    territoire: Annotated[list[str] | None, typer.Option("--territoire", help="Territoire suivi (répétable).")] = None,
    email: Annotated[str | None, typer.Option("--email", help="Adresse électronique.")] = None,
    password_env: Annotated[str | None, typer.Option(
        "--password-env", help="Lire le mot de passe dans cette variable d'environnement (scripts).")] = None,
) -> None:
    """Créer un compte (ou remplacer le mot de passe, le rôle et les territoires d'un compte existant, ce qui
    ferme ses sessions ouvertes)."""
    app_ctx = app_context(ctx)
    territories = list(territoire or [])
    name = login_name(username)
    check_account(app_ctx.config, name, role, territories)
    save_account(app_ctx.store, name, role, territories, _password(password_env), email)
    scope = ", ".join(territories) or "tous les territoires"
    console.print(f"Compte « {name} » enregistré : {display.label(role, ROLE_LABELS)} ({scope}).")


@user_app.command("disable")
def user_disable(
    ctx: typer.Context,
    username: Annotated[str, typer.Argument(help="Identifiant de connexion.")],
) -> None:
    """Désactiver un compte : ses sessions ouvertes se ferment aussitôt (« vigie user add » le réactive)."""
    app_ctx = app_context(ctx)
    name = login_name(username)
    if not app_ctx.store.disable_user(name):
        raise VigieError("compte inconnu", name, "vérifiez l'identifiant (sensible à la casse)")
    console.print(f"Compte « {name} » désactivé : ses sessions sont fermées.")


def register(app: typer.Typer) -> None:
    """Add the commands."""
    app.command("serve")(serve)
    app.add_typer(user_app, name="user")
