"""Feedback cases (phản ánh, kiến nghị): cases, their history, contacts kept apart, numbering

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=24)


def upgrade() -> None:
    with op.batch_alter_table("offices") as batch_op:
        batch_op.add_column(
            sa.Column("case_days", sa.Integer(), nullable=False, server_default="10")
        )
        batch_op.add_column(
            sa.Column("contact_months", sa.Integer(), nullable=False, server_default="12")
        )
    op.create_table(
        "case_counters",
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_case_counters_office_id_offices")
        ),
        sa.PrimaryKeyConstraint("office_id", "year", name=op.f("pk_case_counters")),
    )
    op.create_table(
        "feedback_cases",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(20), nullable=False),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column(
            "source",
            _enum("case_source", "rating", "kiosk", "in_person", "phone", "mail"),
            nullable=False,
        ),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("rating_id", sa.Uuid(), nullable=True),
        sa.Column("dossier_id", sa.Uuid(), nullable=True),
        sa.Column("service_id", sa.Integer(), nullable=True),
        sa.Column("about_clerk_id", sa.Integer(), nullable=True),
        sa.Column("due_at", sa.DateTime(), nullable=False),
        sa.Column(
            "state",
            _enum("case_state", "open", "assigned", "answered", "closed", "transferred"),
            nullable=False,
        ),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column(
            "answer_channel",
            _enum("answer_channel", "in_person", "phone", "letter", "sms"),
            nullable=True,
        ),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("transferred_to", sa.String(200), nullable=True),
        sa.ForeignKeyConstraint(
            ["office_id"], ["offices.id"], name=op.f("fk_feedback_cases_office_id_offices")
        ),
        sa.ForeignKeyConstraint(
            ["rating_id"], ["ratings.id"], name=op.f("fk_feedback_cases_rating_id_ratings")
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["tickets.id"], name=op.f("fk_feedback_cases_dossier_id_tickets")
        ),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_feedback_cases_service_id_services")
        ),
        sa.ForeignKeyConstraint(
            ["about_clerk_id"],
            ["clerks.id"],
            name=op.f("fk_feedback_cases_about_clerk_id_clerks"),
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["clerks.id"], name=op.f("fk_feedback_cases_owner_id_clerks")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback_cases")),
        sa.UniqueConstraint("office_id", "number", name=op.f("uq_feedback_cases_office_id_number")),
    )
    op.create_index(op.f("ix_feedback_cases_office_id"), "feedback_cases", ["office_id"])
    op.create_index(op.f("ix_feedback_cases_opened_at"), "feedback_cases", ["opened_at"])
    op.create_index(op.f("ix_feedback_cases_due_at"), "feedback_cases", ["due_at"])
    op.create_table(
        "case_contacts",
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("remove_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["feedback_cases.id"],
            name=op.f("fk_case_contacts_case_id_feedback_cases"),
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_contacts")),
    )
    op.create_index(op.f("ix_case_contacts_remove_on"), "case_contacts", ["remove_on"])
    op.create_table(
        "case_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("clerk_id", sa.Integer(), nullable=True),
        sa.Column("station", sa.String(60), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["feedback_cases.id"], name=op.f("fk_case_events_case_id_feedback_cases")
        ),
        sa.ForeignKeyConstraint(
            ["clerk_id"], ["clerks.id"], name=op.f("fk_case_events_clerk_id_clerks")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_events")),
    )
    op.create_index(op.f("ix_case_events_case_id"), "case_events", ["case_id"])


def downgrade() -> None:
    op.drop_table("case_events")
    op.drop_table("case_contacts")
    op.drop_table("feedback_cases")
    op.drop_table("case_counters")
    with op.batch_alter_table("offices") as batch_op:
        batch_op.drop_column("contact_months")
        batch_op.drop_column("case_days")
