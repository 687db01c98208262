"""The counter's 2025 forms: documents received (Form 01), supplement requests (Form 02),
refusals (Form 03), the yearly register's entry number, and the new print kinds

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

KINDS_BEFORE = ("receipt", "apology")
KINDS_AFTER = ("receipt", "apology", "supplement", "refusal")


def _print_kinds(kinds: tuple[str, ...]) -> None:
    listed = ", ".join(f"'{kind}'" for kind in kinds)
    with op.batch_alter_table("print_jobs") as batch_op:
        batch_op.drop_constraint(op.f("ck_print_jobs_print_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_print_jobs_print_kind"), f"kind IN ({listed})")


def upgrade() -> None:
    _print_kinds(KINDS_AFTER)
    op.create_table(
        "service_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("form", sa.String(16), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_service_documents_service_id_services")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_documents")),
    )
    with op.batch_alter_table("service_documents") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_service_documents_service_id"), ["service_id"], unique=False
        )
    op.create_table(
        "register_counters",
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_entry", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_register_counters_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("office_id", "year", name=op.f("pk_register_counters")),
    )
    with op.batch_alter_table("tickets") as batch_op:
        batch_op.add_column(sa.Column("documents", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("sets", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("register_entry", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("refused_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("refusal_reason", sa.Text(), nullable=True))
    op.create_table(
        "supplement_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("clerk_id", sa.Integer(), nullable=False),
        sa.Column("missing", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("returned_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["clerk_id"], ["clerks.id"], name=op.f("fk_supplement_requests_clerk_id_clerks")
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["tickets.id"], name=op.f("fk_supplement_requests_ticket_id_tickets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supplement_requests")),
        sa.UniqueConstraint(
            "ticket_id", "number", name=op.f("uq_supplement_requests_ticket_id_number")
        ),
    )
    with op.batch_alter_table("supplement_requests") as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supplement_requests_ticket_id"), ["ticket_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("supplement_requests")
    with op.batch_alter_table("tickets") as batch_op:
        for column in ("refusal_reason", "refused_at", "register_entry", "sets", "documents"):
            batch_op.drop_column(column)
    op.drop_table("register_counters")
    op.drop_table("service_documents")
    _print_kinds(KINDS_BEFORE)
