"""crawlers: a coverage that no COG code states (the European Union of EU programmes)

Revision ID: 0007_scope
Revises: 0006_evidence
Create Date: 2026-12-06
"""
from alembic import op
import sqlalchemy as sa


revision = "0007_scope"
down_revision = "0006_evidence"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("opportunity", schema=None) as batch_op:
        batch_op.add_column(sa.Column("geo_scope", sa.String(length=30), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35), as in 0006_evidence: keeps the foreign keys to opportunity rows.
    with op.batch_alter_table("opportunity", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("geo_scope")
