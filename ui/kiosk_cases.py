"""The kiosk's feedback-case screens, wired to the flow and the backend in one place: a
petition from the start screen, a call-back after an unhappy rating, the slip, and a slip's QR
scanned to rate the handling. The window hands its screens, flow and worker calls over."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from kiosk.errors import KioskError
from kiosk.rating_flow import Step
from ui.case_slip_printing import print_kiosk_case_slip
from ui.kiosk_window import UNREACHABLE
from ui.screens.case_contact_screen import CaseContactScreen
from ui.screens.case_slip_screen import CaseSlipScreen
from ui.screens.petition_subject_screen import PetitionSubjectScreen
from ui.screens.petition_text_screen import PetitionTextScreen

if TYPE_CHECKING:
    from kiosk.kiosk_case import CaseRequest, CaseToRate, KioskCase
    from ui.kiosk_window import KioskWindow


class KioskCases:
    def __init__(self, window: KioskWindow) -> None:
        self.window = window
        self.subject = PetitionSubjectScreen()
        self.text = PetitionTextScreen()
        self.contact = CaseContactScreen()
        self.slip = CaseSlipScreen()
        window.screens.update(
            {
                Step.PETITION_SUBJECT: self.subject,
                Step.PETITION_TEXT: self.text,
                Step.PETITION_CONTACT: self.contact,
                Step.CALL_BACK: self.contact,
                Step.CASE_SLIP: self.slip,
                Step.CASE_FACE: window.face,
                Step.CASE_NOTICE: window.notice,
            }
        )

    def connect(self) -> None:
        window, flow, act = self.window, self.window.flow, self.window.act
        window.thanks.call_back_requested.connect(self.ask_call_back)
        self.subject.subject_chosen.connect(lambda key: act(lambda: flow.choose_subject(key)))
        self.subject.subject_typed.connect(flow.set_typed_subject)
        self.subject.next_requested.connect(lambda: act(flow.submit_typed_subject))
        self.text.text_changed.connect(flow.set_petition_text)
        self.text.next_requested.connect(lambda: act(flow.submit_petition_text))
        self.contact.contact_changed.connect(flow.set_contact)
        self.contact.send_requested.connect(self.send)
        self.slip.done.connect(lambda: act(flow.home))

    def open_petition(self) -> None:
        for screen in (self.subject, self.text, self.contact):
            screen.clear()  # the last citizen's words are not the next one's
        self.window.act(self.window.flow.open_petition)

    def ask_call_back(self) -> None:
        self.contact.clear()
        self.window.act(self.window.flow.ask_call_back)

    # -- sending ---------------------------------------------------------------------------

    def send(self) -> None:
        window, flow = self.window, self.window.flow
        came_from = flow.step
        request = flow.send_case()
        window.refresh()
        if request is None:
            return
        backend = window.backend
        if backend is None:
            flow.case_not_sent(came_from, KioskError(UNREACHABLE))
            window.refresh()
            return

        def failed(error: BaseException) -> None:
            known = error if isinstance(error, KioskError) else KioskError(UNREACHABLE)
            window.act(lambda: flow.case_not_sent(came_from, known))

        window.run_in_background(
            lambda: backend.send_case(request), lambda case: self._sent(case, request), failed
        )

    def _sent(self, case: KioskCase, request: CaseRequest) -> None:
        if case.queued:
            self.window.outbox_grew()
        self.window.act(lambda: self.window.flow.case_sent(case))
        print_kiosk_case_slip(self.window, case, request)

    # -- a slip's QR -----------------------------------------------------------------------

    def scanned(self, text: str) -> bool:
        """True when the text was a case slip's QR (taken, or refused in words)."""
        from kiosk.case_qr import is_case_payload

        if not is_case_payload(text):
            return False
        window, flow = self.window, self.window.flow
        case_id = flow.submit_case_code(text)
        window.refresh()
        if case_id is not None:
            self.look_up(case_id)
        return True

    def look_up(self, case_id: uuid.UUID) -> None:
        window, flow = self.window, self.window.flow
        backend = window.backend
        if backend is None:
            return

        def found(case: CaseToRate) -> None:
            window.act(lambda: flow.case_found(case))

        def failed(error: BaseException) -> None:
            if isinstance(error, KioskError):
                window.act(lambda: flow.case_not_rated(error))
            else:
                window.act(lambda: flow.dossier_not_found(KioskError(UNREACHABLE)))

        window.run_in_background(lambda: backend.case_to_rate(case_id), found, failed)
