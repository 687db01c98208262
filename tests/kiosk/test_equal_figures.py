"""Each figure a manager quotes has one value, whichever way it is read: on the demo office the
clerk's board (whole office, and each clerk's share), the manager's glance, the indicators, the
kiosk's public results, the CLI, the exported CSV and XLSX, and the PDF's text all agree.

The files are read as a reader reads them: the CSV and XLSX by their row labels, the PDF by its
words. The PDF's layout changes with the official template, so its figures are found by a loose
pattern on their label's words (PDF_LABELS), not by position."""

import csv
import json
import re
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
from sqlalchemy import select

from kiosk.db.models import Clerk
from kiosk.i18n import Translator
from kiosk.reports.decision_766 import office_group_766
from kiosk.reports.glance import day_glance
from kiosk.reports.indicators import PeriodReport, compute
from kiosk.reports.public_results import month_results
from kiosk.reports.trends import period_trends
from kiosk.services.alerts import AlertService
from kiosk.services.clerk_board import Board, ClerkBoardService
from kiosk.services.demo import seed_demo
from kiosk.services.due_dossiers import due_counts
from kiosk.services.figure_names import DUE_TODAY_OPEN, LATE_IN_PERIOD, OVERDUE_NOW, WHOLE_OFFICE
from kiosk.services.offices import find_office
from tests.conftest import run_kiosk
from tests.kiosk.printed import pdf_text

# The demo's clock (tests.conftest.NOW) is Monday 23/11/2026, 9:30; its data starts on 24/10.
FIRST, LAST = date(2026, 11, 1), date(2026, 11, 22)  # a settled period: every day has passed
PERIOD = ["--from", FIRST.isoformat(), "--to", LAST.isoformat()]

# The words the Vietnamese PDF writes before each figure (a figure follows within a few words).
PDF_LABELS = {
    "due": r"Hồ sơ đến hạn",
    "on_time_rate": r"Tỷ lệ đúng hạn",
    "early_rate": r"Tỷ lệ trước hạn",
    "rate_766": r"Tỷ lệ theo Quyết định 766",
    "ratings": r"Lượt đánh giá",
    "satisfaction_rate": r"Tỷ lệ hài lòng",
    "indicator": r"Chỉ số {n} \(Thông tư 01/2018\)",
    # The list of the period's late dossiers: "Hồ sơ quá hạn (12)" or, named apart from what
    # is overdue now, "Trễ hạn trong kỳ: trả muộn hoặc chưa trả (12)".
    "late": r"(?:Hồ sơ[^\d]{0,40}?(?:quá|trễ) hạn|Trễ hạn trong kỳ)[^\d]{0,60}?(\d+)",
    "points_766": r"Tổng",
}
# Labels of the English CSV and XLSX summary, matched loosely (lower case, words only).
SUMMARY_LABELS = {
    "due": "dossiers due",
    "on_time_rate": "on-time rate",
    "early_rate": "early rate",
    "rate_766": "decision 766 rate",
    "ratings": "ratings",
    "satisfaction_rate": "satisfaction rate",
}
NUMBER = r"(\d+(?:[.,]\d+)?)"


def read_number(text: str) -> Decimal:
    """A figure as the reader sees it, in either language's decimal sign (the demo's figures
    are below a thousand, so there is no thousands separator to confuse it with)."""
    return Decimal(text.replace(",", "."))


def pdf_figure(text: str, label: str) -> Decimal:
    found = re.search(label + r"[^\d—]{0,20}" + NUMBER, text)
    assert found, f"no figure after {label!r} in the PDF"
    return read_number(found.group(1))


def summary_figure(rows: dict[str, object], label: str) -> Decimal:
    matches = [v for k, v in rows.items() if k.lower().startswith(label)]
    assert matches, f"no row {label!r} in {sorted(rows)}"
    return Decimal(str(matches[0]))


def exported(db_url, tmp_path, clock, name: str, *args: str) -> str:
    out = tmp_path / name
    argv = ["export", "daily", *PERIOD, "--out", str(out), *args, "--db", db_url]
    assert run_kiosk(argv, clock) == 0
    return str(out)


def csv_summary(folder: str) -> dict[str, object]:
    from pathlib import Path

    summary = next(Path(folder).glob("1-*.csv"))
    with summary.open(encoding="utf-8-sig", newline="") as file:
        return {row[0]: row[1] for row in csv.reader(file) if len(row) > 1}


def xlsx_summary(path: str) -> dict[str, object]:
    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    return {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}


def the_figures(report: PeriodReport) -> dict[str, Decimal]:
    unit = report.unit
    figures = {
        "due": unit.due,
        "on_time_rate": unit.on_time_rate,
        "early_rate": unit.early_rate,
        "rate_766": unit.rate_766,
        "ratings": unit.ratings,
        "satisfaction_rate": unit.satisfaction_rate,
    }
    assert all(v is not None for v in figures.values()), "the demo must have every figure"
    return {k: Decimal(v) for k, v in figures.items()}  # type: ignore[arg-type]


@pytest.fixture
def demo(database, clock):
    seed_demo(database.factory, clock.now)
    return database


def board_counts(board: Board) -> tuple[int, int, int]:
    return len(board.overdue), len(board.due_today), len(board.due_next)


def cli_output(argv, clock, capsys) -> str:
    capsys.readouterr()
    assert run_kiosk(argv, clock) == 0
    return capsys.readouterr().out


def test_what_is_owed_is_counted_alike_by_the_board_each_clerk_and_the_glance(
    demo, db_url, clock, capsys
):
    boards = ClerkBoardService(demo.factory, station="clerk-1", clock=clock)
    for now in (clock.now, datetime(2026, 11, 20, 16, 0), datetime(2026, 11, 25, 8, 0)):
        clock.now = now  # a Monday, a Friday before the weekend, the day after a holiday
        office = boards.board()
        with demo.factory() as session:
            glance = day_glance(session, None, now)
            owed = due_counts(session, find_office(session), now.date())
            clerk_ids = list(session.scalars(select(Clerk.id)))
        counts = board_counts(office)
        assert counts[0] > 0, "the demo has overdue dossiers: the counts are not 0 = 0"
        assert counts == (glance.overdue, glance.due_today_open, glance.due_next)
        assert counts == (owed.overdue, owed.due_today, owed.due_next)
        alerts = AlertService(demo.factory, station="manager", clock=clock).current()
        [due_next] = [a.params["count"] for a in alerts if a.kind == "due_next_day"] or [0]
        assert due_next == counts[2]  # the manager's banner
        # Each clerk's share adds up to the office's, with what the province sent (no clerk).
        shares = [board_counts(boards.board(clerk_id=c)) for c in clerk_ids]
        imported = [
            sum(1 for v in group if v.counter is None)
            for group in (office.overdue, office.due_today, office.due_next)
        ]
        summed = tuple(sum(s[i] for s in shares) + imported[i] for i in range(3))
        assert summed == counts
    owed = json.loads(cli_output(["report", "--db", db_url, "--json"], clock, capsys))["owed"]
    assert (owed["overdue"], owed["due_today"], owed["due_next"]) == counts


def test_the_periods_figures_are_the_same_in_every_export_and_on_the_kiosk(
    demo, db_url, clock, tmp_path, capsys
):
    with demo.factory() as session:
        office = find_office(session)
        report = compute(session, office.id, FIRST, LAST, clock.now.date())
        rated_to_today = compute(session, office.id, FIRST, clock.now.date(), clock.now.date())
        public = month_results(session, None, clock.now)
        trends = period_trends(session, None, FIRST, LAST, clock.now.date(), "vi")
        today = clock.now.date()
        todays_ratings = compute(session, office.id, today, today, today).unit.ratings
    figures = the_figures(report)
    assert report.unit.late > 0 and report.unit.indicators, "the demo has late dossiers"

    # The exports, as a reader opens them.
    in_csv = csv_summary(
        exported(db_url, tmp_path, clock, "csv", "--format", "csv", "--lang", "en")
    )
    in_xlsx = xlsx_summary(exported(db_url, tmp_path, clock, "p.xlsx", "--lang", "en"))
    pdf_path = exported(db_url, tmp_path, clock, "p.pdf", "--lang", "vi")
    with open(pdf_path, "rb") as file:
        pdf = pdf_text(file.read(), tmp_path)
    for name, value in figures.items():
        assert summary_figure(in_csv, SUMMARY_LABELS[name]) == value, name
        assert summary_figure(in_xlsx, SUMMARY_LABELS[name]) == value, name
        assert pdf_figure(pdf, PDF_LABELS[name]) == value, name
    for number, mean in report.unit.indicators.items():
        label = f"indicator {number} ("
        assert summary_figure(in_csv, label) == mean and summary_figure(in_xlsx, label) == mean
        assert pdf_figure(pdf, PDF_LABELS["indicator"].format(n=number)) == mean, number
    late = re.search(PDF_LABELS["late"], pdf)
    assert late and int(late.group(1)) == report.unit.late  # late in the period, not owed now

    # The manager's charts: the days add up to the period.
    by_day = trends.by_day
    assert sum(p.ratings for p in by_day) == rated_to_today.unit.ratings - todays_ratings
    assert sum(p.satisfied for p in by_day) == report.unit.satisfied
    assert trends.report.unit == report.unit

    # The command line, in words and in JSON.
    capsys.readouterr()
    assert run_kiosk(["report", *PERIOD, "--db", db_url, "--lang", "vi"], clock) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert run_kiosk(["report", *PERIOD, "--db", db_url, "--json"], clock) == 0
    data = json.loads(capsys.readouterr().out)
    for name, value in figures.items():
        assert pdf_figure(said, PDF_LABELS[name]) == value, name
        assert Decimal(str(data[name])) == value, name
    for number, mean in report.unit.indicators.items():
        assert pdf_figure(said, PDF_LABELS["indicator"].format(n=number)) == mean, number
        assert Decimal(str(data["indicators"][str(number)])) == mean
    assert pdf_figure(said, re.escape(Translator("vi")(LATE_IN_PERIOD))) == report.unit.late
    assert data["late"] == report.unit.late

    # The kiosk's public results: appointments up to yesterday, ratings up to today.
    assert public.due == report.unit.due
    assert (public.on_time_rate, public.early_rate) == (
        report.unit.on_time_rate,
        report.unit.early_rate,
    )
    assert public.ratings == rated_to_today.unit.ratings
    assert public.satisfaction_rate == rated_to_today.unit.satisfaction_rate


def test_todays_figures_on_the_glance_are_the_days_report(demo, db_url, clock, tmp_path):
    today = clock.now.date()
    with demo.factory() as session:
        glance = day_glance(session, None, clock.now)
        report = compute(session, find_office(session).id, today, today, today)
    assert (glance.due_today, glance.received, glance.returned) == (
        report.unit.due,
        report.received,
        report.returned,
    )
    assert glance.unit == report.unit  # every rate and mean the glance shows is the report's
    out = tmp_path / "today.pdf"
    argv = ["export", "daily", "--date", today.isoformat(), "--out", str(out), "--db", db_url]
    assert run_kiosk(argv, clock) == 0
    pdf = pdf_text(out.read_bytes(), tmp_path)
    assert pdf_figure(pdf, PDF_LABELS["due"]) == glance.due_today


def test_the_766_group_is_the_same_in_the_cli_the_pdf_and_the_report(
    demo, db_url, clock, tmp_path, capsys
):
    with demo.factory() as session:
        office = find_office(session)
        group = office_group_766(session, office.id, FIRST, LAST, clock.now)
        unit = compute(session, office.id, FIRST, LAST, clock.now.date()).unit
    assert group.dossiers.rate == unit.rate_766  # one definition of the 766 rate

    capsys.readouterr()
    argv = ["cases", "766", *PERIOD, "--db", db_url, "--json"]
    assert run_kiosk(argv, clock) == 0
    data = json.loads(capsys.readouterr().out)
    assert Decimal(str(data["points"])) == group.points
    assert Decimal(str(data["dossiers"]["rate"])) == group.dossiers.rate
    assert data["dossiers"]["counted"] == unit.due

    assert run_kiosk(["cases", "766", *PERIOD, "--db", db_url, "--lang", "vi"], clock) == 0
    text = capsys.readouterr().out
    total = re.search(r"Tổng[^\d]{0,20}" + NUMBER + r"\s*/\s*18", text)
    assert total and read_number(total.group(1)) == group.points

    book = openpyxl.load_workbook(exported(db_url, tmp_path, clock, "766.xlsx", "--lang", "en"))
    [sheet] = [book[name] for name in book.sheetnames if "766" in name]
    parts = [row for row in sheet.iter_rows(values_only=True) if len(row) > 5 and row[5] == 6]
    assert [Decimal(str(row[4])) for row in parts] == [p.points for p in group.parts]

    out = exported(db_url, tmp_path, clock, "766.pdf", "--lang", "vi")
    with open(out, "rb") as file:
        pdf = pdf_text(file.read(), tmp_path)
    total = re.search(r"Tổng[^\d]{0,20}" + NUMBER + r"\s*/\s*18", pdf)
    assert total and read_number(total.group(1)) == group.points


def test_the_overdue_now_and_the_periods_late_dossiers_are_named_apart():
    for language in ("vi", "en"):
        tr = Translator(language)
        names = {tr(OVERDUE_NOW), tr(DUE_TODAY_OPEN), tr(LATE_IN_PERIOD)}
        assert len(names) == 3
        assert tr(OVERDUE_NOW) in tr(WHOLE_OFFICE, figure=tr(OVERDUE_NOW))
