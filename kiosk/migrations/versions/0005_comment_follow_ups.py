"""comment_follow_ups: a manager marks a citizen's comment as followed up

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "comment_follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rating_id", sa.Uuid(), nullable=False),
        sa.Column("clerk_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["clerk_id"], ["clerks.id"], name=op.f("fk_comment_follow_ups_clerk_id_clerks")
        ),
        sa.ForeignKeyConstraint(
            ["rating_id"], ["ratings.id"], name=op.f("fk_comment_follow_ups_rating_id_ratings")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comment_follow_ups")),
        sa.UniqueConstraint("rating_id", name=op.f("uq_comment_follow_ups_rating_id")),
    )


def downgrade() -> None:
    op.drop_table("comment_follow_ups")
