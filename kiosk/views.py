"""What the screens and the command line are shown: plain, frozen values read from the database."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, time

from kiosk.status import DossierStatus


@dataclass(frozen=True)
class OfficeView:
    code: str
    name: str
    address: str
    opening_time: time
    closing_time: time
    afternoon_cutoff: time
    rating_scale: int
    voice_prompts: bool
    authority: str = ""
    place_name: str = ""
    signatory_title: str = ""
    signatory_name: str = ""
    hotline: str = ""
    case_days: int = 10  # working days to answer a feedback case (the slip says it)


@dataclass(frozen=True)
class ServiceView:
    code: str
    name_vi: str
    name_en: str
    field: str
    processing_days: int
    active: bool
    # False: an import guessed the processing days; the office confirms them by setting them.
    days_confirmed: bool = True


@dataclass(frozen=True)
class DossierInfo:
    """What the kiosk may show about a dossier: no citizen data, only its progress."""

    code: str
    service_code: str
    service_name_vi: str
    service_name_en: str
    counter: int | None  # None: imported from the provincial system, not taken at our counter
    status: DossierStatus
    due_at: datetime
    returned_at: datetime | None
    reappointed_due_at: datetime | None
    reappointment_reason: str | None
    already_rated: bool


@dataclass(frozen=True)
class CitizenDetails:
    name: str | None = None
    address: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class DocumentItem:
    """One paper of a dossier (thành phần hồ sơ): its name, original or copy, how many."""

    name: str
    form: str = "original"  # "original" (bản chính) or "copy" (bản sao)
    count: int = 1


@dataclass(frozen=True)
class SupplementView:
    """One Form 02 (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ) issued for a dossier."""

    number: int  # 1 for the dossier's first Form 02, 2 for its second …
    issued_at: datetime
    missing: tuple[str, ...]  # what the citizen must bring or complete, one line each
    reason: str
    clerk_name: str
    returned_at: datetime | None = None  # when the citizen brought the documents back


@dataclass(frozen=True)
class DossierView:
    id: uuid.UUID
    code: str
    service_code: str
    service_name_vi: str
    service_name_en: str
    processing_days: int
    clerk_name: str  # "" and counter None: imported from the provincial system
    counter: int | None
    received_at: datetime
    due_at: datetime
    returned_at: datetime | None
    reappointed_due_at: datetime | None
    reappointment_reason: str | None
    reappointed_at: datetime | None
    citizen: CitizenDetails
    status: DossierStatus
    # What Form 01 lists: the documents ticked at the counter and the number of sets.
    documents: tuple[DocumentItem, ...] = ()
    sets: int = 1
    # The dossier's line in the office's yearly register (Form 07): "quyển số" is the year.
    register_entry: int | None = None
    # Every Form 02 issued for it, oldest first; the last one is what a printed Form 02 shows.
    supplements: tuple[SupplementView, ...] = ()
    # Form 03: the dossier was refused at the counter, with the reason.
    refused_at: datetime | None = None
    refusal_reason: str | None = None
