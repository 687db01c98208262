"""Ratings of a case's handling: ratings.case_id (one per case), no service needed, call-backs

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ratings") as batch_op:
        batch_op.add_column(sa.Column("case_id", sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_ratings_case_id_feedback_cases"), "feedback_cases", ["case_id"], ["id"]
        )
        batch_op.create_unique_constraint(op.f("uq_ratings_case_id"), ["case_id"])
        # A case's handling may concern no service at all (a petition about the office).
        batch_op.alter_column("service_id", existing_type=sa.Integer(), nullable=True)
        # "phone": the citizen's rating of a case's handling, taken by staff on a call-back.
        batch_op.drop_constraint(op.f("ck_ratings_rating_channel"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_ratings_rating_channel"), "channel IN ('kiosk', 'paper', 'phone')"
        )


def downgrade() -> None:
    with op.batch_alter_table("ratings") as batch_op:
        batch_op.drop_constraint(op.f("ck_ratings_rating_channel"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_ratings_rating_channel"), "channel IN ('kiosk', 'paper')"
        )
        batch_op.alter_column("service_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_constraint(op.f("uq_ratings_case_id"), type_="unique")
        batch_op.drop_constraint(op.f("fk_ratings_case_id_feedback_cases"), type_="foreignkey")
        batch_op.drop_column("case_id")
