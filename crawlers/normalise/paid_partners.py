"""Partners who are all paid: when a text says every partner receives its share (« Chaque partenaire reçoit directement
sa part de l'aide », « le chef de file reverse à chaque partenaire la part qui lui revient »), the partners it names
anywhere are co-applicants, and the sentences are rewritten so that the applicant reader reads them so."""

from __future__ import annotations

import re

_EVERY_PARTNER_PAID = re.compile(
    r"\b(?:chaque|tous les|toutes les) (?:partenaires?|membres?)\b[^.;]{0,120}?"
    r"\b(?:est|sont|sera|seront) (?:co-?)?beneficiaires?"
    r"|\b(?:chaque|tous les|toutes les) (?:partenaires?|membres?)\b[^.;]{0,80}?"
    r"\b(?:recoi|percoi)\w* (?:alors )?(?:directement )?(?:sa|leur|la|une) (?:part|aide|subvention)\b"
    r"|\btous (?:co-?)?beneficiaires\b"
    r"|\bpartenaires?\b[^.]{0,40}?\bchacun (?:\w+ ){0,2}?(?:recoit|percoit) (?:\w+ ){0,2}?sa part"
    r"|\b(?:re)?(?:verse|distribue|transfere)n?t? a (?:chaque|tous les|toutes les) (?:partenaires?|membres?)\b"
    r"[^.;]{0,30}?\bpart\b"
    r"|\bbeneficiaires (?:de l'aide )?sont (?:les |tous les )?(?:partenaires?|membres?)\b"
    r"|\b(?:partenaires?|membres?)(?: du (?:consortium|projet|groupement))? sont (?:tous )?(?:les )?(?:co-?)?beneficiaires\b")
"""« Chaque partenaire reçoit directement sa part de l'aide », « … un partenaire italien, tous bénéficiaires », « le
chef de file reverse à chaque partenaire la part qui lui revient »: the text's partners are applicants wherever it
names them."""
_PARTNER_WORD = re.compile(
    r"(?<!sans etre )(?<!pas )(?<!compte des )(?<!compte du )"
    r"\b(?:partenaires?|membres?(?= du (?:consortium|projet|groupement)))\b"
    r"(?! (?:co-?)?beneficiaire|associe|sans\b|non (?:financ|remuner|retribu|aide|subventionn))")
_PARTNERSHIP = re.compile(r"\ben partenariat avec\b")


def partners_as_applicants(sentences: list[str]) -> list[str]:
    """The folded sentences, each partner word marked « bénéficiaires » (« en partenariat avec » read as a co-filer)
    when one sentence says every partner is paid; unchanged otherwise."""
    if not any(_EVERY_PARTNER_PAID.search(s) for s in sentences):
        return sentences
    return [_PARTNER_WORD.sub(r"\g<0> beneficiaires", _PARTNERSHIP.sub("co-deposant avec", s)) for s in sentences]
