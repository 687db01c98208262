"""offices: the targets the province sets; stations: who is out there and when last heard from

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TARGETS = (("target_satisfaction", "80"), ("target_on_time", "100"), ("target_early", "30"))


def upgrade() -> None:
    with op.batch_alter_table("offices") as batch_op:
        for name, default in TARGETS:
            batch_op.add_column(
                sa.Column(name, sa.Integer(), nullable=False, server_default=default)
            )
    op.create_table(
        "stations",
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("first_contact_at", sa.DateTime(), nullable=False),
        sa.Column("last_contact_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_stations")),
    )


def downgrade() -> None:
    op.drop_table("stations")
    with op.batch_alter_table("offices") as batch_op:
        for name, _default in TARGETS:
            batch_op.drop_column(name)
