"""The words staff read about a feedback case: its state, where it came from, how it was
answered, its alert (in words, with an icon and a colour) and each step of its history —
shared by the manager's tab and the clerk's list, so both say the same thing."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QStyle, QTableWidget

from kiosk.answers import FACE_WORDS, Satisfaction
from kiosk.db.case_models import AnswerChannel, CaseSource, CaseState
from kiosk.i18n import N_, Translator
from kiosk.services.case_desk import CaseEventView, CaseView

WHEN = "%H:%M %d/%m/%Y"
DAY = "%d/%m/%Y"

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
# The alert's colours beside its icon and words: red for overdue, amber for nearly due.
LATE_COLOUR, SOON_COLOUR = "#b3261e", "#8a5300"
OVERDUE = N_("Overdue")
DUE_SOON = N_("Due within 1 working day")
ANSWERED_LATE = N_("Answered late")


def to_answer(case: CaseView) -> bool:
    return case.state in (CaseState.OPEN, CaseState.ASSIGNED)


def overdue_now(case: CaseView) -> bool:
    """Still to be answered and past its due time: what needs doing first."""
    return to_answer(case) and case.overdue


def alert_words(case: CaseView, tr: Translator) -> str:
    """Empty when the case is neither late nor nearly due."""
    if overdue_now(case):
        return tr(OVERDUE)
    if to_answer(case) and case.due_soon:
        return tr(DUE_SOON)
    if case.overdue and case.answered_at is not None:
        return tr(ANSWERED_LATE)
    return ""


def mark_alert(table: QTableWidget, row: int, column: int, case: CaseView) -> None:
    """The alert's cell, already holding its words, gets an icon and a colour: never by
    colour alone."""
    item = table.item(row, column)
    if item is None or not to_answer(case) or not (case.overdue or case.due_soon):
        return
    late = overdue_now(case)
    icon = QStyle.StandardPixmap.SP_MessageBoxWarning
    if not late:
        icon = QStyle.StandardPixmap.SP_MessageBoxInformation
    item.setIcon(table.style().standardIcon(icon))
    item.setForeground(QBrush(QColor(LATE_COLOUR if late else SOON_COLOUR)))
    font = item.font()
    font.setBold(True)
    item.setFont(font)


def face_words(satisfaction: Satisfaction | None, tr: Translator) -> str:
    return tr(FACE_WORDS[satisfaction]) if satisfaction else ""


def event_words(event: CaseEventView, tr: Translator, staff: dict[int, str]) -> str:
    """One line of history, in words; `staff` names the clerks by id."""
    details = event.details
    action = event.action
    if action == "open":
        source = CaseSource(details["source"]) if "source" in details else None
        return tr("Received ({source})", source=tr(SOURCE_WORDS[source]) if source else "—")
    if action == "assign":
        owner = staff.get(details.get("owner_id", -1), "—")
        return tr("Given to {name}", name=owner)
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
        when = f"{datetime.fromisoformat(called):{WHEN}}" if called else ""
        return tr("Called back at {when}", when=when)
    if action == "rate":
        face = details.get("satisfaction")
        rated = face_words(Satisfaction(face), tr) if face else ""
        return tr("The citizen rated the handling: {face}", face=rated).rstrip(": ")
    return action
