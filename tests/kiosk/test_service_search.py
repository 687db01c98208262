from kiosk.service_search import fold, search_services
from kiosk.views import ServiceView

SERVICES = [
    ServiceView("HT-KS", "Đăng ký khai sinh", "Birth registration", "Hộ tịch", 0, True),
    ServiceView("HT-KH", "Đăng ký kết hôn", "Marriage registration", "Hộ tịch", 0, True),
    ServiceView(
        "CT-BS", "Chứng thực bản sao từ bản chính", "Certified copy", "Chứng thực", 0, True
    ),
]


def test_accents_and_case_do_not_matter():
    assert fold("ĐĂNG KÝ Kết Hôn") == "dang ky ket hon"
    found = search_services(SERVICES, "dang ky ket hon", "vi")
    assert [(field, [s.code for s in group]) for field, group in found] == [("Hộ tịch", ["HT-KH"])]


def test_every_word_must_match_and_results_are_grouped_by_field():
    assert search_services(SERVICES, "khai hôn", "vi") == []
    everything = search_services(SERVICES, "", "vi")
    assert [field for field, _ in everything] == ["Chứng thực", "Hộ tịch"]
    assert [s.code for s in everything[1][1]] == ["HT-KH", "HT-KS"]  # kết before khai


def test_english_names_are_searched_too():
    found = search_services(SERVICES, "copy", "en")
    assert found[0][1][0].code == "CT-BS"


MORE = [
    *SERVICES,
    ServiceView("HT-XNHN", "Xác nhận tình trạng hôn nhân", "Marital status", "Hộ tịch", 3, True),
    ServiceView("CT-TAMTRU", "Đăng ký tạm trú", "Temporary residence", "Cư trú", 3, True),
]


def test_the_clerks_suggestions_come_best_first_from_the_same_search():
    from kiosk.service_search import matching_services

    assert [s.code for s in matching_services(MORE, "ket hon", "vi")] == ["HT-KH"]
    assert [s.code for s in matching_services(MORE, "KẾT HÔN", "vi")] == ["HT-KH"]
    # "hôn" starts a word of both names; "hon" typed without accents finds both too.
    assert [s.code for s in matching_services(MORE, "hon", "vi")] == ["HT-KH", "HT-XNHN"]
    # The code typed in full comes first, whatever the names.
    assert matching_services(MORE, "ct-tamtru", "vi")[0].code == "CT-TAMTRU"
    assert matching_services(MORE, "tam tru", "en")[0].code == "CT-TAMTRU"


def test_a_typed_text_names_one_service_or_none():
    from kiosk.service_search import service_for_text, service_label

    kh = MORE[1]
    assert service_label(kh, "vi") == "Đăng ký kết hôn — HT-KH"
    assert service_label(kh, "en") == "Marriage registration — HT-KH"
    assert service_for_text(MORE, "ht-kh", "vi") == kh
    assert service_for_text(MORE, "Đăng ký kết hôn — HT-KH", "vi") == kh
    assert service_for_text(MORE, "ket hon", "vi") == kh  # the only match
    assert service_for_text(MORE, "dang ky", "vi") is None  # several
    assert service_for_text(MORE, "xyz", "vi") is None
    assert service_for_text(MORE, "  ", "vi") is None
