"""Typed changes said in French: one sentence for the letters and the queue, before/after for the table."""

from __future__ import annotations

import pytest

from models.changes import Change, ChangeType
from models.display_changes import change_label, change_sentence, change_values

T = ChangeType
NB = "\u00a0"


@pytest.mark.parametrize(("change", "sentence"), [
    pytest.param(Change(T.DEADLINE_POSTPONED, "2027-03-15", "2027-04-30"),
                 "la date limite passe du 15/03/2027 au 30/04/2027 (repoussée de 46 jours)", id="postponed"),
    pytest.param(Change(T.DEADLINE_POSTPONED, "2027-06-30", "2027-07-01"),
                 "la date limite passe du 30/06/2027 au 01/07/2027 (repoussée de 1 jour)", id="postponed-one-day"),
    pytest.param(Change(T.DEADLINE_ADVANCED, "2027-04-30", "2027-03-15"),
                 "la date limite passe du 30/04/2027 au 15/03/2027 (avancée de 46 jours)", id="advanced"),
    pytest.param(Change(T.NEW_RELEVE, None, "2027-05-15"), "nouvelle relève le 15/05/2027", id="new-releve"),
    pytest.param(Change(T.RELEVE_REMOVED, "2027-03-01", None), "relève du 01/03/2027 supprimée", id="removed"),
    pytest.param(Change(T.CLOSED_EARLY, "2027-03-15", "retire"),
                 "retiré de la source avant sa date limite prévue du 15/03/2027", id="withdrawn"),
    pytest.param(Change(T.CLOSED_EARLY, "2027-02-28", "clos"),
                 "clos avant sa date limite prévue du 28/02/2027", id="said-closed"),
    pytest.param(Change(T.CLOSED_EARLY, None, "retire"), "retiré de la source (guichet permanent)",
                 id="permanent-withdrawn"),
    pytest.param(Change(T.REOPENED, "clos", "2027-06-30"), "rouvert : prochaine date limite le 30/06/2027",
                 id="reopened"),
    pytest.param(Change(T.REOPENED, "retire", None), "rouvert", id="reopened-without-date"),
    pytest.param(Change(T.BENEFICIARIES_CHANGED, ["commune", "epci"], ["commune", "pme", "eti"]),
                 "bénéficiaires modifiés : ajoutés PME, ETI ; retirés intercommunalités (EPCI)", id="beneficiaries"),
    pytest.param(Change(T.BENEFICIARIES_CHANGED, [], ["association", "etablissement_public"]),
                 "bénéficiaires désormais indiqués : associations, établissements publics", id="beneficiaries-stated"),
    pytest.param(Change(T.AMOUNT_CHANGED, {"min": None, "max": 500_000}, {"min": None, "max": 800_000}),
                 f"le montant maximum passe de 500{NB}000{NB}€ à 800{NB}000{NB}€", id="ceiling"),
    pytest.param(Change(T.AMOUNT_CHANGED, {"min": None, "max": 500_000}, {"min": 10_000, "max": 450_000}),
                 f"montant minimum désormais indiqué : 10{NB}000{NB}€ ; le montant maximum passe de 500{NB}000{NB}€ "
                 f"à 450{NB}000{NB}€", id="both-bounds"),
])
def test_each_change_reads_as_one_french_sentence(change: Change, sentence: str) -> None:
    assert change_sentence(change) == sentence


@pytest.mark.parametrize(("change", "values"), [
    pytest.param(Change(T.DEADLINE_ADVANCED, "2027-04-30", "2027-03-15"), ("30/04/2027", "15/03/2027"), id="dates"),
    pytest.param(Change(T.NEW_RELEVE, None, "2027-05-15"), ("—", "15/05/2027"), id="new-releve"),
    pytest.param(Change(T.CLOSED_EARLY, "2027-03-15", "retire"), ("ouvert jusqu'au 15/03/2027", "retiré de la source"),
                 id="withdrawn"),
    pytest.param(Change(T.REOPENED, "clos", "2027-06-30"), ("clos", "ouvert jusqu'au 30/06/2027"), id="reopened"),
    pytest.param(Change(T.BENEFICIARIES_CHANGED, [], ["pme"]), ("—", "PME"), id="beneficiaries"),
    pytest.param(Change(T.AMOUNT_CHANGED, {"min": None, "max": 500_000}, {"min": 10_000, "max": 500_000}),
                 (f"jusqu'à 500{NB}000{NB}€", f"de 10{NB}000{NB}€ à 500{NB}000{NB}€"), id="amounts"),
])
def test_the_table_shows_the_values_before_and_after_in_french(change: Change, values: tuple[str, str]) -> None:
    assert change_values(change) == values


def test_every_type_has_a_french_name() -> None:
    names = {change_label(Change(t, None, None)) for t in ChangeType}
    assert len(names) == len(ChangeType) and all("_" not in n for n in names)
