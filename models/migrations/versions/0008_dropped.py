"""crawlers: why each call of a crawl run was dropped (a date that does not exist, a link that is not http(s)…)

Revision ID: 0008_dropped
Revises: 0007_scope
Create Date: 2026-12-08
"""
from alembic import op
import sqlalchemy as sa


revision = "0008_dropped"
down_revision = "0007_scope"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("crawlrun", schema=None) as batch_op:
        batch_op.add_column(sa.Column("dropped_reasons", sa.JSON(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35), as in 0006_evidence.
    with op.batch_alter_table("crawlrun", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("dropped_reasons")
