"""The official indicators on a small day worked out by hand (the expected values are not
computed by the code under test)."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from kiosk.answers import RatingChannel, RatingInput, Satisfaction
from kiosk.i18n import Translator
from kiosk.reports.indicators import clerk_class, compute, unit_class, unit_class_of_scores
from kiosk.reports.pdf_figures import LATE_IN_PERIOD
from kiosk.services.counter_forms import CounterFormService
from kiosk.services.dossiers import DossierService
from kiosk.services.offices import find_office
from kiosk.services.ratings import RatingService

DAY = date(2026, 11, 20)  # a Friday; the report is read on Monday 23/11
D = Decimal


def at(day, hour, minute=0):
    return datetime(2026, 11, day, hour, minute)


@pytest.fixture
def day_data(database, office, clock):
    dossiers = DossierService(database.factory, station="test", clock=clock)

    def dossier(service, clerk, received, returned=None):
        with clock.at(received):
            code = dossiers.register(service, clerk_id=clerk).code
        if returned:
            with clock.at(returned):
                dossiers.return_result(code, clerk_id=1)
        return code

    forms = CounterFormService(database.factory, station="test", clock=clock)

    def papers_asked_for(code, *moments):
        """A Form 02 at each (asked, brought back) pair, on the day: the clock does not move."""
        for asked, back in moments:
            clock.now = asked
            forms.request_supplement(code, missing=["Bản sao CCCD"], reason="Thiếu", clerk_id=1)
            clock.now = back
            forms.supplement_returned(code, clerk_id=1)

    a = dossier("HT-KS", 1, at(20, 8), at(20, 10))  # on time
    b = dossier("HT-XNHN", 1, at(17, 9))  # early (due 20/11), after one Form 02
    papers_asked_for(b, (at(17, 10), at(17, 11)))
    with clock.at(at(19, 15)):
        dossiers.return_result(b, clerk_id=1)
    c = dossier("HT-XNHN", 2, at(17, 9, 10))  # late, after two Form 02s
    papers_asked_for(c, (at(17, 10), at(17, 10, 30)), (at(17, 11), at(17, 11, 30)))
    with clock.at(at(23, 9)):
        dossiers.return_result(c, clerk_id=1)
    dossier("HT-KS", 2, at(20, 9))  # D: late, never returned
    e = dossier("HT-XNHN", 2, at(17, 9, 20), at(20, 16))  # on time
    dossier("HT-KS", 1, at(23, 8), at(23, 9))  # due another day: not in the report

    def rate(when, **answers):
        clock.now = when
        RatingService(database.factory, station="kiosk-1", clock=clock).record(
            RatingInput(**answers)
        )

    rate(
        at(20, 10, 5),
        satisfaction=Satisfaction.VERY_SATISFIED,
        dossier_code=a,
        contacts_score=2,
        agencies_score=1,
        conduct_complaint=False,
    )
    rate(
        at(20, 11),
        satisfaction=Satisfaction.SATISFIED,
        dossier_code=b,
        contacts_score=1,
        conduct_complaint=False,
    )
    rate(
        at(20, 12),
        satisfaction=Satisfaction.DISSATISFIED,
        dossier_code=c,
        contacts_score=0,
        agencies_score=0,
        conduct_complaint=True,
    )
    rate(
        at(20, 13),
        satisfaction=Satisfaction.VERY_SATISFIED,
        service_code="HT-KS",
        contacts_score=2,
        agencies_score=2,
        conduct_complaint=False,
    )
    rate(at(21, 9), satisfaction=Satisfaction.SATISFIED, dossier_code=e, agencies_score=1)
    rate(
        at(20, 14),
        satisfaction=Satisfaction.DISSATISFIED,
        service_code="HT-XNHN",
        contacts_score=1,
        channel=RatingChannel.PAPER,
    )
    clock.now = at(23, 17)
    return database


def report_for(database, start, end=None):
    with database.factory() as session:
        office = find_office(session)
        return compute(session, office.id, start, end or start, date(2026, 11, 23))


def test_unit_figures_of_the_day(day_data):
    report = report_for(day_data, DAY)
    unit = report.unit
    assert (report.received, report.returned) == (2, 2)
    assert (unit.due, unit.early, unit.on_time, unit.late) == (5, 1, 2, 2)
    assert unit.on_time_rate == D("60.0") and unit.early_rate == D("20.0")
    assert unit.rate_766 == D("60.0")  # 5 due − C (late, unhappy) − D (late) = 3
    assert (unit.ratings, unit.paper_ratings, unit.satisfied) == (5, 1, 3)
    assert unit.satisfaction_rate == D("60.0")
    # 1: (2·1 + 1·2) / 5 = 0.8; 3 from the Form 02s of the rated dossiers A (none), B (one),
    # C (two): (2+1+0)/3 = 1.0; 4: (1+0+2)/3 = 1.0; 7: (1+2+0)/3 = 1.0
    assert unit.indicators == {1: D("0.8"), 3: D("1.0"), 4: D("1.0"), 7: D("1.0")}
    assert unit.indicator_3_asked == D("1.2")  # as answered: (2+1+0+2+1)/5, kept beside it
    assert unit.indicator_total == D("3.8")
    assert unit_class_of_scores(unit) == "average"  # 3.8 of 8 reachable = 8.55 of 18
    assert unit_class(unit) is None  # but on 5 ratings the unit is not judged, as a clerk is not
    assert report.supplements == 0  # the three Form 02s were issued on 17/11, not on 20/11


def test_per_clerk_means_and_classes(day_data):
    report = report_for(day_data, DAY)
    first, second = report.by_clerk[1], report.by_clerk[2]
    # Clerk 1: A on time, B early; rated by A (2, 1, 7→1) and B (1, –, 7→2).
    assert first.indicators == {1: D("1.5"), 3: D("1.5"), 4: D("1.0"), 7: D("1.5")}
    assert clerk_class(first) == "completes duties"  # 5.5
    # Clerk 2: C late, D late, E on time → 1/3; rated only by C, all zeros.
    assert second.indicators == {1: D("0.3"), 3: D("0.0"), 4: D("0.0"), 7: D("0.0")}
    assert clerk_class(second) == "does not complete duties"


def test_per_service_figures(day_data):
    report = report_for(day_data, DAY)
    with day_data.factory() as session:
        from kiosk.services.offices import find_service

        birth = find_service(session, "HT-KS").id
    service = report.by_service[birth]
    assert (service.due, service.on_time, service.late) == (2, 1, 1)
    assert service.on_time_rate == D("50.0")
    assert (service.ratings, service.satisfied) == (2, 2)
    assert service.satisfaction_rate == D("100.0")


def test_a_day_without_ratings_leaves_the_asked_indicators_out(day_data):
    report = report_for(day_data, date(2026, 11, 19))  # nothing due, nothing rated
    assert report.unit.due == 0 and report.unit.ratings == 0
    assert report.unit.on_time_rate is None and report.unit.satisfaction_rate is None
    assert report.unit.indicators == {} and unit_class(report.unit) is None


def test_a_period_sums_its_days(day_data):
    report = report_for(day_data, date(2026, 11, 20), date(2026, 11, 23))
    assert report.unit.due == 6  # the dossier due on Monday 23/11 joins
    assert report.unit.ratings == 6  # and so does the rating given on Saturday


def test_a_day_with_only_late_dossiers(database, office, clock):
    dossiers = DossierService(database.factory, station="test", clock=clock)
    with clock.at(at(18, 8)):
        first = dossiers.register("HT-KS", clerk_id=1).code
    with clock.at(at(18, 9)):
        dossiers.register("HT-KS", clerk_id=2)  # never returned
    with clock.at(at(19, 8)):
        dossiers.return_result(first, clerk_id=1)  # a day after its appointment
    report = report_for(database, date(2026, 11, 18))
    unit = report.unit
    assert (unit.due, unit.late) == (2, 2)
    assert unit.on_time_rate == D("0.0") and unit.early_rate == D("0.0")
    assert unit.rate_766 == D("0.0")
    assert unit.indicators == {1: D("0.0")} and unit.satisfaction_rate is None


def test_xlsx_and_csv_exports_carry_the_same_figures(day_data, db_url, tmp_path, capsys):
    import csv
    import io

    from openpyxl import load_workbook

    from tests.conftest import run_kiosk

    xlsx = tmp_path / "ngay-20.xlsx"
    assert (
        run_kiosk(["export", "daily", "--date", "20/11/2026", "--out", str(xlsx), "--db", db_url])
        == 0
    )
    book = load_workbook(xlsx)
    assert book.sheetnames[:3] == ["Tổng hợp", "Theo thủ tục", "Theo công chức"]
    summary = {row[0]: row[1] for row in book["Tổng hợp"].iter_rows(min_row=2, values_only=True)}
    assert summary["Hồ sơ đến hạn"] == 5
    assert summary["Tỷ lệ đúng hạn (%)"] == 60.0 and summary["Tỷ lệ hài lòng (%)"] == 60.0
    assert summary["Chỉ số 1 (Thông tư 01/2018)"] == 0.8
    assert summary["Xếp loại đơn vị"] == "Chưa xếp loại: mới có 5/10 lượt đánh giá"  # as a clerk
    # Indicator 3 from the Form 02s recorded, the citizens' own answer beside it.
    assert summary["Chỉ số 3 (Thông tư 01/2018)"] == 1.0
    assert summary["Chỉ số 3 theo trả lời của người dân"] == 1.2
    register = list(book[book.sheetnames[3]].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in register] == [1, 2]  # numbered from 1; received on 20/11
    assert isinstance(register[0][6], datetime)  # dates are real dates
    assert book["Tổng hợp"].page_setup.orientation == "landscape"
    folder = tmp_path / "csv"
    assert (
        run_kiosk(
            [
                "export",
                "daily",
                "--from",
                "2026-11-20",
                "--to",
                "2026-11-20",
                "--format",
                "csv",
                "--out",
                str(folder),
                "--db",
                db_url,
            ]
        )
        == 0
    )
    first = sorted(folder.glob("*.csv"))[0].read_bytes()
    assert first.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(first.decode("utf-8-sig"))))
    assert ["Tỷ lệ đúng hạn (%)", "60.0", "100", "3 trước hạn hoặc đúng hạn trên 5 đến hạn"] in rows


def test_pdf_report_reads_back_with_the_days_figures(day_data, db_url, tmp_path):
    import subprocess

    from tests.conftest import run_kiosk

    pdf = tmp_path / "bao-cao.pdf"
    assert (
        run_kiosk(
            [
                "export",
                "daily",
                "--date",
                "2026-11-20",
                "--format",
                "pdf",
                "--out",
                str(pdf),
                "--db",
                db_url,
            ]
        )
        == 0
    )
    text = " ".join(
        subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    tr = Translator("vi")
    assert f"{tr('REPORT')} " in text and tr("(day {day})", day="20/11/2026") in text
    assert "Tỷ lệ đúng hạn (%) 60 % 100 % chưa đạt" in text  # no ".0" in Vietnamese
    assert "Tỷ lệ hài lòng (%) 60 % 80 % chưa đạt" in text
    assert f"{tr(LATE_IN_PERIOD)} (2)" in text  # C and D
    assert "Xếp loại đơn vị" in text and "mới có 5/10 lượt đánh giá" in text  # cell wraps
    assert "Chỉ số 3 theo trả lời của người dân 1,2" in text  # a decimal comma
