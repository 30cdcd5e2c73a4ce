"""crawlers: fingerprint of each call as first found (cheap unchanged re-crawls), status stated by the source

Revision ID: 0003_crawl
Revises: 0002_crawl
Create Date: 2026-11-24
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0003_crawl"
down_revision = "0002_crawl"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("opportunity", schema=None) as batch_op:
        batch_op.add_column(sa.Column("crawl_fingerprint", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("crawl_fingerprint_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("stated_status", sa.String(length=20), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35): recreating the table would break the foreign keys
    # that point at opportunity rows (history, matches, duplicates).
    with op.batch_alter_table("opportunity", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("stated_status")
        batch_op.drop_column("crawl_fingerprint_at")
        batch_op.drop_column("crawl_fingerprint")
