"""Dossiers whose times a manager corrected, as the reports count and list them. The figures use
the stated times (that is what a correction is for); this list makes every one of them visible."""

from __future__ import annotations

from kiosk.i18n import Translator
from kiosk.reports.cells import Cell
from kiosk.services.corrections import EVENT_LABELS, CorrectionView


def corrected_count(corrections: list[CorrectionView]) -> int:
    """Dossiers, not corrections: a dossier corrected on receipt and on return counts once."""
    return len({c.code for c in corrections})


def corrected_header(tr: Translator) -> list[str]:
    return [
        tr("Dossier code"),
        tr("Event"),
        tr("Stated time"),
        tr("Recorded at"),
        tr("Clerk"),
        tr("Approved by"),
        tr("Reason"),
    ]


def corrected_rows(corrections: list[CorrectionView], tr: Translator) -> list[list[Cell]]:
    return [
        [
            c.code,
            tr(EVENT_LABELS[c.event]),
            c.stated_at,
            c.recorded_at,
            c.clerk_name,
            c.manager_name,
            c.reason,
        ]
        for c in corrections
    ]
