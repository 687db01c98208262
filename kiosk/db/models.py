"""The tables: offices, services, clerks, dossiers, ratings, print jobs and the audit log.

Timestamps are naive Vietnam wall-clock time (see kiosk.clock). A dossier's status is never
stored: it follows from its timings (kiosk.domain.status).
"""

from __future__ import annotations

import enum
import uuid
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
    Uuid,
    false,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kiosk.answers import RatingChannel, Satisfaction
from kiosk.db.base import Base
from kiosk.db.enums import stored_enum as _enum


class ClerkRole(enum.Enum):
    CLERK = "clerk"
    MANAGER = "manager"


class PrintKind(enum.Enum):
    RECEIPT = "receipt"  # Form 01
    APOLOGY = "apology"  # Form 04
    SUPPLEMENT = "supplement"  # Form 02
    REFUSAL = "refusal"  # Form 03


class PrintStatus(enum.Enum):
    QUEUED = "queued"
    PRINTED = "printed"
    FAILED = "failed"


class Office(Base):
    __tablename__ = "offices"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # UNIT part of dossier codes
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300), default="")
    # For the printed forms: the authority above the office, the place a letter is dated at,
    # and who signs apology letters.
    authority: Mapped[str] = mapped_column(String(200), default="", server_default="")
    place_name: Mapped[str] = mapped_column(String(100), default="", server_default="")
    signatory_title: Mapped[str] = mapped_column(String(100), default="", server_default="")
    signatory_name: Mapped[str] = mapped_column(String(120), default="", server_default="")
    opening_time: Mapped[time] = mapped_column(Time, default=time(7, 30))
    closing_time: Mapped[time] = mapped_column(Time, default=time(17, 0))
    afternoon_cutoff: Mapped[time] = mapped_column(Time, default=time(15, 0))
    rating_scale: Mapped[int] = mapped_column(Integer, default=3)
    # Spoken prompts at the kiosk; off unless the office turns them on (a quiet hall is the norm).
    voice_prompts: Mapped[bool] = mapped_column(default=False, server_default=false())
    # The province's targets, in per cent: satisfied citizens, results on time, results early.
    target_satisfaction: Mapped[int] = mapped_column(Integer, default=80, server_default="80")
    target_on_time: Mapped[int] = mapped_column(Integer, default=100, server_default="100")
    target_early: Mapped[int] = mapped_column(Integer, default=30, server_default="30")
    # Told to an unhappy citizen on the kiosk's thank-you screen; empty when the office has none.
    hotline: Mapped[str] = mapped_column(String(30), default="", server_default="")
    # Feedback cases: working days to answer one (kiosk.services.cases.case_due), and months a
    # contact is kept after it closed (only as long as its purpose: Decree 13/2023/NĐ-CP Art. 3).
    case_days: Mapped[int] = mapped_column(Integer, default=10, server_default="10")
    contact_months: Mapped[int] = mapped_column(Integer, default=12, server_default="12")

    days_off: Mapped[list[OfficeDayOff]] = relationship(
        back_populates="office", cascade="all, delete-orphan", order_by="OfficeDayOff.day"
    )

    __table_args__ = (CheckConstraint("rating_scale IN (3, 5)", name="rating_scale"),)


class OfficeDayOff(Base):
    """A day the office closes beyond the public holidays (a local festival, an inventory day)."""

    __tablename__ = "office_days_off"

    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    reason: Mapped[str] = mapped_column(String(200), default="")

    office: Mapped[Office] = relationship(back_populates="days_off")


class Service(Base):
    """An administrative procedure (thủ tục hành chính) a citizen can ask for."""

    __tablename__ = "services"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_vi: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300))
    field: Mapped[str] = mapped_column(String(120))  # lĩnh vực, in Vietnamese
    processing_days: Mapped[int] = mapped_column(Integer)  # working days; 0 = same day
    # False for a procedure an import created with a guessed processing time, until confirmed.
    days_confirmed: Mapped[bool] = mapped_column(default=True, server_default=true())
    active: Mapped[bool] = mapped_column(default=True)

    __table_args__ = (CheckConstraint("processing_days >= 0", name="processing_days"),)

    documents: Mapped[list[ServiceDocument]] = relationship(
        order_by="ServiceDocument.position", cascade="all, delete-orphan"
    )


class ServiceDocument(Base):
    """One paper a procedure asks for (thành phần hồ sơ), as the office lists it."""

    __tablename__ = "service_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(300))
    form: Mapped[str] = mapped_column(String(16))  # "original" or "copy"
    count: Mapped[int] = mapped_column(Integer)


class Clerk(Base):
    """A civil servant at the counter (công chức), or the office's manager."""

    __tablename__ = "clerks"

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    display_name: Mapped[str] = mapped_column(String(120))
    counter: Mapped[int] = mapped_column(Integer)
    role: Mapped[ClerkRole] = mapped_column(_enum(ClerkRole, "clerk_role"))
    pin_hash: Mapped[str] = mapped_column(String(200))  # Argon2id; the PIN itself is never kept
    active: Mapped[bool] = mapped_column(default=True)

    office: Mapped[Office] = relationship()


class DossierCounter(Base):
    """The last sequence number handed out per office and receipt day (the XXXX of a code)."""

    __tablename__ = "dossier_counters"

    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last_sequence: Mapped[int] = mapped_column(Integer)


class RegisterCounter(Base):
    """The last entry number of an office's yearly register (Form 07), numbered from 1."""

    __tablename__ = "register_counters"

    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_entry: Mapped[int] = mapped_column(Integer)


class DossierSource(enum.Enum):
    COUNTER = "counter"  # registered at our clerk station
    PROVINCIAL = "provincial"  # imported from the provincial one-stop system's export


class Dossier(Base):
    """A dossier (hồ sơ) received at the counter, or imported from the provincial system."""

    __tablename__ = "tickets"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    # None for an imported dossier: the provincial system does not say which of our clerks took it.
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    received_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    due_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    returned_at: Mapped[datetime | None] = mapped_column(DateTime)
    # At most one re-appointment (Form 04): the new appointment, why, and when it was made.
    reappointed_due_at: Mapped[datetime | None] = mapped_column(DateTime)
    reappointment_reason: Mapped[str | None] = mapped_column(Text)
    reappointed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Only because Form 01 and Form 04 are addressed to the citizen.
    citizen_name: Mapped[str | None] = mapped_column(String(120))
    citizen_address: Mapped[str | None] = mapped_column(String(300))
    citizen_phone: Mapped[str | None] = mapped_column(String(20))
    # Form 01's list: the papers received ([{name, form, count}]) and the number of sets.
    documents: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    sets: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    register_entry: Mapped[int | None] = mapped_column(Integer)  # in the year it was received
    # Form 03: refused at the counter, and why. A refused dossier is not processed.
    refused_at: Mapped[datetime | None] = mapped_column(DateTime)
    refusal_reason: Mapped[str | None] = mapped_column(Text)
    # Where the dossier was registered; an imported one keeps the provincial status code as given.
    source: Mapped[DossierSource] = mapped_column(
        _enum(DossierSource, "dossier_source"),
        default=DossierSource.COUNTER,
        server_default="counter",
    )
    source_status: Mapped[str | None] = mapped_column(String(20))
    imported_at: Mapped[datetime | None] = mapped_column(
        DateTime
    )  # the last import that changed it

    office: Mapped[Office] = relationship()
    service: Mapped[Service] = relationship()
    clerk: Mapped[Clerk | None] = relationship()
    supplements: Mapped[list[SupplementRequest]] = relationship(
        back_populates="dossier", order_by="SupplementRequest.number"
    )


class SupplementRequest(Base):
    """A Form 02 issued for a dossier: what is missing and why. The time the dossier waits for
    the citizen does not count against the office; the number of these is indicator 3."""

    __tablename__ = "supplement_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column("ticket_id", ForeignKey("tickets.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    missing: Mapped[list[str]] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text)
    returned_at: Mapped[datetime | None] = mapped_column(DateTime)

    dossier: Mapped[Dossier] = relationship(back_populates="supplements")
    clerk: Mapped[Clerk] = relationship()

    __table_args__ = (UniqueConstraint("ticket_id", "number"),)


class Rating(Base):
    """One citizen's answers. Append-only: each row's hash chains to its station's previous one."""

    __tablename__ = "ratings"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    station: Mapped[str] = mapped_column(String(60))
    station_sequence: Mapped[int] = mapped_column(Integer)  # 1, 2, 3 … per station
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    channel: Mapped[RatingChannel] = mapped_column(_enum(RatingChannel, "rating_channel"))
    dossier_id: Mapped[uuid.UUID | None] = mapped_column(
        "ticket_id", ForeignKey("tickets.id"), unique=True
    )
    # None only for the rating of a case's handling when the case concerns no service.
    service_id: Mapped[int | None] = mapped_column(ForeignKey("services.id"))
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    scale: Mapped[int] = mapped_column(Integer)
    satisfaction: Mapped[Satisfaction] = mapped_column(_enum(Satisfaction, "satisfaction"))
    # Circular 01/2018 indicators asked at the kiosk, each scored 0/1/2; None = not answered.
    contacts_score: Mapped[int | None] = mapped_column(Integer)  # indicator 3
    agencies_score: Mapped[int | None] = mapped_column(Integer)  # indicator 4
    conduct_complaint: Mapped[bool | None] = mapped_column()  # the asked half of indicator 7
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    comment: Mapped[str | None] = mapped_column(Text)
    partial: Mapped[bool] = mapped_column(default=False)  # the citizen walked away after the face
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Since revision 0010: the station's Ed25519 signature of `hash`, in hex; NULL for ratings
    # recorded before the station's key was registered (see StationKey.first_sequence).
    signature: Mapped[str | None] = mapped_column(String(128))
    # Since revision 0007; NULL for older ratings, which belong to the database's only office.
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"), index=True)
    # Since revision 0013: set on the citizen's rating of how a feedback case was handled (one
    # per case); such a rating counts in the case figures, never in a service's or a clerk's.
    case_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("feedback_cases.id", use_alter=True), unique=True
    )

    __table_args__ = (
        UniqueConstraint("station", "station_sequence"),
        CheckConstraint("scale IN (3, 5)", name="scale"),
        CheckConstraint("contacts_score BETWEEN 0 AND 2", name="contacts_score"),
        CheckConstraint("agencies_score BETWEEN 0 AND 2", name="agencies_score"),
    )


class CommentFollowUp(Base):
    """A manager's note that a citizen's comment was followed up. The rating itself never
    changes (it is chained), so the follow-up lives beside it."""

    __tablename__ = "comment_follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    rating_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ratings.id"), unique=True)
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    note: Mapped[str] = mapped_column(Text, default="")


class Station(Base):
    """A kiosk, clerk or manager station and when it last spoke to the database: a kiosk
    silent during opening hours is a signal the manager must see."""

    __tablename__ = "stations"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # "kiosk" | "clerk" | "manager"
    first_contact_at: Mapped[datetime] = mapped_column(DateTime)
    last_contact_at: Mapped[datetime] = mapped_column(DateTime)
    # Since revision 0010; NULL for a station that has not spoken since.
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"), index=True)


class StationKey(Base):
    """A station's public signing key, registered by a manager: every rating the station records
    from `first_sequence` on must carry a signature this key verifies. `seal` is an HMAC of the
    row with the office's receipt key (a file, not the database), so a database alone cannot
    register a key of its own."""

    __tablename__ = "station_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    station: Mapped[str] = mapped_column(String(60), index=True)
    public_key: Mapped[str] = mapped_column(String(64))  # Ed25519, 32 bytes in hex
    first_sequence: Mapped[int] = mapped_column(Integer)
    registered_at: Mapped[datetime] = mapped_column(DateTime)
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))  # the manager
    seal: Mapped[str] = mapped_column(String(64))

    __table_args__ = (UniqueConstraint("station", "first_sequence"),)


class TimingCorrection(Base):
    """A time a clerk stated for a dossier instead of the clock's (a return recorded late, a
    receipt typed in after an outage): allowed only with a manager's PIN and a reason, kept
    beside the dossier so the reports can count and list corrected dossiers."""

    __tablename__ = "timing_corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[uuid.UUID] = mapped_column("ticket_id", ForeignKey("tickets.id"), index=True)
    event: Mapped[str] = mapped_column(String(20))  # "received" | "returned" | "reappointed"
    stated_at: Mapped[datetime] = mapped_column(DateTime)  # the time the clerk gave
    recorded_at: Mapped[datetime] = mapped_column(DateTime, index=True)  # the clock's
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))  # who acted
    manager_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))  # who allowed it
    reason: Mapped[str] = mapped_column(Text)


class PrintJob(Base):
    __tablename__ = "print_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[PrintKind] = mapped_column(_enum(PrintKind, "print_kind"))
    dossier_id: Mapped[uuid.UUID] = mapped_column("ticket_id", ForeignKey("tickets.id"), index=True)
    station: Mapped[str] = mapped_column(String(60), default="", server_default="", index=True)
    document_path: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[PrintStatus] = mapped_column(_enum(PrintStatus, "print_status"))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    dossier: Mapped[Dossier] = relationship()


class AuditEvent(Base):
    """Who changed what, and when: one row for every change a clerk or manager makes."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    station: Mapped[str] = mapped_column(String(60))  # "cli", "clerk-2" …
    action: Mapped[str] = mapped_column(String(60))
    subject: Mapped[str] = mapped_column(String(120))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class DossierImport(Base):
    """One file imported from the provincial system: what it changed, by whom, from where."""

    __tablename__ = "dossier_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    file_name: Mapped[str] = mapped_column(String(255))
    digest: Mapped[str] = mapped_column(String(64), index=True)  # SHA-256 of the file's bytes
    format: Mapped[str] = mapped_column(String(10))  # "xlsx" | "csv" | "dvcqg"
    station: Mapped[str] = mapped_column(String(60))
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    created: Mapped[int] = mapped_column(Integer)
    updated: Mapped[int] = mapped_column(Integer)
    unchanged: Mapped[int] = mapped_column(Integer)


# The feedback cases' tables, on the same metadata (imported last: they refer to the above).
from kiosk.db import case_models  # noqa: E402, F401
