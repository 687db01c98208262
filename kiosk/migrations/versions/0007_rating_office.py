"""ratings.office_id: each rating knows its office, so a district database keeps offices apart

Revision ID: 0007
Revises: 0006

Ratings recorded before this revision keep NULL: they belong to the database's only office (the
reports count them there), and their hash chain stays as it was.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ratings") as batch_op:
        batch_op.add_column(sa.Column("office_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_ratings_office_id"), ["office_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_ratings_office_id_offices"), "offices", ["office_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("ratings") as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_ratings_office_id_offices"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_ratings_office_id"))
        batch_op.drop_column("office_id")
