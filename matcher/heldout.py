"""How `vigie eval` keeps what it learns away from what it judges: folds of labelled fiches.

With fiches of two territories or more, one territory is left out at a time (learn on the others, judge it);
with one territory, one porteur at a time. A fiche is never judged by something learnt on its own labels.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

TERRITORY, PORTEUR, NONE = "territoire", "porteur", "aucun"


@dataclass(frozen=True)
class Protocol:
    """Folds of the labelled fiches."""

    kind: str
    """territoire | porteur | aucun (a single porteur: nothing can be held out)."""
    group_of: dict[str, str]
    """Fiche id → its fold (territory or porteur id)."""

    @property
    def groups(self) -> list[str]:
        """Fold names, sorted."""
        return sorted(set(self.group_of.values()))

    def folds(self, fiches: Sequence[str]) -> Iterator[tuple[str, list[bool]]]:
        """(group, held-out mask over `fiches`) for each group, in order; fiches outside every group are never held
        out."""
        for group in self.groups:
            yield group, [self.group_of.get(f) == group for f in fiches]

    def statement(self) -> str:
        """What the protocol is, in French, for the output of `vigie eval`."""
        count = len(self.groups)
        if self.kind == TERRITORY:
            return (f"Protocole : ce qui est appris l'est en laissant de côté un territoire à la fois ({count} "
                    "territoires) : appris sur les autres, jugé sur celui-là, jamais sur les mêmes fiches.")
        if self.kind == PORTEUR:
            return (f"Protocole : un seul territoire dans les notes ; ce qui est appris l'est en laissant de côté "
                    f"un porteur à la fois ({count} porteurs), jamais sur les fiches jugées.")
        return "Protocole : un seul porteur dans les notes ; rien ne peut y être appris sans être jugé sur ses fiches."


def choose_protocol(fiches: Sequence[str], porteur_of: Mapping[str, str], territory_of: Mapping[str, str]) -> Protocol:
    """Leave one territory out when the labelled fiches span two territories or more, else one porteur out."""
    territories = {f: territory_of[porteur_of[f]] for f in fiches}
    if len(set(territories.values())) >= 2:
        return Protocol(TERRITORY, territories)
    porteurs = {f: porteur_of[f] for f in fiches}
    return Protocol(PORTEUR if len(set(porteurs.values())) >= 2 else NONE, porteurs)
