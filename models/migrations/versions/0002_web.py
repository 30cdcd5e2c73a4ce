"""web app: calendar feed tokens, indexes for the review queue and the dashboard

Revision ID: 0002_web
Revises: 0001
Create Date: 2026-11-24
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0002_web"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_feed",
        sa.Column("porteur_id", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("token", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["porteur_id"], ["porteur.id"]),
        sa.PrimaryKeyConstraint("porteur_id"),
        sa.UniqueConstraint("token"),
    )
    # The review queue filters on status and eligibility and sorts by score: a covering index keeps it fast
    # with 20,000 matches (the rows themselves are wide: eligibility and reasons as JSON).
    op.create_index("ix_web_match_queue", "match", ["review_status", "eligible", "score", "snoozed_until",
                                                     "porteur_id", "opportunity_id", "fiche_id"])
    # Page 1 of the queue sorted by score: a covering index read in score order stops after 50 rows.
    op.create_index("ix_web_match_score", "match", ["score", "id", "review_status", "eligible", "snoozed_until",
                                                     "porteur_id", "opportunity_id", "fiche_id"])
    op.create_index("ix_web_opportunity_first_seen", "opportunity", ["first_seen"])


def downgrade() -> None:
    op.drop_index("ix_web_opportunity_first_seen", table_name="opportunity")
    op.drop_index("ix_web_match_score", table_name="match")
    op.drop_index("ix_web_match_queue", table_name="match")
    op.drop_table("calendar_feed")
