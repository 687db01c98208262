"""The four counter forms of Circular 03/2025, read back from paper as a person and a scanner would.

Most tests build the dossier and the office as plain values; the last ones go through the
database, the way a clerk's reprint does.
"""

import dataclasses
import re
import subprocess
import uuid
from datetime import datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from kiosk.db.models import Dossier, PrintKind, SupplementRequest
from kiosk.errors import InvalidInputError
from kiosk.i18n import Translator
from kiosk.printing.escpos_preview import raster_images
from kiosk.printing.escpos_slip import DOTS, MARGIN, render_escpos
from kiosk.printing.pdf_slip import A5, ROLL_80, keep_last_words, render_pdf
from kiosk.printing.raster_text import raster_font
from kiosk.printing.slip_fields import sentence, slip_content
from kiosk.printing.slips import render_slip
from kiosk.printing.templates import load_template
from kiosk.receipt_signing import ReceiptSigner
from kiosk.services.dossiers import DossierService
from kiosk.services.slips import SlipService
from kiosk.status import DossierStatus
from kiosk.views import CitizenDetails, DocumentItem, DossierView, OfficeView, SupplementView
from tests.kiosk.printed import native_qr_payloads, pdf_text, scanned

CODE = "000.00.30.H12-261123-0042"
SIGNER = ReceiptSigner(b"office-key".ljust(32, b"-"))
KINDS = [PrintKind.RECEIPT, PrintKind.SUPPLEMENT, PrintKind.REFUSAL, PrintKind.APOLOGY]
WITH_QR = {PrintKind.RECEIPT, PrintKind.SUPPLEMENT, PrintKind.APOLOGY}

OFFICE = OfficeView(
    code="000.00.30.H12",
    name="Trung tâm Phục vụ hành chính công xã Tân Phú",
    address="Số 1 đường Trần Hưng Đạo, xã Tân Phú, tỉnh Đồng Nai",
    opening_time=time(7, 30),
    closing_time=time(17, 0),
    afternoon_cutoff=time(15, 0),
    rating_scale=3,
    voice_prompts=False,
    authority="ỦY BAN NHÂN DÂN XÃ TÂN PHÚ",
    place_name="Tân Phú",
    signatory_title="GIÁM ĐỐC",
    signatory_name="Nguyễn Văn Hùng",
)

RECEIVED = DossierView(
    id=uuid.UUID(int=42),
    code=CODE,
    service_code="HT-KS",
    service_name_vi="Đăng ký khai sinh",
    service_name_en="Birth registration",
    processing_days=3,
    clerk_name="Trần Thị Mai",
    counter=2,
    received_at=datetime(2026, 11, 23, 9, 30),
    due_at=datetime(2026, 11, 26, 17, 0),
    returned_at=None,
    reappointed_due_at=None,
    reappointment_reason=None,
    reappointed_at=None,
    citizen=CitizenDetails("Nguyễn Văn Ấn", "Ấp Phú Hòa, xã Tân Phú", "0912345678"),
    status=DossierStatus.PROCESSING,
    documents=(
        DocumentItem("Tờ khai đăng ký khai sinh", "original", 1),
        DocumentItem("Giấy chứng sinh", "copy", 2),
    ),
    sets=2,
    register_entry=7,
)

DOSSIERS = {
    PrintKind.RECEIPT: RECEIVED,
    PrintKind.SUPPLEMENT: dataclasses.replace(
        RECEIVED,
        supplements=(
            SupplementView(
                number=1,
                issued_at=datetime(2026, 11, 24, 10, 15),
                missing=(
                    "Bản sao giấy chứng sinh có chứng thực",
                    "Văn bản ủy quyền của cha hoặc mẹ",
                ),
                reason="Giấy chứng sinh nộp kèm là bản chụp",
                clerk_name="Lê Văn Tâm",
            ),
        ),
    ),
    PrintKind.REFUSAL: dataclasses.replace(
        RECEIVED,
        refused_at=datetime(2026, 11, 23, 9, 40),
        refusal_reason="Việc khai sinh đã được đăng ký tại Ủy ban nhân dân xã Phú Hòa.",
    ),
    PrintKind.APOLOGY: dataclasses.replace(
        RECEIVED,
        reappointed_due_at=datetime(2026, 12, 1, 17, 0),
        reappointment_reason="Chờ ý kiến của Sở Tư pháp.",  # its own full stop: printed once
        reappointed_at=datetime(2026, 11, 25, 14, 0),
        status=DossierStatus.PROCESSING,
    ),
}

MOTTO = {
    "vi": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    "en": ["SOCIALIST REPUBLIC OF VIETNAM", "Independence - Freedom - Happiness"],
}
HEADER = [
    "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ",
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ TÂN PHÚ",
    "Nguyễn Văn Ấn",
    "Ấp Phú Hòa, xã Tân Phú",
    "0912345678",
    CODE,
]
EXPECTED = {
    (PrintKind.RECEIPT, "vi"): [
        "Số: 07",
        "Tân Phú, ngày 23 tháng 11 năm 2026",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        f"Mã hồ sơ: {CODE}",
        "Tiếp nhận hồ sơ của: Nguyễn Văn Ấn",
        "Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
        "1. Thành phần hồ sơ nộp gồm:",
        "(1) Tờ khai đăng ký khai sinh — bản chính: 01",
        "(2) Giấy chứng sinh — bản sao: 02",
        "2. Số lượng hồ sơ: 02 (bộ)",
        "3. Thời gian giải quyết hồ sơ theo quy định là: 3 ngày làm việc",
        "4. Thời gian nhận hồ sơ: 09 giờ 30 phút, ngày 23 tháng 11 năm 2026",
        "5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 26 tháng 11 năm 2026",
        "6. Đăng ký nhận kết quả tại: Bộ phận tiếp nhận và trả kết quả, Số 1 đường Trần Hưng Đạo",
        "Vào sổ theo dõi hồ sơ: quyển số 2026, số thứ tự 07",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "(Ký và ghi rõ họ tên)",
        "Trần Thị Mai",
    ],
    (PrintKind.RECEIPT, "en"): [
        "No. 07",
        "Tân Phú, 23/11/2026",
        "RECEIPT OF DOSSIER AND APPOINTMENT FOR THE RESULT",
        f"Dossier code: {CODE}",
        "Requested procedure: Birth registration",
        "(1) Tờ khai đăng ký khai sinh — original: 01",
        "(2) Giấy chứng sinh — copy: 02",
        "2. Number of sets of the dossier: 02",
        "3. Legal processing time: 3 working days",
        "4. Received at: 09 h 30, on 23/11/2026",
        "5. Appointment for the result: 17 h 00, on 26/11/2026",
        "Entered in the dossier register: book 2026, entry 07",
        "SUBMITTER",
        "RECEIVING OFFICER",
        "(signature and full name)",
    ],
    (PrintKind.SUPPLEMENT, "vi"): [
        f"Số: {CODE}/BS1",
        "Tân Phú, ngày 24 tháng 11 năm 2026",
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        "Kính gửi: Ông/Bà Nguyễn Văn Ấn",
        f"1. Mã hồ sơ: {CODE}",
        "2. Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
        "3. Yêu cầu Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:",
        "(1) Bản sao giấy chứng sinh có chứng thực",
        "(2) Văn bản ủy quyền của cha hoặc mẹ",
        "4. Lý do: Giấy chứng sinh nộp kèm là bản chụp.",
        "NGƯỜI HƯỚNG DẪN",
        "Lê Văn Tâm",
    ],
    (PrintKind.SUPPLEMENT, "en"): [
        f"No. {CODE}/BS1",
        "Tân Phú, 24/11/2026",
        "REQUEST TO SUPPLEMENT AND COMPLETE THE DOSSIER",
        "To: Nguyễn Văn Ấn",
        "2. Requested procedure: Birth registration",
        "(1) Bản sao giấy chứng sinh có chứng thực",
        "4. Reason: Giấy chứng sinh nộp kèm là bản chụp.",
        "GUIDING OFFICER",
        "Lê Văn Tâm",
    ],
    (PrintKind.REFUSAL, "vi"): [
        f"Số: {CODE}/TC",
        "Tân Phú, ngày 23 tháng 11 năm 2026",
        "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        "Kính gửi: Ông/Bà Nguyễn Văn Ấn",
        "2. Nội dung yêu cầu giải quyết: Đăng ký khai sinh",
        "thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:",
        "3. Lý do: Việc khai sinh đã được đăng ký tại Ủy ban nhân dân xã Phú Hòa.",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "Trần Thị Mai",
    ],
    (PrintKind.REFUSAL, "en"): [
        f"No. {CODE}/TC",
        "REFUSAL TO RECEIVE AND SETTLE THE DOSSIER",
        "3. Reason: Việc khai sinh đã được đăng ký tại Ủy ban nhân dân xã Phú Hòa.",
        "RECEIVING OFFICER",
    ],
    (PrintKind.APOLOGY, "vi"): [
        f"Số: {CODE}/XL",
        "Tân Phú, ngày 25 tháng 11 năm 2026",
        "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
        "Kính gửi: Ông/Bà Nguyễn Văn Ấn",
        "Vào ngày 23 tháng 11 năm 2026, Trung tâm Phục vụ hành chính công xã Tân Phú đã tiếp "
        "nhận hồ sơ của Ông/Bà:",
        "1. Thủ tục hành chính: Đăng ký khai sinh",
        f"2. Mã hồ sơ: {CODE}",
        "3. Thời gian hẹn trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 26 tháng 11 năm 2026",
        "chưa trả kết quả giải quyết hồ sơ cho Ông/Bà. Lý do: Chờ ý kiến của Sở Tư pháp.",
        "xin lỗi Ông/Bà và đề nghị Ông/Bà đồng ý gia hạn thời gian giải quyết hồ sơ",
        "4. Thời gian hẹn trả kết quả mới: 17 giờ 00 phút, ngày 01 tháng 12 năm 2026",
        "GIÁM ĐỐC",
        "Nguyễn Văn Hùng",
    ],
    (PrintKind.APOLOGY, "en"): [
        f"No. {CODE}/XL",
        "LETTER OF APOLOGY AND REQUEST TO EXTEND THE PROCESSING TIME",
        "To: Nguyễn Văn Ấn",
        "1. Procedure: Birth registration",
        "Reason: Chờ ý kiến của Sở Tư pháp.",
        "4. New appointment: 17 h 00, on 01/12/2026",
        "Nguyễn Văn Hùng",
    ],
}


def page_count(pdf, tmp_path):
    path = tmp_path / "pages.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


@pytest.mark.parametrize("paper", [A5, ROLL_80], ids=["a5", "80mm"])
@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("kind", KINDS, ids=[k.value for k in KINDS])
def test_every_form_prints_its_fields_and_a_genuine_qr(kind, language, paper, tmp_path):
    tr = Translator(language)
    pdf = render_slip(kind, DOSSIERS[kind], OFFICE, signer=SIGNER, paper=paper, tr=tr)
    text = pdf_text(pdf, tmp_path)
    for expected in [*MOTTO[language], *HEADER, *EXPECTED[kind, language]]:
        assert expected in text, expected
    assert ".." not in text  # a reason typed with its own full stop keeps one
    if paper is A5:
        assert page_count(pdf, tmp_path) == 1
    payloads = scanned(pdf, tmp_path)
    if kind in WITH_QR:
        assert [SIGNER.verify(payload) for payload in payloads] == [CODE]
    else:
        assert payloads == []  # a refused dossier has nothing to follow at the kiosk


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("kind", KINDS, ids=[k.value for k in KINDS])
def test_every_form_goes_to_a_thermal_printer_with_margins_and_its_own_qr(kind, language):
    tr = Translator(language)
    data = render_escpos(
        load_template(kind.value),
        slip_content(DOSSIERS[kind], OFFICE, tr, check_number=SIGNER.check_number(CODE)),
        tr,
        qr_payload=SIGNER.payload(CODE),
    )
    assert data.startswith(b"\x1b@") and b"\x1dV" in data[-6:]
    assert "Nguyễn".encode() not in data  # Vietnamese goes out as pictures
    payloads = native_qr_payloads(data)
    assert payloads == ([SIGNER.payload(CODE)] if kind in WITH_QR else [])
    images = raster_images(data)
    assert images and all(image.width == DOTS for image in images)
    for image in images:
        ink = image.getbbox()  # set bits are ink
        assert ink is not None
        assert ink[0] >= MARGIN and ink[2] <= DOTS - MARGIN, (kind, ink)
    assert 500 < images[0].height < 2200


def test_receipt_without_documents_or_register_entry_leaves_them_to_fill_by_hand(tmp_path):
    dossier = dataclasses.replace(RECEIVED, documents=(), register_entry=None)
    pdf = render_slip(
        PrintKind.RECEIPT, dossier, OFFICE, signer=SIGNER, paper=A5, tr=Translator("vi")
    )
    text = pdf_text(pdf, tmp_path)
    for number in (1, 2, 3):
        assert re.search(rf"\({number}\) …{{10,}}", text), number
    assert "(4)" not in text
    assert "Vào sổ theo dõi hồ sơ: quyển số 2026, số thứ tự …" in text
    assert "Số: …" in text


def test_a_long_receipt_still_fits_one_a5_page(tmp_path):
    dossier = dataclasses.replace(
        RECEIVED,
        documents=tuple(
            DocumentItem(f"Giấy tờ số {n} kèm theo hồ sơ đăng ký, có xác nhận của cơ quan", "copy")
            for n in range(1, 13)
        ),
    )
    for language in ("vi", "en"):
        pdf = render_slip(
            PrintKind.RECEIPT, dossier, OFFICE, signer=SIGNER, paper=A5, tr=Translator(language)
        )
        assert page_count(pdf, tmp_path) == 1
        assert "(12) Giấy tờ số 12" in pdf_text(pdf, tmp_path)
        assert [SIGNER.verify(p) for p in scanned(pdf, tmp_path)] == [CODE]


@pytest.mark.parametrize("typed", ["Chờ ý kiến", "Chờ ý kiến.", "Chờ ý kiến..", " Chờ ý kiến . "])
def test_apology_reason_ends_with_exactly_one_full_stop(typed, tmp_path):
    dossier = dataclasses.replace(DOSSIERS[PrintKind.APOLOGY], reappointment_reason=typed)
    pdf = render_slip(
        PrintKind.APOLOGY, dossier, OFFICE, signer=SIGNER, paper=ROLL_80, tr=Translator("vi")
    )
    text = pdf_text(pdf, tmp_path)
    assert "Lý do: Chờ ý kiến. " in text and ".." not in text


@given(st.text(min_size=1).filter(lambda t: re.sub(r"[\s.…]+$", "", t).strip()))
def test_a_sentence_ends_with_one_full_stop_whatever_was_typed(typed):
    printed = sentence(typed)
    assert printed.endswith(".") and not printed.endswith("..") and not printed[:-1].endswith("…")


def test_the_motto_has_a_drawn_rule_and_no_text_underline():
    pdf = render_slip(
        PrintKind.RECEIPT, RECEIVED, OFFICE, signer=SIGNER, paper=A5, tr=Translator("vi")
    )
    # Uncompressed page: the two rules (office, motto) are the only stroked lines.
    lines = re.findall(rb"([\d.]+) [\d.]+ m ([\d.]+) [\d.]+ l S", pdf)
    assert len(lines) == 2
    lengths = sorted(float(end) - float(start) for start, end in lines)
    assert lengths[1] > 100  # the motto's: as wide as "Độc lập - Tự do - Hạnh phúc"


@pytest.mark.parametrize(
    ("kind", "dossier", "words"),
    [
        (PrintKind.SUPPLEMENT, RECEIVED, "chưa có yêu cầu bổ sung"),
        (PrintKind.REFUSAL, RECEIVED, "không bị từ chối"),
        (PrintKind.APOLOGY, RECEIVED, "chưa được hẹn lại"),
    ],
)
def test_a_form_the_dossier_does_not_call_for_is_refused_in_words(kind, dossier, words):
    with pytest.raises(InvalidInputError) as refused:
        render_slip(kind, dossier, OFFICE, signer=SIGNER, paper=A5, tr=Translator("vi"))
    assert words in refused.value.render(Translator("vi"))
    assert CODE in refused.value.render(Translator("en"))


@given(
    st.lists(
        st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạ", min_size=1, max_size=9),
        min_size=2,
        max_size=40,
    )
)
def test_thermal_lines_never_end_a_paragraph_with_one_word_when_it_can_be_helped(words):
    font = raster_font("NotoSans-Regular.ttf", 22)
    lines = font.wrap(" ".join(words), 300)
    assert " ".join(lines) == " ".join(words)
    if len(lines) > 1 and len(lines[-1].split(" ")) == 1:
        before = lines[-2].split(" ")
        moved = " ".join([before[-1], lines[-1]])
        assert len(before) <= 2 or font.width(moved) > 300


def test_pdf_paragraphs_keep_their_last_two_words_together():
    assert keep_last_words("Xin trân trọng cảm ơn.") == "Xin trân trọng cảm\u00a0ơn."
    assert keep_last_words("Một") == "Một"


def test_an_items_block_of_an_unknown_list_is_refused(tmp_path):
    (tmp_path / "bad.toml").write_text('[[block]]\nkind = "items"\nsource = "nothing"\n')
    with pytest.raises(InvalidInputError):
        load_template("bad", tmp_path)


def test_pdf_renderer_takes_a_slip_content_directly(tmp_path):
    tr = Translator("vi")
    pdf = render_pdf(
        load_template("supplement"),
        slip_content(
            DOSSIERS[PrintKind.SUPPLEMENT], OFFICE, tr, check_number=SIGNER.check_number(CODE)
        ),
        tr,
        qr_payload=SIGNER.payload(CODE),
        paper=ROLL_80,
    )
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in pdf_text(pdf, tmp_path)


# Through the database: what a reprint at the counter reads and prints.


@pytest.fixture
def recorded(database, office, clock):
    dossiers = DossierService(database.factory, station="test", clock=clock)
    with clock.at(datetime(2026, 11, 23, 9, 30)):
        code = dossiers.register(
            "HT-XNHN",
            clerk_id=1,
            citizen=CitizenDetails("Nguyễn Văn Ấn", "Ấp Phú Hòa, xã Tân Phú", "0912345678"),
        ).code
    return code


def test_forms_02_and_03_print_from_what_the_database_recorded(database, recorded, clock, tmp_path):
    slips = SlipService(database.factory, station="test", clock=clock)
    vi = Translator("vi")
    for kind in (PrintKind.SUPPLEMENT, PrintKind.REFUSAL):
        with pytest.raises(InvalidInputError):
            slips.render(kind, recorded, signer=SIGNER, paper=A5, tr=vi)
    with database.factory.begin() as session:
        dossier = session.scalars(select(Dossier).where(Dossier.code == recorded)).one()
        dossier.documents = [{"name": "Tờ khai xác nhận tình trạng hôn nhân", "form": "original"}]
        dossier.register_entry = 3
        dossier.refused_at = datetime(2026, 11, 23, 9, 45)
        dossier.refusal_reason = "Người yêu cầu không cư trú tại xã"
        session.add(
            SupplementRequest(
                dossier=dossier,
                number=1,
                issued_at=datetime(2026, 11, 23, 9, 40),
                clerk_id=1,
                missing=["Trích lục ghi chú ly hôn"],
                reason="Thiếu giấy tờ chứng minh đã ly hôn.",
            )
        )
    supplement = slips.render(PrintKind.SUPPLEMENT, recorded, signer=SIGNER, paper=A5, tr=vi)
    text = pdf_text(supplement, tmp_path)
    assert f"Số: {recorded}/BS1" in text
    assert "(1) Trích lục ghi chú ly hôn" in text
    assert "4. Lý do: Thiếu giấy tờ chứng minh đã ly hôn." in text
    assert [SIGNER.verify(p) for p in scanned(supplement, tmp_path)] == [recorded]
    refusal = slips.render(PrintKind.REFUSAL, recorded, signer=SIGNER, paper=ROLL_80, tr=vi)
    assert "3. Lý do: Người yêu cầu không cư trú tại xã." in pdf_text(refusal, tmp_path)
    receipt = slips.render(PrintKind.RECEIPT, recorded, signer=SIGNER, paper=A5, tr=vi)
    text = pdf_text(receipt, tmp_path)
    assert "(1) Tờ khai xác nhận tình trạng hôn nhân — bản chính: 01" in text
    assert "Vào sổ theo dõi hồ sơ: quyển số 2026, số thứ tự 03" in text
