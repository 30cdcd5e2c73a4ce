"""The French label of every value Vigie stores (models.vocab and the review, follow-up and eligibility
codes of the stored rows). Read through models.display."""

from __future__ import annotations

from models.vocab import (
    Axe, Beneficiary, ChangeKind, FollowUp, Instrument, PorteurType, Recurrence, ReviewStatus, Role, Status,
    Taille,
)

CALL_STATUS_LABELS = {Status.OPEN: "ouvert", Status.UPCOMING: "à venir", Status.CLOSED: "clos",
                      Status.PERMANENT: "permanent", Status.UNKNOWN: "dates inconnues"}
"""A call's status on a day (models.records.status_as_of); without dates nobody knows it."""
REVIEW_LABELS = {ReviewStatus.PENDING: "À revoir", ReviewStatus.ACCEPTED: "Acceptée",
                 ReviewStatus.REJECTED: "Rejetée", ReviewStatus.SNOOZED: "Reportée"}
"""The chef de projet's decision on a match (a « correspondance »)."""
FOLLOWUP_LABELS = {FollowUp.TO_STUDY: "À étudier", FollowUp.TO_FILE: "À déposer", FollowUp.FILED: "Déposé",
                   FollowUp.WON: "Obtenu", FollowUp.REFUSED: "Refusé"}
"""Where the porteur's application stands (in the order of models.vocab.FollowUp: the forms list them so)."""
REJECT_REASONS = {
    "hors_sujet": "Hors sujet pour la fiche",
    "non_eligible": "Porteur non éligible",
    "calendrier": "Calendrier incompatible",
    "montant": "Montant inadapté",
    "deja_connu": "Déjà connu ou déjà déposé",
    "autre": "Autre (voir la note)",
}
"""The short list of reject reasons, kept with the decision for learning."""
PORTEUR_TYPE_LABELS = {
    PorteurType.COMMUNE: "commune", PorteurType.EPCI: "intercommunalité (EPCI)",
    PorteurType.DEPARTEMENT: "département", PorteurType.REGION: "région",
    PorteurType.SYNDICAT_MIXTE: "syndicat mixte", PorteurType.PETR: "PETR ou pays",
    PorteurType.ENTREPRISE: "entreprise", PorteurType.ASSOCIATION: "association",
    PorteurType.ETABLISSEMENT_PUBLIC: "établissement public", PorteurType.CHAMBRE_CONSULAIRE: "chambre consulaire",
    PorteurType.SEM: "SEM", PorteurType.ETABLISSEMENT_ENSEIGNEMENT: "établissement d'enseignement",
    PorteurType.RECHERCHE: "organisme de recherche",
}
"""What a porteur is (one of them: singular)."""
BENEFICIARY_LABELS = {
    Beneficiary.COMMUNE: "Communes", Beneficiary.EPCI: "Intercommunalités (EPCI)",
    Beneficiary.DEPARTEMENT: "Départements", Beneficiary.REGION: "Régions",
    Beneficiary.SYNDICAT_MIXTE: "Syndicats mixtes", Beneficiary.PETR: "PETR et pays",
    Beneficiary.ENTREPRISE: "Entreprises (toutes tailles)", Beneficiary.TPE: "TPE", Beneficiary.PME: "PME",
    Beneficiary.ETI: "ETI", Beneficiary.GE: "Grandes entreprises", Beneficiary.ASSOCIATION: "Associations",
    Beneficiary.ETABLISSEMENT_PUBLIC: "Établissements publics",
    Beneficiary.CHAMBRE_CONSULAIRE: "Chambres consulaires", Beneficiary.SEM: "SEM",
    Beneficiary.ETABLISSEMENT_ENSEIGNEMENT: "Établissements d'enseignement", Beneficiary.RECHERCHE: "Recherche",
    Beneficiary.PARTICULIER: "Particuliers", Beneficiary.AGRICULTEUR: "Agriculteurs",
}
"""Who a call is open to (plural: the kinds of beneficiary it admits)."""
TAILLE_LABELS = {Taille.TPE: "TPE", Taille.PME: "PME", Taille.ETI: "ETI", Taille.GE: "grande entreprise"}
AXE_LABELS = {Axe.INNOVATION: "Innovation", Axe.TRANSITION_ECOLOGIQUE: "Transition écologique",
              Axe.COMPETENCES: "Compétences", Axe.FONCIER: "Foncier"}
"""The four national priorities of Territoires d'industrie."""
INSTRUMENT_LABELS = {
    Instrument.SUBVENTION: "subvention",
    Instrument.PRET: "prêt",
    Instrument.AVANCE_REMBOURSABLE: "avance remboursable",
    Instrument.GARANTIE: "garantie",
    Instrument.FONDS_PROPRES: "fonds propres",
    Instrument.AAP: "appel à projets",
    Instrument.AMI: "appel à manifestation d'intérêt",
    Instrument.CONCOURS: "concours",
    Instrument.APPEL_OFFRES: "appel d'offres",
    Instrument.ACCOMPAGNEMENT: "accompagnement",
    Instrument.CEE: "certificats d'économies d'énergie",
    Instrument.AVANTAGE_FISCAL: "avantage fiscal",
}
RECURRENCE_LABELS = {Recurrence.PONCTUELLE: "ponctuel", Recurrence.PERMANENTE: "permanent (guichet)",
                     Recurrence.RECURRENTE: "récurrent (une campagne par an)"}
CHANGE_LABELS = {ChangeKind.NEW: "Nouveau", ChangeKind.CHANGED: "Modifié", ChangeKind.CLOSED: "Clos",
                 ChangeKind.REOPENED: "Rouvert"}
"""Entries of a call's change history."""
ROLE_LABELS = {Role.ADMIN: "administrateur", Role.CHEF: "chef de projet", Role.LECTEUR: "lecteur"}
CRITERION_LABELS = {"beneficiaire": "Bénéficiaire", "territoire": "Territoire", "calendrier": "Calendrier",
                    "montant": "Montant"}
"""The eligibility criteria of a match."""
VERDICT_LABELS = {"ok": "✔ oui", "ko": "✘ non", "inconnu": "? inconnu"}
DIGEST_LABELS = {"pending": "en attente d'envoi", "sent": "envoyée", "failed": "refusée par le serveur",
                 "expired": "pas partie dans sa semaine (ses appels repartent dans la lettre suivante)"}
"""A recorded weekly letter's state."""
SEND_OUTCOME_LABELS = {"written": "écrite(s) dans la boîte d'envoi", "sent": "envoyée(s) par SMTP",
                       "preview": "aperçu(s)", "already_sent": "déjà envoyée(s) cette semaine",
                       "busy": "en cours d'envoi par un autre envoi de Vigie",
                       "pending": "en attente (erreur temporaire, repartira au prochain envoi)",
                       "failed": "refusée(s) par le serveur",
                       "blocked": "non envoyée(s) : adresse déjà refusée par son serveur"}
"""What one run of the weekly letters did with a letter (counted: « 3 écrite(s) dans la boîte d'envoi »)."""
