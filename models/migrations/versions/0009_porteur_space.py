"""porteurs' space: generation of each contact's personal links (revocation), answers to proposed calls (one per
contact and match, earlier ones kept in `history`), days each contact opened their space

Revision ID: 0009_porteur_space
Revises: 0008_sessions
Create Date: 2026-12-20
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0009_porteur_space"
down_revision = "0008_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "space_link",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("revoked_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"]),
        sa.PrimaryKeyConstraint("contact_id"),
    )
    op.create_table(
        "porteur_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("match_id", sa.Integer(), nullable=False),
        sa.Column("answer", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.Column("answered_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("history", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"]),
        sa.ForeignKeyConstraint(["match_id"], ["match.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("contact_id", "match_id"),
    )
    op.create_index(op.f("ix_porteur_answer_contact_id"), "porteur_answer", ["contact_id"], unique=False)
    op.create_index(op.f("ix_porteur_answer_match_id"), "porteur_answer", ["match_id"], unique=False)
    op.create_index(op.f("ix_porteur_answer_answered_at"), "porteur_answer", ["answered_at"], unique=False)
    op.create_table(
        "space_visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("contact_id", "day"),
    )
    op.create_index(op.f("ix_space_visit_contact_id"), "space_visit", ["contact_id"], unique=False)
    op.create_index(op.f("ix_space_visit_day"), "space_visit", ["day"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_space_visit_day"), table_name="space_visit")
    op.drop_index(op.f("ix_space_visit_contact_id"), table_name="space_visit")
    op.drop_table("space_visit")
    op.drop_index(op.f("ix_porteur_answer_answered_at"), table_name="porteur_answer")
    op.drop_index(op.f("ix_porteur_answer_match_id"), table_name="porteur_answer")
    op.drop_index(op.f("ix_porteur_answer_contact_id"), table_name="porteur_answer")
    op.drop_table("porteur_answer")
    op.drop_table("space_link")
