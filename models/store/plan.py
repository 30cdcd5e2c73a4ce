"""Storing the plan d'actions: territories, porteurs, contacts, fiches-actions (idempotent, one transaction)."""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlmodel import Session, select

from models.records import ContactData, FicheActionData, PlanData, PorteurData, TerritoryData
from models.store.results import ImportReport
from models.tables import Contact, FicheAction, Porteur, Territory

_PORTEUR_FIELDS = ["nom", "type", "taille", "siren", "geo_codes", "description", "mots_cles", "profiles"]


def _save_territory(session: Session, data: TerritoryData, report: ImportReport) -> None:
    row = session.get(Territory, data.id)
    if row is None:
        session.add(Territory(**data.model_dump()))
        report.territories_new += 1
        return
    # A spreadsheet names the territory only: keep what settings.toml said about its chef de projet.
    for key, value in data.model_dump().items():
        if value:
            setattr(row, key, value)


def _save_porteur(session: Session, data: PorteurData, now: datetime, report: ImportReport) -> None:
    row = session.get(Porteur, data.id)
    values = {k: getattr(data, k) for k in _PORTEUR_FIELDS}
    values = {k: (str(v) if k in ("type", "taille") and v else v) for k, v in values.items()}
    if row is None:
        session.add(Porteur(id=data.id, territoire_id=data.territoire, updated_at=now, **values))
        report.porteurs_new += 1
    elif any(getattr(row, k) != v for k, v in values.items()) or row.territoire_id != data.territoire:
        for key, value in values.items():
            setattr(row, key, value)
        row.territoire_id, row.updated_at = data.territoire, now
        report.porteurs_updated += 1
    else:
        report.porteurs_unchanged += 1
    session.flush()
    for contact in data.contacts:
        _save_contact(session, data.id, contact, report)


def _save_contact(session: Session, porteur_id: str, data: ContactData, report: ImportReport) -> None:
    query = select(Contact).where(Contact.porteur_id == porteur_id, Contact.email == str(data.email).lower())
    row = session.exec(query).first()
    if row is None:
        token = secrets.token_urlsafe(24)
        session.add(Contact(porteur_id=porteur_id, email=str(data.email).lower(), nom=data.nom,
                            role=data.role, unsubscribe_token=token))
        report.contacts_new += 1
    else:
        row.nom, row.role = data.nom or row.nom, data.role or row.role


def _save_fiche(session: Session, data: FicheActionData, now: datetime, report: ImportReport) -> None:
    row = session.get(FicheAction, data.id)
    values = data.model_dump(mode="json")
    digest = data.content_hash()
    if row is None:
        session.add(FicheAction(**values, content_hash=digest, updated_at=now, created_at=now))
        report.fiches_new += 1
    elif row.content_hash != digest:
        for key, value in values.items():
            setattr(row, key, value)
        row.content_hash, row.updated_at = digest, now
        report.fiches_updated += 1
        report.updated_fiche_ids.append(data.id)
    else:
        report.fiches_unchanged += 1


_STORED_ONLY = {"content_hash", "updated_at", "created_at"}
"""Columns of a fiche row that Vigie owns, not part of the plan d'actions record."""


class PlanStore:
    """Mixin of Store: the plan d'actions."""

    def import_plan(self, plan: PlanData, now: datetime) -> ImportReport:
        """Create or update everything in the plan in one transaction. Matches and reviews of an updated
        fiche are kept (they are re-scored, never deleted); fiches absent from the plan are kept too."""
        report = ImportReport()
        with self.session() as session:
            for territory in plan.territories:
                _save_territory(session, territory, report)
            session.flush()
            for porteur in plan.porteurs:
                _save_porteur(session, porteur, now, report)
            session.flush()
            for fiche in plan.fiches:
                _save_fiche(session, fiche, now, report)
        return report

    def plan(self) -> PlanData:
        """Everything stored, as records."""
        with self.session() as session:
            territories = session.exec(select(Territory).order_by(Territory.id)).all()
            porteurs = session.exec(select(Porteur).order_by(Porteur.id)).all()
            contacts = session.exec(select(Contact).order_by(Contact.id)).all()
            fiches = session.exec(select(FicheAction).order_by(FicheAction.id)).all()
        by_porteur: dict[str, list[ContactData]] = {}
        for c in contacts:
            by_porteur.setdefault(c.porteur_id, []).append(ContactData(email=c.email, nom=c.nom, role=c.role))
        return PlanData(
            territories=[TerritoryData.model_validate(t.model_dump()) for t in territories],
            porteurs=[_porteur_record(p, by_porteur.get(p.id, [])) for p in porteurs],
            fiches=[FicheActionData.model_validate(f.model_dump(exclude=_STORED_ONLY)) for f in fiches],
        )

    def contacts(self, porteur_id: str | None = None) -> list[Contact]:
        """Stored contacts (all, or one porteur's)."""
        with self.session() as session:
            query = select(Contact).order_by(Contact.id)
            if porteur_id:
                query = query.where(Contact.porteur_id == porteur_id)
            return list(session.exec(query).all())

    def porteur(self, porteur_id: str) -> Porteur | None:
        """One porteur."""
        with self.session() as session:
            return session.get(Porteur, porteur_id)


def _porteur_record(row: Porteur, contacts: list[ContactData]) -> PorteurData:
    values = row.model_dump(exclude={"territoire_id", "updated_at"})
    return PorteurData(**values, territoire=row.territoire_id, contacts=contacts)
