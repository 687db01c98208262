"""The steps of the citizen's path through the kiosk (kiosk.rating_flow, kiosk.case_flow)."""

from __future__ import annotations

import enum


class Step(enum.Enum):
    ATTRACT = "attract"
    HELP = "help"
    IDENTIFY = "identify"
    KEYPAD = "keypad"
    SERVICES = "services"
    DOSSIER = "dossier"
    FACE = "face"
    CONTACTS = "contacts"  # indicator 3
    AGENCIES = "agencies"  # indicator 4
    CONDUCT = "conduct"  # the asked half of indicator 7
    REASONS = "reasons"
    SAVING = "saving"
    THANKS = "thanks"
    ALREADY_RATED = "already_rated"
    PROBLEM = "problem"
    # Feedback cases (kiosk.case_flow)
    PETITION_SUBJECT = "petition_subject"
    PETITION_TEXT = "petition_text"
    PETITION_CONTACT = "petition_contact"
    CALL_BACK = "call_back"
    SENDING = "sending"  # a petition or call-back on its way: taps wait
    CASE_SLIP = "case_slip"
    CASE_FACE = "case_face"  # rating how a case was handled
    CASE_NOTICE = "case_notice"  # a slip whose case cannot be rated now, and why


QUESTIONS = (Step.CONTACTS, Step.AGENCIES, Step.CONDUCT)
# Where the idle timeout does not run: nothing is half-done there, or the kiosk is busy.
RESTING = frozenset({Step.ATTRACT, Step.SAVING, Step.SENDING})
# Screens that go back to the attract screen by themselves after `thanks_seconds`.
CLOSING = frozenset({Step.THANKS, Step.ALREADY_RATED, Step.PROBLEM, Step.CASE_NOTICE})
BACK = {
    Step.HELP: Step.ATTRACT,
    Step.IDENTIFY: Step.ATTRACT,
    Step.KEYPAD: Step.IDENTIFY,
    Step.SERVICES: Step.IDENTIFY,
    Step.DOSSIER: Step.IDENTIFY,
    Step.PETITION_SUBJECT: Step.ATTRACT,
    Step.PETITION_TEXT: Step.PETITION_SUBJECT,
    Step.PETITION_CONTACT: Step.PETITION_TEXT,
    Step.CALL_BACK: Step.THANKS,
    Step.CASE_FACE: Step.ATTRACT,
}
