"""offices: authority, place, signatory for the printed forms

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COLUMNS = (
    ("authority", 200),
    ("place_name", 100),
    ("signatory_title", 100),
    ("signatory_name", 120),
)


def upgrade() -> None:
    with op.batch_alter_table("offices") as batch_op:
        for name, length in COLUMNS:
            batch_op.add_column(
                sa.Column(name, sa.String(length), nullable=False, server_default="")
            )


def downgrade() -> None:
    with op.batch_alter_table("offices") as batch_op:
        for name, _length in COLUMNS:
            batch_op.drop_column(name)
