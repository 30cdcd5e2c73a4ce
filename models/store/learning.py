"""What the matcher keeps between runs: content fingerprints, stored pair states, learnt rerankers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import insert, update
from sqlmodel import select

from models.tables import Match, MatchFingerprint, MatchModel, Opportunity, Porteur
from models.vocab import ReviewStatus

PairKey = tuple[str, str, str]
"""(fiche_id, source, source_id)."""


class LearningStore:
    """Mixin of Store: match fingerprints, stored pair states and learnt rerankers."""

    def match_fingerprints(self) -> dict[tuple[str, str], str]:
        """(kind, key) → digest recorded by the last match run."""
        with self.session() as session:
            rows = session.exec(select(MatchFingerprint.kind, MatchFingerprint.key, MatchFingerprint.digest)).all()
            return {(kind, key): digest for kind, key, digest in rows}

    def save_match_fingerprints(self, digests: Mapping[tuple[str, str], str], at: datetime) -> None:
        """Record the digests seen by a run (others are left as they are), in two grouped statements."""
        with self.session() as session:
            rows = session.exec(select(MatchFingerprint.id, MatchFingerprint.kind, MatchFingerprint.key,
                                       MatchFingerprint.digest)).all()
            existing = {(kind, key): (row_id, digest) for row_id, kind, key, digest in rows}
            new, changed = [], []
            for (kind, key), digest in digests.items():
                found = existing.get((kind, key))
                if found is None:
                    new.append({"kind": kind, "key": key, "digest": digest, "updated_at": at})
                elif found[1] != digest:
                    changed.append({"id": found[0], "digest": digest, "updated_at": at})
            if new:
                session.execute(insert(MatchFingerprint), new)
            if changed:
                session.execute(update(MatchFingerprint), changed)

    def match_states(self) -> dict[PairKey, tuple[float, bool, int | None]]:
        """(fiche_id, source, source_id) → (score, eligible, rank) of every stored match."""
        with self.session() as session:
            query = select(Match.fiche_id, Opportunity.source, Opportunity.source_id, Match.score, Match.eligible,
                           Match.rank).join(Opportunity, Opportunity.id == Match.opportunity_id)
            return {(f, s, i): (score, eligible, rank) for f, s, i, score, eligible, rank in session.exec(query).all()}

    def review_decisions(self) -> dict[PairKey, bool]:
        """(fiche_id, source, source_id) → True if the chef de projet accepted the match, False if rejected."""
        decided = [ReviewStatus.ACCEPTED.value, ReviewStatus.REJECTED.value]
        with self.session() as session:
            query = select(Match.fiche_id, Opportunity.source, Opportunity.source_id, Match.review_status).join(
                Opportunity, Opportunity.id == Match.opportunity_id).where(Match.review_status.in_(decided))
            return {(f, s, i): status == ReviewStatus.ACCEPTED.value for f, s, i, status in session.exec(query).all()}

    def call_groups(self) -> dict[tuple[str, str], int]:
        """(source, source_id) of every stored call → id of its canonical call (its own id when canonical)."""
        with self.session() as session:
            rows = session.exec(select(Opportunity.id, Opportunity.source, Opportunity.source_id,
                                       Opportunity.canonical_id)).all()
            return {(source, source_id): canonical or oid for oid, source, source_id, canonical in rows}

    def shared_decisions(self) -> list[tuple[str, str, int, bool]]:
        """(fiche_id, territory id of its porteur, canonical call id, accepted) of every accepted or rejected match,
        whichever source's row of the call it was decided on."""
        decided = [ReviewStatus.ACCEPTED.value, ReviewStatus.REJECTED.value]
        with self.session() as session:
            query = (select(Match.fiche_id, Porteur.territoire_id, Opportunity.id, Opportunity.canonical_id,
                            Match.review_status)
                     .join(Opportunity, Opportunity.id == Match.opportunity_id)
                     .join(Porteur, Porteur.id == Match.porteur_id)
                     .where(Match.review_status.in_(decided)).order_by(Match.id))
            return [(fiche, territory, canonical or oid, status == ReviewStatus.ACCEPTED.value)
                    for fiche, territory, oid, canonical, status in session.exec(query).all()]

    def save_match_model(self, model: MatchModel) -> None:
        """Store a trained reranker; an active one replaces the reranker in use."""
        with self.session() as session:
            if model.active:
                for row in session.exec(select(MatchModel).where(MatchModel.active == True)).all():  # noqa: E712
                    row.active = False
            session.add(model)

    def active_match_model(self) -> MatchModel | None:
        """The reranker in use, if any (the latest active one)."""
        with self.session() as session:
            query = select(MatchModel).where(MatchModel.active == True).order_by(MatchModel.id.desc())  # noqa: E712
            return session.exec(query).first()
