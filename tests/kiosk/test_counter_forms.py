"""Form 02 (papers missing), Form 03 (refused) and Form 01's papers, as the office records them,
and what the figures make of them."""

import json
from datetime import datetime

import pytest
from openpyxl import load_workbook

from kiosk.answers import RatingInput, Satisfaction
from kiosk.errors import ConflictError, InvalidInputError
from kiosk.services.counter_forms import CounterFormService
from kiosk.services.dossiers import DossierService
from kiosk.services.ratings import RatingService
from kiosk.services.service_documents import ServiceDocumentService, parse_checklist
from kiosk.views import DocumentItem
from tests.conftest import run_kiosk

MONDAY = datetime(2026, 11, 23, 9, 0)  # Tuesday 24/11 is a public holiday (Culture Day)


@pytest.fixture
def desk(database, office, clock):
    clock.now = MONDAY
    dossiers = DossierService(database.factory, station="clerk-1", clock=clock)
    forms = CounterFormService(database.factory, station="clerk-1", clock=clock)
    return dossiers, forms


def test_the_first_form_02_stops_the_clock_and_the_second_does_not(desk, clock):
    dossiers, forms = desk
    with clock.at(MONDAY):
        view = dossiers.register("HT-XNHN", clerk_id=1)
    due = view.due_at
    waiting = forms.request_supplement(
        view.code, missing=["Bản sao CCCD", "  "], reason="Thiếu giấy tờ", clerk_id=1
    )
    assert [(s.number, s.missing) for s in waiting.supplements] == [(1, ("Bản sao CCCD",))]
    with pytest.raises(ConflictError):  # still waiting for the first
        forms.request_supplement(view.code, missing=["Ảnh"], reason="Thiếu", clerk_id=1)
    clock.now = datetime(2026, 11, 26, 8, 0)  # Thursday: two working days waited (25, 26)
    back = forms.supplement_returned(view.code, clerk_id=1)
    # Due Friday 27/11; two working days later is Tuesday 1/12.
    assert (due, back.due_at) == (datetime(2026, 11, 27, 17), datetime(2026, 12, 1, 17))
    assert back.supplements[0].returned_at == clock.now
    forms.request_supplement(view.code, missing=["Ảnh 4x6"], reason="Ảnh mờ", clerk_id=1)
    clock.now = datetime(2026, 11, 30, 8, 0)
    again = forms.supplement_returned(view.code, clerk_id=1)
    assert again.due_at == back.due_at  # asking twice is the office's fault: no more time
    assert [s.number for s in again.supplements] == [1, 2]


def test_a_late_dossier_cannot_be_made_on_time_by_a_form_02_after_the_fact(desk, clock):
    dossiers, forms = desk
    with clock.at(MONDAY):
        code = dossiers.register("HT-XNHN", clerk_id=1).code  # due Fri 27/11
    clock.now = datetime(2026, 11, 30, 8, 0)  # Monday after: already late
    with pytest.raises(ConflictError):
        forms.request_supplement(code, missing=["Ảnh"], reason="Thiếu", clerk_id=1)
    assert dossiers.show(code).supplements == ()


def test_a_form_02_needs_what_is_missing_and_why(desk, clock):
    dossiers, forms = desk
    with clock.at(MONDAY):
        code = dossiers.register("HT-XNHN", clerk_id=1).code
    with pytest.raises(InvalidInputError):
        forms.request_supplement(code, missing=[" "], reason="Thiếu", clerk_id=1)
    with pytest.raises(InvalidInputError):
        forms.request_supplement(code, missing=["Ảnh"], reason=" ", clerk_id=1)


def test_a_refused_dossier_is_closed_to_everything_else(desk, clock):
    dossiers, forms = desk
    with clock.at(MONDAY):
        code = dossiers.register("HT-XNHN", clerk_id=1).code
    refused = forms.refuse(code, reason="Không thuộc thẩm quyền của xã", clerk_id=1)
    assert refused.refused_at == MONDAY and refused.refusal_reason.startswith("Không thuộc")
    for attempt in (
        lambda: forms.refuse(code, reason="Lần nữa", clerk_id=1),
        lambda: forms.request_supplement(code, missing=["Ảnh"], reason="Thiếu", clerk_id=1),
        lambda: dossiers.return_result(code, clerk_id=1),
    ):
        with pytest.raises(ConflictError):
            attempt()


def test_papers_and_the_yearly_register_entry_are_kept(desk, clock):
    dossiers, _forms = desk
    papers = [DocumentItem("Tờ khai", "original", 1), DocumentItem("CCCD", "copy", 2)]
    with clock.at(MONDAY):
        first = dossiers.register("HT-XNHN", clerk_id=1, documents=papers, sets=2)
    with clock.at(datetime(2026, 12, 31, 9)):
        second = dossiers.register("HT-KS", clerk_id=1)
    with clock.at(datetime(2027, 1, 4, 9)):
        next_year = dossiers.register("HT-KS", clerk_id=1)
    assert first.documents == tuple(papers) and first.sets == 2
    assert [first.register_entry, second.register_entry, next_year.register_entry] == [1, 2, 1]
    with pytest.raises(InvalidInputError):
        with clock.at(MONDAY):
            dossiers.register("HT-KS", clerk_id=1, sets=0)


def test_an_office_keeps_each_services_checklist(database, office, clock, tmp_path, capsys):
    items = parse_checklist(
        '[[document]]\nname = "Tờ khai"\n\n[[document]]\nname = "CCCD"\nform = "copy"\ncount = 2\n'
    )
    checklists = ServiceDocumentService(database.factory, station="test", clock=clock)
    checklists.replace("HT-KS", items)
    assert checklists.checklist("HT-KS") == (
        DocumentItem("Tờ khai", "original", 1),
        DocumentItem("CCCD", "copy", 2),
    )
    with pytest.raises(InvalidInputError):
        parse_checklist('[[document]]\nname = "Ảnh"\nform = "scan"\n')
    path = tmp_path / "ks.toml"
    path.write_text('[[document]]\nname = "Giấy chứng sinh"\n', encoding="utf-8")
    url = database.url
    assert run_kiosk(["services", "documents", "HT-KS", "--file", str(path), "--db", url]) == 0
    assert "1. Giấy chứng sinh (bản chính, 1)" in capsys.readouterr().out


def test_two_form_02s_make_indicator_3_zero_for_that_dossier_in_the_export(
    desk, database, clock, tmp_path
):
    dossiers, forms = desk
    with clock.at(MONDAY):
        code = dossiers.register("HT-XNHN", clerk_id=2).code
    for _ in range(2):
        forms.request_supplement(code, missing=["Ảnh"], reason="Thiếu", clerk_id=2)
        forms.supplement_returned(code, clerk_id=2)
    dossiers.return_result(code, clerk_id=1)
    RatingService(database.factory, station="kiosk-1", clock=clock).record(
        RatingInput(Satisfaction.SATISFIED, dossier_code=code, contacts_score=2)
    )
    out = tmp_path / "ngay.xlsx"
    export = ["export", "daily", "--date", "23/11/2026", "--out", str(out), "--db", database.url]
    assert run_kiosk(export) == 0
    sheet = load_workbook(out)["Theo công chức"]
    header, *rows = sheet.iter_rows(values_only=True)
    row = next(r for r in rows if "Trần Văn Đức" in r)
    assert row[header.index("Chỉ số 3")] == 0  # from the record: two Form 02s
    assert row[header.index("Chỉ số 3 theo trả lời")] == 2  # what the citizen answered


def test_forms_are_refused_in_words_on_the_command_line(desk, database, capsys, clock):
    dossiers, _forms = desk
    url = database.url
    with clock.at(MONDAY):
        code = dossiers.register("HT-KS", clerk_id=1).code
    dossiers.return_result(code, clerk_id=1)
    unknown = ["print", "refusal", "000.00.30.H12-261123-0099", "--reason", "X", "--db", url]
    assert run_kiosk(unknown) == 1
    assert "Không tìm thấy hồ sơ" in capsys.readouterr().err
    supplement = ["print", "supplement", code, "--missing", "Ảnh", "--reason", "X", "--db", url]
    assert run_kiosk(supplement) == 1
    assert "trả kết quả" in capsys.readouterr().err
    with clock.at(MONDAY):
        open_code = dossiers.register("HT-KS", clerk_id=1).code
    refuse = ["print", "refusal", open_code, "--reason", "Sai thẩm quyền", "--json", "--db", url]
    run_kiosk(refuse)
    capsys.readouterr()
    assert run_kiosk(refuse) == 1
    error = capsys.readouterr().err
    assert "đã bị từ chối" in error and len(error.strip().splitlines()) == 1
    shown = ["dossier", "show", open_code, "--json", "--db", url]
    assert run_kiosk(shown) == 0
    assert json.loads(capsys.readouterr().out)["refusal_reason"] == "Sai thẩm quyền"


def test_form_02_and_form_03_are_issued_and_written_from_the_command_line(
    desk, database, tmp_path, capsys, clock
):
    from tests.kiosk.signing import machine_keys

    machine_keys()  # the office's receipt key, as `kiosk keys init` makes it
    import subprocess

    dossiers, _forms = desk
    url = database.url
    with clock.at(MONDAY):
        code = dossiers.register("HT-XNHN", clerk_id=1).code
    supplement = tmp_path / "mau-02.pdf"
    command = ["print", "supplement", code, "--missing", "Bản sao sổ hộ khẩu", "--reason"]
    command += ["Thiếu giấy tờ", "--clerk", "1", "--out", str(supplement), "--json", "--db", url]
    assert run_kiosk(command) == 0
    assert json.loads(capsys.readouterr().out)["out"] == str(supplement)
    refusal = tmp_path / "mau-03.pdf"
    command = ["print", "refusal", code, "--reason", "Sai thẩm quyền", "--out", str(refusal)]
    assert run_kiosk([*command, "--db", url]) == 0
    again = tmp_path / "mau-02-in-lai.pdf"  # a reprint: no new request is recorded
    assert run_kiosk(["print", "supplement", code, "--out", str(again), "--db", url]) == 0
    assert len(dossiers.show(code).supplements) == 1

    def text(pdf):
        run = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
        return " ".join(run.stdout.split())

    assert "Bản sao sổ hộ khẩu" in text(supplement) and "Bản sao sổ hộ khẩu" in text(again)
    assert "Sai thẩm quyền" in text(refusal)
