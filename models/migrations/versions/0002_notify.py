"""notifier: what each digest item covered (last change event, reminder band and its relève)

Revision ID: 0002_notify
Revises: 0001
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa


revision = "0002_notify"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("digestitem", schema=None) as batch_op:
        batch_op.add_column(sa.Column("event_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("band", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("band_date", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("digestitem", schema=None) as batch_op:
        batch_op.drop_column("band_date")
        batch_op.drop_column("band")
        batch_op.drop_column("event_id")
