"""Dossiers whose times a manager corrected, as the reports count and list them. The figures use
the stated times (that is what a correction is for); this list makes every one of them visible."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, TableStyle
from reportlab.platypus import Table as PdfTable

from kiosk.i18n import Translator
from kiosk.reports.cells import Cell
from kiosk.services.corrections import EVENT_LABELS, CorrectionView

# The PDF stays short; the XLSX and CSV list them all.
MAX_PDF_ROWS = 20


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


def corrected_flowables(
    corrections: list[CorrectionView],
    tr: Translator,
    heading: ParagraphStyle,
    bold: ParagraphStyle,
    small: ParagraphStyle,
) -> list[object]:
    """The PDF's section: how many dossiers had a time corrected, and the first of them."""
    title = tr("Dossiers with a corrected time ({count})", count=corrected_count(corrections))
    out: list[object] = [Paragraph(escape(title), heading)]
    if not corrections:
        return [*out, Paragraph(escape(tr("None.")), small)]
    data = [[Paragraph(escape(h), bold) for h in corrected_header(tr)]]
    for c in corrections[:MAX_PDF_ROWS]:
        cells = (
            c.code,
            tr(EVENT_LABELS[c.event]),
            f"{c.stated_at:%H:%M %d/%m/%Y}",
            f"{c.recorded_at:%H:%M %d/%m/%Y}",
            c.clerk_name or "—",
            c.manager_name,
            c.reason,
        )
        data.append([Paragraph(escape(text), small) for text in cells])
    # Each time column holds "dd/mm/yyyy" whole: it breaks after the hour, never in the date.
    widths = [36 * mm, 16 * mm, 24 * mm, 24 * mm, 22 * mm, 22 * mm, 30 * mm]
    table = PdfTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef9")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    out.append(table)
    if len(corrections) > MAX_PDF_ROWS:
        more = tr("… and {count} more: see the XLSX.", count=len(corrections) - MAX_PDF_ROWS)
        out.append(Paragraph(escape(more), small))
    return out
