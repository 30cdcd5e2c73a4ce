"""amounts: floor and ceiling of the project's budget a call admits, apart from those of the aid

Revision ID: 0005_amounts
Revises: 0004_sched
Create Date: 2026-11-24
"""
from alembic import op
import sqlalchemy as sa


revision = "0005_amounts"
down_revision = "0004_sched"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("opportunity", schema=None) as batch_op:
        batch_op.add_column(sa.Column("project_min", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("project_max", sa.Float(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35), as in 0003_crawl: keeps the foreign keys to opportunity rows.
    with op.batch_alter_table("opportunity", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("project_max")
        batch_op.drop_column("project_min")
