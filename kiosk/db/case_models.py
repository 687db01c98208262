"""Feedback cases (phản ánh, kiến nghị): a petition or an unhappy rating the office must act on,
its owner, due date, answer and history; the citizen's contact details kept apart.

Registered on Base.metadata by kiosk.db.models, which imports this module.
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.db.base import Base
from kiosk.db.enums import stored_enum


class CaseState(enum.Enum):
    OPEN = "open"
    ASSIGNED = "assigned"
    ANSWERED = "answered"
    CLOSED = "closed"
    TRANSFERRED = "transferred"


class CaseSource(enum.Enum):
    RATING = "rating"  # opened by an unhappy rating (a comment, or a conduct/delay reason)
    KIOSK = "kiosk"  # typed by the citizen at the kiosk
    IN_PERSON = "in_person"  # received by staff: at the counter, on paper
    PHONE = "phone"
    MAIL = "mail"


class AnswerChannel(enum.Enum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    LETTER = "letter"
    SMS = "sms"


class CaseCounter(Base):
    """The last case number of an office's year, numbered from 1."""

    __tablename__ = "case_counters"

    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


class FeedbackCase(Base):
    __tablename__ = "feedback_cases"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    number: Mapped[str] = mapped_column(String(20))  # "2026-0007": printed on the slip
    opened_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    source: Mapped[CaseSource] = mapped_column(stored_enum(CaseSource, "case_source"))
    subject: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text, default="")
    # What it concerns, when known: never shown to the clerk it is about.
    rating_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("ratings.id"))
    dossier_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("tickets.id"))
    service_id: Mapped[int | None] = mapped_column(ForeignKey("services.id"))
    about_clerk_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    due_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    state: Mapped[CaseState] = mapped_column(stored_enum(CaseState, "case_state"))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    answer: Mapped[str | None] = mapped_column(Text)
    answer_channel: Mapped[AnswerChannel | None] = mapped_column(
        stored_enum(AnswerChannel, "answer_channel")
    )
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    transferred_to: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (UniqueConstraint("office_id", "number"),)


class CaseContact(Base):
    """Only when the citizen asked to be contacted; shown to managers only, never exported, and
    removed once `remove_on` has come (the office's retention after the case closed)."""

    __tablename__ = "case_contacts"

    case_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("feedback_cases.id"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(120))
    phone: Mapped[str] = mapped_column(String(20))
    remove_on: Mapped[date | None] = mapped_column(Date, index=True)


class CaseEvent(Base):
    """A case's history, appended and never edited: every change of state, owner or answer."""

    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("feedback_cases.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    station: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(40))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
