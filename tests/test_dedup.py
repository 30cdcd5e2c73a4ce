"""Cross-source duplicates: one canonical call per group, every source's link kept."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import NOW
from factories import opportunity
from models.dedup import CallKey, duplicate_links, title_key, url_key
from models.store import Store

AS_OF = date(2026, 11, 23)
JAN, MAR = date(2027, 1, 14), date(2027, 3, 31)
BPI_PAGE = "https://www.bpifrance.fr/nos-appels-a-projets-concours/appel-a-projets-i-nov-vague-12"


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://www.bpifrance.fr/nos-appels/i-nov/", "bpifrance.fr/nos-appels/i-nov"),
        ("http://bpifrance.fr/nos-appels/i-nov?utm_source=at#candidater", "bpifrance.fr/nos-appels/i-nov"),
        ("HTTPS://WWW.Bpifrance.FR/nos-appels/i-nov", "bpifrance.fr/nos-appels/i-nov"),
        ("https://mesdemarches.iledefrance.fr/", None),
        ("", None),
    ],
    ids=["trailing-slash", "scheme-query-fragment", "case-of-host", "home-page-is-not-distinctive", "empty"],
)
def test_operator_urls_are_normalised(url: str, key: str | None) -> None:
    assert url_key(url) == key


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("AAP i-Nov – Vague 12", "i nov vague 12"),
        ("Appel à projets : i-Nov, vague 12", "i nov vague 12"),
        ("Appels à manifestation d’intérêt « Friches »", "friches"),
        ("France 2030 — AAP Décarbonation", "decarbonation"),
        ("Concours d'innovation i-Nov", "d innovation i nov"),
    ],
)
def test_titles_are_folded_without_call_prefixes(title: str, key: str) -> None:
    assert title_key(title) == key


def key(id_: int, source: str, title: str, urls: tuple[str, ...] = (), dates: tuple[date, ...] = ()) -> CallKey:
    return CallKey(id_, source, title, urls or (f"https://{source}.example/{id_}",), dates)


@pytest.mark.parametrize(
    ("calls", "links"),
    [
        ([key(1, "bpi", "i-Nov vague 12", (BPI_PAGE,)), key(2, "at", "Autre intitulé", ("https://at/a/2", BPI_PAGE + "/"))],
         {1: None, 2: 1}),
        ([key(1, "bpi", "AAP i-Nov vague 12", dates=(JAN,)), key(2, "idf", "Appel à projets i-Nov - vague 12", dates=(JAN, MAR))],
         {1: None, 2: 1}),
        ([key(1, "bpi", "i-Nov vague 12", dates=(JAN,)), key(2, "idf", "i-Nov vague 12", dates=(MAR,))],
         {1: None, 2: None}),
        ([key(1, "bpi", "i-Nov vague 12", dates=(JAN,)), key(2, "idf", "Réseaux de chaleur biomasse", dates=(JAN,))],
         {1: None, 2: None}),
        ([key(1, "bpi", "i-Nov vague 12", dates=(JAN,)), key(2, "bpi", "i-Nov vague 12", dates=(JAN,))],
         {1: None, 2: None}),
        ([key(1, "idf", "a", ("https://portail.fr/depot",)), key(2, "idf", "b", ("https://portail.fr/depot",)),
          key(3, "at", "c", ("https://portail.fr/depot",))],
         {1: None, 2: None, 3: None}),
        ([key(1, "bpi", "i-Nov vague 12", dates=(JAN,)), key(2, "at", "i-Nov vague 12", dates=(JAN,)),
          key(3, "bpi", "i-Nov vague 12 (bis)", dates=(JAN,))],
         {1: None, 2: 1, 3: None}),
    ],
    ids=[
        "same-operator-url", "close-title-and-common-relève", "same-title-other-date", "other-title-same-date",
        "same-source-never", "url-shared-within-a-source-is-not-distinctive", "never-two-of-one-source-through-a-third",
    ],
)
def test_duplicate_links(calls: list[CallKey], links: dict[int, int | None]) -> None:
    assert duplicate_links(calls) == links


def three_sources() -> list:
    """The same i-Nov wave at Bpifrance, on Aides-territoires (origin_url) and in a Région's catalogue."""
    return [
        opportunity("i-nov-12", source="bpifrance", url=BPI_PAGE, title="Concours i-Nov — vague 12",
                    close_dates=[JAN, MAR]),
        opportunity("171009", source="aides-territoires", url="https://aides-territoires.beta.gouv.fr/aides/x-i-nov/",
                    apply_url=BPI_PAGE + "?utm_source=aides-territoires", title="i-Nov : concours d'innovation",
                    close_dates=[JAN]),
        opportunity("reg-42", source="idf", url="https://www.iledefrance.fr/aides/i-nov",
                    title="AAP Concours i-Nov – vague 12", close_dates=[JAN]),
        opportunity("other", source="idf", title="Réseaux de chaleur biomasse"),
    ]


def test_the_same_call_at_three_sources_is_linked_to_one_canonical_call(store: Store) -> None:
    for data in three_sources():
        store.store_crawl(data.source, [data], NOW, AS_OF, complete=False)
    assert store.link_duplicates() == 2
    ids = {d.source_id: i for i, d in store.opportunities()}
    canonical = store.canonical_opportunities(as_of=AS_OF)
    assert [(i, d.source_id) for i, d in canonical] == [(ids["i-nov-12"], "i-nov-12"), (ids["other"], "other")]
    assert [s for s, _ in store.same_call_links(ids["reg-42"])] == ["bpifrance", "aides-territoires", "idf"]
    assert len(store.opportunities()) == 4
    assert store.link_duplicates() == 0


def test_a_closed_canonical_call_gives_way_to_an_open_duplicate(store: Store) -> None:
    first, second, *_ = three_sources()
    store.store_crawl("bpifrance", [first.model_copy(update={"close_dates": [date(2026, 10, 1)]})], NOW, AS_OF, False)
    store.store_crawl("aides-territoires", [second.model_copy(update={"close_dates": [JAN]})], NOW, AS_OF, False)
    store.link_duplicates()
    assert [d.source for _, d in store.canonical_opportunities(as_of=AS_OF, include_closed=False)] == ["aides-territoires"]
    assert [d.source for _, d in store.canonical_opportunities(as_of=AS_OF)] == ["bpifrance"]


def test_a_link_is_undone_when_the_calls_no_longer_match(store: Store) -> None:
    first, second, *_ = three_sources()
    store.store_crawl("bpifrance", [first], NOW, AS_OF, False)
    store.store_crawl("aides-territoires", [second], NOW, AS_OF, False)
    store.link_duplicates()
    moved = second.model_copy(update={"apply_url": "https://www.bpifrance.fr/autre-appel"})
    store.store_crawl("aides-territoires", [moved], NOW, AS_OF, False)
    assert store.link_duplicates() == 1
    assert len(store.canonical_opportunities()) == 2
