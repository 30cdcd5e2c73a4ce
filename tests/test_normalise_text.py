"""HTML → text, label lists and URLs."""

from __future__ import annotations

import pytest

from crawlers.normalise.text import canonical_url, first_link, html_to_text, one_line, split_labels, without_tracking


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>La R&eacute;gion <b>aide</b> les PME</p>", "La Région aide les PME"),
        ("<p>avant</p><script>document.location='https://evil.example'</script><p>après</p>", "avant\naprès"),
        ("<style>p {color: red}</style><noscript>activez JS</noscript>texte", "texte"),
        ("<ul><li>un</li><li>deux</li></ul>", "un\ndeux"),
        ("ligne 1<br/>ligne 2", "ligne 1\nligne 2"),
        ("Montant &lt; 250 k&euro; &amp; 70&nbsp;%", "Montant < 250 k€ & 70 %"),
        ("plain   text\n\n\n  with   gaps", "plain text\nwith gaps"),
        ("PME < 250 salariés", "PME < 250 salariés"),
        ("fin de texte&#13;", "fin de texte"),
        ("<img src=x onerror=alert(1)>visible", "visible"),
        ("", ""),
    ],
    ids=[
        "entities", "hostile-script", "style-and-noscript", "list-items", "br", "escaped-symbols",
        "whitespace", "plain-text-with-less-than", "carriage-return-entity", "hostile-attribute", "empty",
    ],
)
def test_html_becomes_clean_text(html: str, expected: str) -> None:
    assert html_to_text(html) == expected


def test_one_line_collapses_blocks() -> None:
    assert one_line('<span class="titre_surligne">AAP</span>\n<p>Friches</p>') == "AAP Friches"


@pytest.mark.parametrize(
    ("value", "separator", "expected"),
    [
        ("Entreprises|||Association - Loi 1901|||", "|||", ["Entreprises", "Association - Loi 1901"]),
        (["Entreprises", " Entreprises ", ""], "|||", ["Entreprises"]),
        ("financement|étude", "|", ["financement", "étude"]),
        (None, "|", []),
    ],
    ids=["idf-string", "list-with-duplicates", "pipe", "none"],
)
def test_labels_split_from_strings_or_lists(value: object, separator: str, expected: list[str]) -> None:
    assert split_labels(value, separator) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://Les-Aides.fr/eco/fiche/?utm_source=rss#haut", "https://les-aides.fr/eco/fiche"),
        ("https://a.fr/x", "https://a.fr/x"),
    ],
    ids=["query-fragment-slash", "already-canonical"],
)
def test_canonical_urls_drop_query_fragment_and_trailing_slash(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_tracking_parameters_are_removed_but_others_kept() -> None:
    assert without_tracking("https://a.fr/p?utm_campaign=openData&id=3&mtm_source=x") == "https://a.fr/p?id=3"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('<p>Dépôt sur <a href="javascript:alert(1)">x</a> <a href="https://mesdemarches.fr">ici</a></p>', "https://mesdemarches.fr"),
        ("Candidature sur https://mesdemarches.fr/zae.", "https://mesdemarches.fr/zae"),
        ("aucun lien", None),
    ],
    ids=["html-skips-javascript", "text", "none"],
)
def test_first_link_is_an_http_link(value: str, expected: str | None) -> None:
    assert first_link(value) == expected


def test_the_cells_of_a_table_row_stay_apart() -> None:
    html = "<table><tr><th>Structure</th><th>Éligible</th></tr><tr><td>Lycées</td><td>Oui</td></tr></table>"
    assert html_to_text(html) == "Structure | Éligible\nLycées | Oui"
