"""crawlers: a source that is not configured yet (e.g. API key missing) is a state, not a failure

Revision ID: 0002_crawl
Revises: 0001
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa


revision = "0002_crawl"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unconfigured_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.drop_column("unconfigured_reason")
