"""Station signatures on ratings, stations kept per office, and corrected dossier timings

Revision ID: 0010
Revises: 0009

Ratings recorded before this revision carry no signature; `kiosk verify` requires one only from a
station key's `first_sequence` on.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("ratings") as batch_op:
        batch_op.add_column(sa.Column("signature", sa.String(128), nullable=True))
    with op.batch_alter_table("stations") as batch_op:
        batch_op.add_column(sa.Column("office_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_stations_office_id"), ["office_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_stations_office_id_offices"), "offices", ["office_id"], ["id"]
        )
    op.create_table(
        "station_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("station", sa.String(60), nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("first_sequence", sa.Integer(), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.Column("clerk_id", sa.Integer(), nullable=False),
        sa.Column("seal", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_station_keys_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["clerk_id"], ["clerks.id"], name=op.f("fk_station_keys_clerk_id_clerks")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_station_keys")),
        sa.UniqueConstraint(
            "station", "first_sequence", name=op.f("uq_station_keys_station_first_sequence")
        ),
    )
    op.create_index(op.f("ix_station_keys_office_id"), "station_keys", ["office_id"])
    op.create_index(op.f("ix_station_keys_station"), "station_keys", ["station"])
    op.create_table(
        "timing_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Uuid(), nullable=False),
        sa.Column("event", sa.String(20), nullable=False),
        sa.Column("stated_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("clerk_id", sa.Integer(), nullable=True),
        sa.Column("manager_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_timing_corrections_ticket_id_tickets")
        ),
        sa.ForeignKeyConstraint(
            ["clerk_id"], ["clerks.id"], name=op.f("fk_timing_corrections_clerk_id_clerks")
        ),
        sa.ForeignKeyConstraint(
            ["manager_id"], ["clerks.id"], name=op.f("fk_timing_corrections_manager_id_clerks")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timing_corrections")),
    )
    op.create_index(op.f("ix_timing_corrections_ticket_id"), "timing_corrections", ["ticket_id"])
    op.create_index(
        op.f("ix_timing_corrections_recorded_at"), "timing_corrections", ["recorded_at"]
    )


def downgrade() -> None:
    op.drop_table("timing_corrections")
    op.drop_table("station_keys")
    with op.batch_alter_table("stations") as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_stations_office_id_offices"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_stations_office_id"))
        batch_op.drop_column("office_id")
    with op.batch_alter_table("ratings") as batch_op:
        batch_op.drop_column("signature")
