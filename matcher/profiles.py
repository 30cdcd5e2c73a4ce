"""Keyword profiles: weighted terms found in a text (a call or a fiche), minus exclusions that are not negated.

"hors agriculture" excludes agriculture from the call, so a profile excluding agriculture
is not penalised; "agriculture" plainly present is.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from models.config.schema import ExclusionConfig, ProfileConfig
from models.records import FicheActionData, PorteurData

from matcher.documents import Document, Phrase

EXCLUSION_PENALTY = 5.0
"""Points an exclusion that fires takes off a profile's raw score."""
SATURATION = 4.0
"""Raw points → [0, 1] as raw / (raw + SATURATION): one strong term (+4) gives 0.5."""


@dataclass(frozen=True)
class ProfileHits:
    """What one profile found in one call (or in one fiche, whose exclusions are not used)."""

    profile_id: str
    terms: tuple[tuple[str, float], ...]
    """(term as configured, weight) for every term found."""
    exclusions: tuple[str, ...]
    """Exclusion terms that fired."""

    @property
    def raw(self) -> float:
        """Sum of the weights found minus the exclusion penalties (may be negative)."""
        return sum(w for _, w in self.terms) - EXCLUSION_PENALTY * len(self.exclusions)

    def to_bytes(self) -> bytes:
        """The hits as kept on disk (matcher.stash): JSON, weights read back equal."""
        return json.dumps([self.profile_id, self.terms, self.exclusions], ensure_ascii=False).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> ProfileHits:
        """Read back what `to_bytes` wrote (ValueError or TypeError when it cannot)."""
        profile_id, terms, exclusions = json.loads(data)
        return cls(profile_id, tuple((term, weight) for term, weight in terms), tuple(exclusions))


def profile_strings(profiles: Mapping[str, ProfileConfig]) -> list[str]:
    """Every string of the profiles that must be analysed."""
    strings: list[str] = []
    for profile in profiles.values():
        strings.extend(profile.terms)
        for exclusion in profile.exclusions:
            strings.append(exclusion.term)
            strings.extend(exclusion.negations)
    return strings


def named_profiles(
    fiche: FicheActionData, porteur: PorteurData, profiles: Mapping[str, ProfileConfig]
) -> list[str]:
    """Profiles the fiche or its porteur names (unknown ids ignored): they apply whatever the fiche says."""
    return [pid for pid in dict.fromkeys([*fiche.profiles, *porteur.profiles]) if pid in profiles]


def attached_profiles(
    fiche: FicheActionData, porteur: PorteurData, profiles: Mapping[str, ProfileConfig]
) -> list[str]:
    """Profiles named by the fiche or its porteur, then those attached to the fiche's axe (see matcher.affinity:
    an axe profile counts only as far as the fiche's own text is about it)."""
    by_axe = [pid for pid, p in profiles.items() if fiche.axe and fiche.axe in p.axes]
    return list(dict.fromkeys(named_profiles(fiche, porteur, profiles) + by_axe))


class ProfileScorer:
    """Looks for the profiles' terms and exclusions in call documents."""

    def __init__(self, profiles: Mapping[str, ProfileConfig], phrases: Mapping[str, Phrase | None]) -> None:
        self.profiles = profiles
        self.phrases = phrases

    def hits(self, profile_id: str, doc: Document) -> ProfileHits:
        """Terms found and exclusions fired for one profile in one document."""
        profile = self.profiles[profile_id]
        terms = tuple(
            (term, weight) for term, weight in profile.terms.items()
            if (phrase := self.phrases[term]) and doc.find(phrase)
        )
        fired = tuple(e.term for e in profile.exclusions if self._fires(e, doc))
        return ProfileHits(profile_id, terms, fired)

    def _fires(self, exclusion: ExclusionConfig, doc: Document) -> bool:
        """True if the term stands somewhere without a negation in the `window` words before it."""
        phrase = self.phrases[exclusion.term]
        if phrase is None:
            return False
        negations = [n for n in (self.phrases[t] for t in exclusion.negations) if n]
        return any(not self._negated(doc, f, p, negations, exclusion.window) for f, p in doc.find(phrase))

    @staticmethod
    def _negated(doc: Document, field_number: int, pos: int, negations: list[Phrase], window: int) -> bool:
        sentence = doc.token(field_number, pos).sent
        for negation in negations:
            for f, start in doc.find(negation):
                end = start + len(negation) - 1
                if f != field_number or end >= pos or doc.token(f, start).sent != sentence:
                    continue
                if doc.word_distance(f, end, pos) <= window:
                    return True
        return False
