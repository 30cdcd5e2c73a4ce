"""notifier: a letter is claimed by one sender before it is handed over (holder and lease), and the chef de
projet's letter keeps the message planned for its week

Revision ID: 0008_send_claims
Revises: 0007_scope
Create Date: 2026-12-07
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0008_send_claims"
down_revision = "0007_scope"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("digest", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claimed_by", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True))
        batch_op.add_column(sa.Column("claimed_until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("body", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite ≥ 3.35), as in 0007_scope: keeps the foreign keys to digest rows.
    with op.batch_alter_table("digest", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("body")
        batch_op.drop_column("claimed_until")
        batch_op.drop_column("claimed_by")
