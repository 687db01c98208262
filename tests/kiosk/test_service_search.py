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
