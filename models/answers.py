"""What a porteur contact answers about a proposed call, from a letter or their space: the vocabulary, the
French labels, and the two rules that follow an answer (the follow-up it sets, what learning makes of it)."""

from __future__ import annotations

from models.vocab import FOLLOWUP_DONE, FollowUp

INTERESTED, NOT_FOR_US, APPLYING = "interesse", "pas_pour_nous", "je_depose"
ANSWER_LABELS = {INTERESTED: "Ça m'intéresse", NOT_FOR_US: "Pas pour nous", APPLYING: "Je dépose un dossier"}
"""The answers, in the order the letter and the space show them."""
ANSWER_SHORT = {INTERESTED: "intéressé", NOT_FOR_US: "pas pour nous", APPLYING: "je dépose"}
"""The answers as counts and lists name them (« 2 intéressé », the chef de projet's letter, `vigie stats`)."""
REASON_LABELS = {"pas_eligible": "pas éligible", "pas_le_bon_moment": "pas le bon moment",
                 "montant_trop_faible": "montant trop faible", "deja_finance": "déjà financé",
                 "hors_sujet": "hors sujet"}
"""Why « pas pour nous » (optional)."""
NEGATIVE_REASONS = {"pas_eligible", "hors_sujet"}
"""« Pas pour nous » reasons that say the call does not fit (not just bad timing): evidence for learning."""


def is_answer(value: str) -> bool:
    """One of the three answers."""
    return value in ANSWER_LABELS


def clean_reason(answer: str, reason: str | None) -> str | None:
    """The reason kept with an answer: only for « pas pour nous », only a known one."""
    return reason if answer == NOT_FOR_US and reason in REASON_LABELS else None


def followup_after(answer: str, current: str | None) -> str | None:
    """The follow-up « je dépose » sets (à déposer), or None when nothing changes: another answer, or a
    follow-up already at « à déposer » or further (déposé, obtenu, refusé)."""
    if answer != APPLYING:
        return None
    if current == FollowUp.TO_FILE or current in FOLLOWUP_DONE:
        return None
    return FollowUp.TO_FILE


def learning_verdict(answer: str, reason: str | None) -> bool | None:
    """What an answer tells learning when the chef de projet has not decided: True (a fit), False (not one),
    None (nothing: « pas pour nous » for timing, money or funding already found)."""
    if answer in (INTERESTED, APPLYING):
        return True
    if answer == NOT_FOR_US and reason in NEGATIVE_REASONS:
        return False
    return None


def answer_text(answer: str, reason: str | None) -> str:
    """« Pas pour nous (hors sujet) », « Ça m'intéresse »."""
    text = ANSWER_LABELS.get(answer, "réponse inconnue")
    return f"{text} ({REASON_LABELS[reason]})" if reason in REASON_LABELS else text
