"""The configuration loader: the shipped config/ is valid, and every mistake is one French line naming file and key."""

from __future__ import annotations

import tomllib

from collections.abc import Callable
from pathlib import Path
from typing import Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field

from models.config import check_config, load_config
from models.config.messages import format_loc
from crawlers import SOURCE_KINDS
from models.errors import ConfigError

SHIPPED = Path(__file__).resolve().parents[1] / "config"


# The real kinds: the shipped config must pass with what the crawlers really accept.
KINDS = SOURCE_KINDS
VALID_KINDS = ", ".join(sorted(KINDS))
NEXT = len(tomllib.loads((SHIPPED / "sources.toml").read_text(encoding="utf-8"))["source"]) + 1
"""Position of a `[[source]]` appended to the shipped sources.toml."""

Edit = Callable[[Path], None]


def replace(file: str, old: str, new: str) -> Edit:
    """An edit replacing the first `old` of a config file (which must contain it)."""
    def edit(directory: Path) -> None:
        path = directory / file
        text = path.read_text("utf-8")
        assert old in text, f"{old!r} not in {file}"
        path.write_text(text.replace(old, new, 1), "utf-8")
    return edit


def append(file: str, text: str) -> Edit:
    """An edit appending `text` to a config file (created if absent)."""
    def edit(directory: Path) -> None:
        path = directory / file
        path.write_text((path.read_text("utf-8") if path.exists() else "") + text, "utf-8")
    return edit


def write_bytes(file: str, data: bytes) -> Edit:
    """An edit writing raw bytes."""
    return lambda directory: (directory / file).write_bytes(data)


def delete(file: str) -> Edit:
    """An edit removing a file."""
    return lambda directory: (directory / file).unlink()


def copy_porteur(new_name: str, fiche_suffix: str | None = None, porteur_id: str | None = None) -> Edit:
    """Copy the demo's scop-bois-gascon.toml; with `fiche_suffix` its fiche id is made unique, with `porteur_id`
    the porteur's."""
    def edit(directory: Path) -> None:
        text = (directory / "porteurs/scop-bois-gascon.toml").read_text("utf-8")
        if fiche_suffix:
            text = text.replace('"SBG-01"', f'"SBG-01{fiche_suffix}"')
        if porteur_id:
            text = text.replace('id = "scop-bois-gascon"', f'id = "{porteur_id}"')
        (directory / "porteurs" / new_name).write_text(text, "utf-8")
    return edit


NEW_SOURCE = '\n[[source]]\nslug = "{slug}"\nkind = "{kind}"\nurl = "{url}"\n'


@pytest.fixture
def config_dir(tmp_path: Path) -> Path:
    """The demo's configuration (the shipped one plus the demo's porteurs), named config/ like the original."""
    from vigie.demo.folder import copy_demo_config

    copy_demo_config(tmp_path / "config")
    return tmp_path / "config"


def test_shipped_config_passes_check_config() -> None:
    assert check_config(SHIPPED, KINDS) == []


def test_shipped_config_loads_the_example_territory_and_sources_and_no_porteur() -> None:
    config = load_config(SHIPPED, KINDS)
    assert [t.id for t in config.plan.territories] == ["gers-lomagne"]
    assert config.plan.porteurs == [] and config.plan.fiches == []
    slugs = [s.slug for s in config.sources]
    assert slugs[:5] == ["idf", "occitanie", "mte", "nouvelle-aquitaine", "ademe-collectivites"]
    assert len(slugs) == len(set(slugs))
    assert all(s.enabled for s in config.sources)
    assert config.settings.smtp is None
    assert "ZAN" in config.synonyms.acronyms


def test_the_demo_config_adds_its_porteurs_to_the_shipped_one(config_dir: Path) -> None:
    config = load_config(config_dir, KINDS)
    assert {p.id for p in config.plan.porteurs} == {"scop-bois-gascon"}
    assert check_config(config_dir, KINDS) == []


def test_every_profile_named_by_the_demo_porteurs_exists(config_dir: Path) -> None:
    config = load_config(config_dir, KINDS)
    named = {p for f in config.plan.fiches for p in f.profiles}
    named |= {p for o in config.plan.porteurs for p in o.profiles}
    assert named and named <= set(config.profiles)


def _line_of(file: Path, text: str) -> int:
    return file.read_text("utf-8").splitlines().index(text) + 1


def test_toml_syntax_error_names_file_line_and_column(config_dir: Path) -> None:
    line = _line_of(config_dir / "settings.toml", 'outbox = "var/outbox"')
    replace("settings.toml", 'outbox = "var/outbox"', "outbox = var/outbox")(config_dir)
    assert check_config(config_dir, KINDS) == [
        f"config/settings.toml: ligne {line}, colonne 10: syntaxe TOML invalide "
        "(valeur invalide : texte entre guillemets, nombre, true/false, [liste] ou {table} attendu)"
    ]


MISTAKES = [
    pytest.param(
        append("settings.toml", '\n[smtp]\nhost = "smtp.example.org"\nprot = 25\n'),
        "config/settings.toml: smtp.prot: clé inconnue (vouliez-vous dire « port » ?)",
        id="unknown-key-suggests-closest",
    ),
    pytest.param(
        append("settings.toml", '\n[smtp]\nhost = "smtp.example.org"\nzzz = 1\n'),
        "config/settings.toml: smtp.zzz: clé inconnue (clés valides : host, port, security, username_env,",
        id="unknown-key-lists-valid-keys",
    ),
    pytest.param(
        replace("settings.toml", "retries = 2", 'retries = "deux"'),
        "config/settings.toml: crawl.retries: nombre entier attendu, reçu « deux »",
        id="wrong-type",
    ),
    pytest.param(
        replace("settings.toml", 'digest = "0 8 * * mon"', 'digest = "tous les lundis"'),
        'config/settings.toml: schedule.digest: expression cron invalide "tous les lundis"',
        id="bad-cron",
    ),
    pytest.param(
        replace("settings.toml", 'email = "camille.dufour@example.org"', 'email = "camille"'),
        "config/settings.toml: territoire[1].chef_de_projet.email: adresse e-mail invalide « camille »",
        id="bad-email",
    ),
    pytest.param(
        replace("settings.toml", 'geo = ["DEP-32", "REG-76"]', 'geo = ["DEP-32", "REG-99"]'),
        "config/settings.toml: territoire[1].geo: code région inconnu « REG-99 »",
        id="bad-territory-cog-code",
    ),
    pytest.param(
        append("settings.toml", '\n[[territoire]]\nid = "gers-lomagne"\nnom = "Doublon"\n'),
        "config/settings.toml: territoire[2].id: territoire « gers-lomagne » déjà déclaré en territoire[1]",
        id="duplicate-territory",
    ),
    pytest.param(
        append("sources.toml", NEW_SOURCE.format(slug="atom", kind="atom", url="https://example.org")),
        f"config/sources.toml: source[{NEXT}].kind: type de source inconnu « atom » (types valides : {VALID_KINDS})",
        id="unknown-kind-lists-valid-kinds",
    ),
    pytest.param(
        append("sources.toml", NEW_SOURCE.format(slug="x", kind="rss", url="htp:/x")),
        f'config/sources.toml: source[{NEXT}].url: URL attendue, reçu "htp:/x"',
        id="bad-url",
    ),
    pytest.param(
        append("sources.toml", NEW_SOURCE.format(slug="idf", kind="rss", url="https://example.org/rss")),
        f"config/sources.toml: source[{NEXT}].slug: slug « idf » déjà déclaré en source[1]",
        id="duplicate-source-slug",
    ),
    pytest.param(
        replace("sources.toml", "# page_size = 100", "page_size = 500"),
        "config/sources.toml: source[2].options.page_size: valeur hors limites « 500 » (attendu au plus 100)",
        id="option-out-of-range",
    ),
    pytest.param(
        replace("sources.toml", 'funder = "Région Nouvelle-Aquitaine"', 'fundr = "Région Nouvelle-Aquitaine"'),
        "config/sources.toml: source[4].options.fundr: clé inconnue (vouliez-vous dire « funder » ?)",
        id="misspelt-option",
    ),
    pytest.param(
        replace("porteurs/scop-bois-gascon.toml", '"COM-32208", "DEP-32"', '"COM-99999", "DEP-32"'),
        "config/porteurs/scop-bois-gascon.toml: porteur.geo: code commune inconnu « COM-99999 »",
        id="bad-porteur-cog-code",
    ),
    pytest.param(
        replace("porteurs/scop-bois-gascon.toml", 'type = "entreprise"', 'type = "societe"'),
        "config/porteurs/scop-bois-gascon.toml: porteur.type: valeur non autorisée « societe » "
        "(valeurs possibles : commune,",
        id="bad-porteur-type",
    ),
    pytest.param(
        replace("porteurs/scop-bois-gascon.toml", 'debut = "2026-01"', 'debut = "janvier 2026"'),
        "config/porteurs/scop-bois-gascon.toml: fiche[1].debut: format invalide « janvier 2026 » (mois attendu",
        id="bad-fiche-month",
    ),
    pytest.param(
        copy_porteur("zz-copie.toml", fiche_suffix="-bis"),
        "config/porteurs/zz-copie.toml: porteur.id: porteur « scop-bois-gascon » "
        "déjà déclaré dans config/porteurs/scop-bois-gascon.toml",
        id="duplicate-porteur-across-files",
    ),
    pytest.param(
        copy_porteur("zz-copie.toml", porteur_id="scop-bois-gascon-bis"),
        "config/porteurs/zz-copie.toml: fiche[1].id: fiche « SBG-01 » "
        "déjà déclarée dans config/porteurs/scop-bois-gascon.toml (fiche[1])",
        id="duplicate-fiche-across-files",
    ),
    pytest.param(
        replace("porteurs/scop-bois-gascon.toml", 'territoire = "gers-lomagne"', 'territoire = "lomagne"'),
        "config/porteurs/scop-bois-gascon.toml: porteur.territoire: territoire inconnu « lomagne »",
        id="unknown-territory",
    ),
    pytest.param(
        replace("porteurs/scop-bois-gascon.toml", '"chaleur-renouvelable", "competences"', '"chaleur", "competences"'),
        "config/porteurs/scop-bois-gascon.toml: fiche[1].profiles[1]: profil inconnu « chaleur »",
        id="unknown-profile",
    ),
    pytest.param(
        replace("profiles/foncier-friches.toml", 'axes = ["foncier"]', 'axes = ["fonciers"]'),
        "config/profiles/foncier-friches.toml: axes[1]: axe inconnu « fonciers » (vouliez-vous dire « foncier » ?)",
        id="unknown-axe",
    ),
    pytest.param(
        replace("profiles/competences.toml", "recrutement = 3", "recrutement = 12"),
        'config/profiles/competences.toml: terms: poids hors limites pour "recrutement"',
        id="profile-weight-out-of-range",
    ),
    pytest.param(
        delete("sources.toml"),
        "config/sources.toml: fichier manquant (lancez « vigie init ",
        id="missing-sources-file",
    ),
    pytest.param(
        write_bytes("synonyms.toml", 'groups = [["caf\xe9", "bar"]]\n'.encode("latin-1")),
        "config/synonyms.toml: ligne 1: octet 0xE9 invalide, le fichier doit être enregistré en UTF-8",
        id="not-utf8",
    ),
]


@pytest.mark.parametrize(("edit", "expected"), MISTAKES)
def test_each_mistake_is_reported_as_one_line_naming_file_and_key(
    config_dir: Path, edit: Edit, expected: str
) -> None:
    edit(config_dir)
    problems = check_config(config_dir, KINDS)
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected), problems[0]


def test_problems_in_several_files_are_all_reported_at_once(config_dir: Path) -> None:
    for edit in [
        replace("settings.toml", "retries = 2", 'retries = "deux"'),
        replace("settings.toml", "port = 8000", "port = 99999"),
        append("sources.toml", NEW_SOURCE.format(slug="x", kind="atom", url="htp:/x")),
        replace("porteurs/scop-bois-gascon.toml", 'taille = "pme"', 'taille = "moyenne"'),
        replace("profiles/foncier-friches.toml", 'axes = ["foncier"]', 'axes = ["terrain"]'),
    ]:
        edit(config_dir)
    problems = check_config(config_dir, KINDS)
    files = sorted({p.split(":")[0] for p in problems})
    assert len(problems) == 6, problems  # the new source has a bad kind and a bad URL
    assert files == [
        "config/porteurs/scop-bois-gascon.toml", "config/profiles/foncier-friches.toml",
        "config/settings.toml", "config/sources.toml",
    ]


def test_load_config_raises_config_error_with_every_problem(config_dir: Path) -> None:
    delete("sources.toml")(config_dir)
    replace("settings.toml", "retries = 2", "retries = -1")(config_dir)
    with pytest.raises(ConfigError) as caught:
        load_config(config_dir, KINDS)
    assert len(caught.value.problems) == 2
    assert "configuration invalide" in str(caught.value)


def test_missing_directory_is_one_problem_suggesting_init(tmp_path: Path) -> None:
    problems = check_config(tmp_path / "nowhere", KINDS)
    assert len(problems) == 1
    assert problems[0].startswith("nowhere: dossier de configuration introuvable (lancez « vigie init ")


def test_synonyms_file_is_optional(config_dir: Path) -> None:
    delete("synonyms.toml")(config_dir)
    assert load_config(config_dir, KINDS).synonyms.acronyms == {}


@pytest.mark.parametrize(
    ("database_url", "expected"),
    [
        pytest.param("sqlite:///var/vigie.db", "sqlite:///{dir}/var/vigie.db", id="relative-sqlite"),
        pytest.param("sqlite:////srv/vigie.db", "sqlite:////srv/vigie.db", id="absolute-sqlite"),
        pytest.param("postgresql+psycopg://vigie@127.0.0.1:5432/vigie",
                     "postgresql+psycopg://vigie@127.0.0.1:5432/vigie", id="postgresql"),
    ],
)
def test_database_url_relative_path_resolves_against_the_config_directory(
    config_dir: Path, database_url: str, expected: str
) -> None:
    edit = replace("settings.toml", 'database_url = "sqlite:///var/vigie.db"', f'database_url = "{database_url}"')
    edit(config_dir)
    config = load_config(config_dir, KINDS)
    assert config.database_url == expected.format(dir=config_dir)
    assert config.outbox == config_dir / "var/outbox"


@pytest.mark.parametrize(
    ("loc", "expected"),
    [
        pytest.param(("source", 2, "url"), "source[3].url", id="array-is-one-based"),
        pytest.param(("groups", 0, 1), "groups[1][2]", id="nested-arrays"),
        pytest.param(("terms", "chaufferie bois"), 'terms."chaufferie bois"', id="quoted-key"),
    ],
)
def test_key_paths_read_like_toml(loc: tuple[str | int, ...], expected: str) -> None:
    assert format_loc(loc) == expected
