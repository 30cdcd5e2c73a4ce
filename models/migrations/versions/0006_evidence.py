"""crawlers: where each fact of a call was read (the source's block and the sentence that states it)

Revision ID: 0006_evidence
Revises: 0005_amounts
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa


revision = "0006_evidence"
down_revision = "0005_amounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("opportunity", schema=None) as batch_op:
        batch_op.add_column(sa.Column("evidence", sa.JSON(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35), as in 0003_crawl: keeps the foreign keys to opportunity rows.
    with op.batch_alter_table("opportunity", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("evidence")
