"""crawlers: typed changes of the calls between crawls (new relève, deadline moved, closed early, reopened,
beneficiaries or amount changed)

Revision ID: 0005_changes
Revises: 0004_sched
Create Date: 2026-11-26
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0005_changes"
down_revision = "0004_sched"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "call_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("type", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("detected_on", sa.Date(), nullable=False),
        sa.Column("detected_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["opportunity_id"], ["opportunity.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_call_change_opportunity_id"), "call_change", ["opportunity_id"], unique=False)
    op.create_index(op.f("ix_call_change_detected_on"), "call_change", ["detected_on"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_call_change_detected_on"), table_name="call_change")
    op.drop_index(op.f("ix_call_change_opportunity_id"), table_name="call_change")
    op.drop_table("call_change")
