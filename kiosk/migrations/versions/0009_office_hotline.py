"""offices.hotline: the number an unhappy citizen is given on the kiosk's thank-you screen

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("offices") as batch_op:
        batch_op.add_column(sa.Column("hotline", sa.String(30), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("offices") as batch_op:
        batch_op.drop_column("hotline")
