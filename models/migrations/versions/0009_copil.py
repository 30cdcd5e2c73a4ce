"""follow-up to the grant and COPIL report: the amount a dossier asks for, when a fiche entered the plan, and the
reports generated per territory (the default start of the next report's changes)

Revision ID: 0009_copil
Revises: 0008_dropped
Create Date: 2026-12-08
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0009_copil"
down_revision = "0008_dropped"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("match", schema=None) as batch_op:
        batch_op.add_column(sa.Column("amount_requested", sa.Float(), nullable=True))
    with op.batch_alter_table("ficheaction", schema=None) as batch_op:
        batch_op.add_column(sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    # A fiche imported before this version entered the plan at the latest when it was last updated.
    op.execute("UPDATE ficheaction SET created_at = updated_at")
    op.create_table(
        "copil_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("territoire_id", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("generated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("format", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.ForeignKeyConstraint(["territoire_id"], ["territory.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_copil_report_territoire_id"), "copil_report", ["territoire_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_copil_report_territoire_id"), table_name="copil_report")
    op.drop_table("copil_report")
    # ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35), as in 0003_crawl: keeps the foreign keys to these rows.
    with op.batch_alter_table("ficheaction", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("created_at")
    with op.batch_alter_table("match", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("amount_requested")
