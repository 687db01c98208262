"""The words staff read about a feedback case, the same on the manager's tab, the clerk's list,
the command line and the reports: its state, where it came from, how it was answered, its alert
and each step of its history."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from kiosk.answers import FACE_WORDS, Satisfaction
from kiosk.db.case_models import AnswerChannel, CaseSource, CaseState
from kiosk.formats import moment_text
from kiosk.i18n import N_, Translator

WHEN = "%H:%M %d/%m/%Y"

STATE_WORDS = {
    CaseState.OPEN: N_("New, not assigned"),
    CaseState.ASSIGNED: N_("Assigned"),
    CaseState.ANSWERED: N_("Answered, to close"),
    CaseState.CLOSED: N_("Closed"),
    CaseState.TRANSFERRED: N_("Transferred"),
}
SOURCE_WORDS = {
    CaseSource.RATING: N_("Unhappy rating"),
    CaseSource.KIOSK: N_("Typed at the kiosk"),
    CaseSource.IN_PERSON: N_("In person or on paper"),
    CaseSource.PHONE: N_("By phone"),
    CaseSource.MAIL: N_("By mail"),
}
CHANNEL_WORDS = {
    AnswerChannel.IN_PERSON: N_("In person"),
    AnswerChannel.PHONE: N_("By phone"),
    AnswerChannel.LETTER: N_("By letter"),
    AnswerChannel.SMS: N_("By SMS"),
}
# What staff may record as received: a kiosk case or a rating's case opens by itself.
STAFF_SOURCES = (CaseSource.IN_PERSON, CaseSource.PHONE, CaseSource.MAIL)
# What needs attention, by a code (kept in --json) and its words.
ALERT_WORDS = {
    "overdue": N_("Overdue"),
    "due_soon": N_("Due within 1 working day"),
    "answered_late": N_("Answered late"),
}
SCORING_NOTE = N_(
    "Points as the national public service portal (Cổng DVCQG) scores them: the appendix of "
    "Decision 766 could not be read. Dossiers: full 6 points from 90 % satisfied. Cases: a case "
    "with no rating counts as satisfied unless it was answered late; with no case in the "
    "period, both case parts get their 6 points."
)


class CaseTiming(Protocol):
    @property
    def overdue(self) -> bool: ...
    @property
    def due_soon(self) -> bool: ...
    @property
    def answered_at(self) -> datetime | None: ...


def alert(case: CaseTiming) -> str | None:
    """Still to answer and overdue or due soon, or answered after the due time."""
    if case.overdue:
        return "overdue" if case.answered_at is None else "answered_late"
    return "due_soon" if case.due_soon else None


def alert_words(case: CaseTiming, tr: Translator) -> str:
    """Empty when the case is neither late nor nearly due."""
    code = alert(case)
    return tr(ALERT_WORDS[code]) if code else ""


def face_words(satisfaction: Satisfaction | None, tr: Translator) -> str:
    return tr(FACE_WORDS[satisfaction]) if satisfaction else ""


class CaseStep(Protocol):
    @property
    def action(self) -> str: ...
    @property
    def details(self) -> dict[str, Any]: ...


def event_words(event: CaseStep, tr: Translator, staff: dict[int, str]) -> str:
    """One line of a case's history, in words; `staff` names the clerks by id."""
    details, action = event.details, event.action
    if action == "open":
        source = CaseSource(details["source"]) if "source" in details else None
        return tr("Received ({source})", source=tr(SOURCE_WORDS[source]) if source else "—")
    if action == "assign":
        return tr("Given to {name}", name=staff.get(details.get("owner_id", -1), "—"))
    if action == "answer":
        channel = AnswerChannel(details["channel"]) if "channel" in details else None
        return tr(
            "Answered {channel}: {answer}",
            channel=tr(CHANNEL_WORDS[channel]).lower() if channel else "",
            answer=details.get("answer", ""),
        )
    if action == "close":
        return tr("Closed")
    if action == "transfer":
        return tr("Transferred to {place}", place=details.get("to", ""))
    if action == "call_back_asked":
        return tr("The citizen asked to be called back")
    if action == "call_back":
        called = details.get("called_at")
        when = moment_text(datetime.fromisoformat(called), tr.language) if called else ""
        return tr("Called back at {when}", when=when)
    if action == "rate":
        face = details.get("satisfaction")
        rated = face_words(Satisfaction(face), tr) if face else ""
        return tr("The citizen rated the handling: {face}", face=rated).rstrip(": ")
    return action
