"""Dossiers imported from the provincial one-stop system

Revision ID: 0011
Revises: 0010

An imported dossier has no clerk of ours (clerk_id NULL), is marked with its source and keeps the
provincial status code; a procedure an import created waits for the office to confirm its
processing time; each imported file is recorded once in dossier_imports.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.alter_column("clerk_id", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(
            sa.Column(
                "source",
                sa.Enum(
                    "counter",
                    "provincial",
                    name="dossier_source",
                    native_enum=False,
                    create_constraint=True,
                    length=24,
                ),
                nullable=False,
                server_default="counter",
            )
        )
        batch_op.add_column(sa.Column("source_status", sa.String(20), nullable=True))
        batch_op.add_column(sa.Column("imported_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("services") as batch_op:
        batch_op.add_column(
            sa.Column("days_confirmed", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    op.create_table(
        "dossier_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("format", sa.String(10), nullable=False),
        sa.Column("station", sa.String(60), nullable=False),
        sa.Column("clerk_id", sa.Integer(), nullable=True),
        sa.Column("created", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_dossier_imports_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["clerk_id"], ["clerks.id"], name=op.f("fk_dossier_imports_clerk_id_clerks")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dossier_imports")),
    )
    op.create_index(op.f("ix_dossier_imports_office_id"), "dossier_imports", ["office_id"])
    op.create_index(op.f("ix_dossier_imports_digest"), "dossier_imports", ["digest"])


def downgrade() -> None:
    op.drop_index(op.f("ix_dossier_imports_digest"), table_name="dossier_imports")
    op.drop_index(op.f("ix_dossier_imports_office_id"), table_name="dossier_imports")
    op.drop_table("dossier_imports")
    with op.batch_alter_table("services") as batch_op:
        batch_op.drop_column("days_confirmed")
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.drop_column("imported_at")
        batch_op.drop_column("source_status")
        batch_op.drop_column("source")
        batch_op.alter_column("clerk_id", existing_type=sa.Integer(), nullable=False)
