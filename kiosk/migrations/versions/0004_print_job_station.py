"""print_jobs.station: each counter prints its own jobs

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("print_jobs") as batch_op:
        batch_op.add_column(sa.Column("station", sa.String(60), nullable=False, server_default=""))
        batch_op.create_index("ix_print_jobs_station", ["station"])


def downgrade() -> None:
    with op.batch_alter_table("print_jobs") as batch_op:
        batch_op.drop_index("ix_print_jobs_station")
        batch_op.drop_column("station")
