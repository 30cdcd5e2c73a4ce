"""Who files in research calls and in calls with cases: partners declared the beneficiaries, the bodies candidate teams
or the coordinator belong to, a partner lab paid too, a lead partner described before its type, types « aussi
éligibles », the employer of an apprentice, a type excluded but for one case, and « … non plus » after a denial."""

from __future__ import annotations

import pytest

from crawlers.normalise.beneficiaries import beneficiaries_in_text
from models.vocab import Beneficiary as B
from models.vocab import sizes_admitted


def admitted(text: str) -> set[B]:
    return sizes_admitted(beneficiaries_in_text(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Les projets associent au moins une entreprise et un laboratoire. Les bénéficiaires sont les partenaires du "
     "consortium : entreprises de toutes tailles, organismes de recherche et écoles d'ingénieurs. Le coordinateur est "
     "obligatoirement une entreprise.", {B.TPE, B.PME, B.ETI, B.GE, B.RECHERCHE, B.ETABLISSEMENT_ENSEIGNEMENT}),
    ("Les laboratoires candidats relèvent d'établissements publics de recherche, d'écoles d'ingénieurs ou de centres "
     "hospitaliers universitaires.", {B.RECHERCHE, B.ETABLISSEMENT_ENSEIGNEMENT, B.ETABLISSEMENT_PUBLIC}),
    ("Le coordinateur appartient à un organisme de recherche ou à une université. Les associations de patients peuvent "
     "être partenaires et reçoivent alors une part du financement.",
     {B.RECHERCHE, B.ETABLISSEMENT_ENSEIGNEMENT, B.ASSOCIATION}),
    ("Le concours est ouvert aux PME, seules ou en partenariat avec un laboratoire public ; le laboratoire partenaire reçoit lui aussi "
     "une aide.", {B.TPE, B.PME, B.RECHERCHE}),
    ("Le concours est ouvert aux PME, seules ou en partenariat avec un laboratoire public ; le laboratoire partenaire ne reçoit "
     "aucune aide.", {B.TPE, B.PME}),  # a partner lab paid nothing stays a partner
    ("Le projet est conduit par un groupement. Son chef de file, qui signe la convention et reçoit l'aide, est une école "
     "d'ingénieurs ou un organisme de recherche.", {B.ETABLISSEMENT_ENSEIGNEMENT, B.RECHERCHE}),
    ("Sont éligibles les entreprises qui exploitent le site. Les syndicats mixtes qui gèrent le réseau sont aussi "
     "éligibles pour leur part.", {B.TPE, B.PME, B.ETI, B.GE, B.SYNDICAT_MIXTE}),
    ("Le bénéficiaire est l'employeur de l'apprentie : une entreprise de moins de 10 salariés. L'apprentie ne perçoit "
     "pas cette aide.", {B.TPE}),
    ("Les candidats sont les intercommunalités et les PETR. Les associations ne sont pas éligibles, sauf si les élus "
     "leur confient l'animation du projet ; elles peuvent alors être candidates.", {B.EPCI, B.PETR, B.ASSOCIATION}),
    ("Les candidats sont les intercommunalités et les PETR. Les associations ne sont pas éligibles.",
     {B.EPCI, B.PETR}),  # excluded with no case: the exclusion stands
    ("Communes et intercommunalités qui gèrent une zone d'activités. Les opérateurs du réseau ne sont pas "
     "bénéficiaires. Les entreprises de la zone, qui s'abonnent au service, non plus.", {B.COMMUNE, B.EPCI}),
])
def test_who_files(text: str, expected: set[B]) -> None:
    assert admitted(text) == expected
