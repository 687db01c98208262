"""Alerts for the manager's banner: a burst of unhappy ratings, dossiers due on the next
working day still out, a kiosk silent during opening hours. Each alert raised is written to
the audit log (once an hour)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from kiosk.answers import UNHAPPY
from kiosk.db.models import AuditEvent, Office, Rating
from kiosk.formats import moment_text, short_day_text
from kiosk.i18n import N_
from kiosk.services.audit import record_audit
from kiosk.services.base import StationUseCases
from kiosk.services.due_dossiers import due_counts
from kiosk.services.gaming import GamingSignal, gaming_signals
from kiosk.services.kiosk_contacts import kiosk_contacts
from kiosk.services.offices import find_office, ratings_of

UNHAPPY_BURST = N_("{unhappy} of the last {total} ratings in {minutes} minutes were unhappy.")
DUE_NEXT_DAY = N_("{count} dossiers are due on {day} and not returned: announce any delay today.")
TOO_FAST = N_(
    "Kiosk {station}: {count} ratings came less than 8 seconds after the one before "
    "({first}–{last}). Check who is using it."
)
HAPPY_BURST = N_(
    "Kiosk {station}: {count} “very satisfied” within 3 minutes ({first}–{last}). "
    "Check who is using it."
)
HAPPY_BURST_FOR = N_(
    "Kiosk {station}: {count} “very satisfied” within 3 minutes ({first}–{last}), for "
    "dossiers of {names}. Check who is using it."
)
TYPED_SEQUENCE = N_(
    "Kiosk {station}: {count} dossier codes a few numbers apart were typed on its keypad "
    "({first}–{last}). Someone may be rating other people's dossiers: check who is using it."
)
WRONG_CHECKS = N_(
    "Kiosk {station}: {count} dossier codes were typed with a wrong check number "
    "({first}–{last}). Someone may be guessing: check who is using it."
)
KIOSK_SILENT = N_("Kiosk {station} has not been heard from since {since}: is it switched on?")


@dataclass(frozen=True)
class AlertRules:
    unhappy_share: float = 0.5  # ≥ 50 % unhappy …
    unhappy_minimum: int = 4  # … of at least 4 ratings …
    unhappy_window: timedelta = timedelta(minutes=15)  # … within 15 minutes


@dataclass(frozen=True)
class Alert:
    kind: str  # "unhappy_burst" | "due_next_day" | "kiosk_silent"
    message: str  # a message id with {fields}
    params: dict[str, object]


class AlertService(StationUseCases):
    def current(self, rules: AlertRules = AlertRules(), language: str = "vi") -> list[Alert]:
        """The alerts in force, their days and times written for a reader of `language`."""
        now = self._clock()
        alerts = []
        with self._factory.begin() as session:
            office = find_office(session, self._office_code)
            unhappy_count = func.sum(case((Rating.satisfaction.in_(UNHAPPY), 1), else_=0))
            total, unhappy = session.execute(
                select(func.count(), unhappy_count).where(
                    Rating.created_at > now - rules.unhappy_window,
                    Rating.created_at <= now,
                    ratings_of(session, office.id),
                )
            ).one()
            unhappy = int(unhappy or 0)
            if total >= rules.unhappy_minimum and unhappy >= rules.unhappy_share * total:
                minutes = int(rules.unhappy_window.total_seconds() // 60)
                alerts.append(
                    Alert(
                        "unhappy_burst",
                        UNHAPPY_BURST,
                        {"unhappy": unhappy, "total": total, "minutes": minutes},
                    )
                )
            # The board's and the glance's "due next" (kiosk.services.due_dossiers): by the
            # appointment in force, neither returned nor refused.
            owed = due_counts(session, office, now.date())
            if owed.due_next:
                day = short_day_text(owed.days.next_working_day, language)
                alerts.append(
                    Alert("due_next_day", DUE_NEXT_DAY, {"count": owed.due_next, "day": day})
                )
            alerts += self._silent_kiosks(session, office, now, language)
            alerts += [
                _gaming_alert(signal) for signal in gaming_signals(session, office.id, now.date())
            ]
            for alert in alerts:
                self._log_once(session, office, alert, now)
        return alerts

    def _silent_kiosks(
        self, session: Session, office: Office, now: datetime, language: str
    ) -> list[Alert]:
        """The kiosks the Today tab marks silent (kiosk.services.kiosk_contacts)."""
        return [
            Alert(
                f"kiosk_silent:{kiosk.station}",
                KIOSK_SILENT,
                {
                    "station": kiosk.station,
                    "since": moment_text(kiosk.last_heard, language, short=True),
                },
            )
            for kiosk in kiosk_contacts(session, office, now)
            if kiosk.silent
        ]

    def _log_once(self, session: Session, office: Office, alert: Alert, now: datetime) -> None:
        # Per office: one office's alert must not silence the same alert of another.
        subject = f"alert:{office.id}:{alert.kind}:{now:%Y-%m-%d}"
        seen = session.scalar(
            select(AuditEvent.id)
            .where(AuditEvent.subject == subject, AuditEvent.at > now - timedelta(hours=1))
            .limit(1)
        )
        if seen is None:
            record_audit(
                session,
                at=now,
                station=self._station,
                action="alert",
                subject=subject,
                details=dict(alert.params),
            )


def _gaming_alert(signal: GamingSignal) -> Alert:
    params: dict[str, object] = {
        "station": signal.station,
        "count": signal.count,
        "first": f"{signal.first:%H:%M:%S}",
        "last": f"{signal.last:%H:%M:%S}",
    }
    if signal.kind == "too_fast":
        return Alert(f"too_fast:{signal.station}", TOO_FAST, params)
    if signal.kind in ("typed_sequence", "wrong_checks"):
        message = TYPED_SEQUENCE if signal.kind == "typed_sequence" else WRONG_CHECKS
        return Alert(f"{signal.kind}:{signal.station}:{signal.first:%H%M}", message, params)
    kind = f"happy_burst:{signal.station}:{signal.first:%H%M}"
    if signal.clerks:
        return Alert(kind, HAPPY_BURST_FOR, {**params, "names": ", ".join(signal.clerks)})
    return Alert(kind, HAPPY_BURST, params)
