"""review queue: an index of the matches call by call, covering the queue's filters

Revision ID: 0010_queue_call
Revises: 0002_web
Create Date: 2026-12-06
"""
from alembic import op


revision = "0010_queue_call"
down_revision = "0002_web"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The queue sorted by deadline counts the matches of each call and reads only the calls of its page: with this
    # covering index each call is one range (status, eligibility, score), at 100,000 matches as at 1,000.
    op.create_index("ix_web_match_call", "match", ["opportunity_id", "review_status", "eligible", "score",
                                                   "snoozed_until", "porteur_id", "fiche_id"])


def downgrade() -> None:
    op.drop_index("ix_web_match_call", table_name="match")
