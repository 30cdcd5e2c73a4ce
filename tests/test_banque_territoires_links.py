"""Which links of the Banque des Territoires listing are calls: share, news and search links are not, whatever
the words a call's own address holds."""

from __future__ import annotations

import pytest

from crawlers.spiders.banque_territoires import _is_call_link

LISTING = "https://www.banquedesterritoires.fr/france-2030/appels-projets-en-cours"
SITE = "https://www.banquedesterritoires.fr"


@pytest.mark.parametrize(("href", "is_call"), [
    (f"{SITE}/bretagne-ateliers-partages-de-maintenance", True),      # « partagés » in a call's slug
    (f"{SITE}/programme-recherche-et-industrie-du-futur", True),      # « recherche » in a call's slug
    (f"{SITE}/edition-numerique-des-territoires", True),
    (f"{SITE}/localtis/piscines-publiques-et-renovation", False),     # news
    (f"{SITE}/partager?url=https%3A%2F%2Fwww.banquedesterritoires.fr", False),
    (f"{SITE}/recherche?q=piscines", False),
    (f"{SITE}/edition/2026-11-30", False),
    (f"{SITE}/flux-rss", False),
    ("https://www.facebook.com/sharer/sharer.php?u=x", False),         # another site
    (f"{SITE}/france-2030", False),                                   # a parent of the listing
])
def test_call_links(href: str, is_call: bool) -> None:
    assert _is_call_link(href, LISTING, "/france-2030/appels-projets-en-cours") is is_call
