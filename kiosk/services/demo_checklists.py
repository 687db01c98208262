"""The demo office's checklists of papers (thành phần hồ sơ), Form 02 and Form 03 wordings."""

from __future__ import annotations

ORIGINAL, COPY = "original", "copy"

# service code -> [(paper, original or copy, how many)]
CHECKLISTS = {
    "HT-KS": [("Tờ khai đăng ký khai sinh", ORIGINAL, 1), ("Giấy chứng sinh", ORIGINAL, 1)],
    "HT-KH": [
        ("Tờ khai đăng ký kết hôn", ORIGINAL, 1),
        ("Giấy xác nhận tình trạng hôn nhân (nếu đăng ký ở nơi khác)", ORIGINAL, 1),
    ],
    "HT-KT": [("Tờ khai đăng ký khai tử", ORIGINAL, 1), ("Giấy báo tử", ORIGINAL, 1)],
    "HT-XNHN": [("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", ORIGINAL, 1)],
    "HT-TDCC": [
        ("Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", ORIGINAL, 1),
        ("Giấy tờ làm căn cứ thay đổi, cải chính", COPY, 1),
    ],
    "CT-TAMTRU": [("Tờ khai thay đổi thông tin cư trú", ORIGINAL, 1)],
    "CT-TT": [
        ("Tờ khai thay đổi thông tin cư trú", ORIGINAL, 1),
        ("Giấy tờ chứng minh chỗ ở hợp pháp", COPY, 1),
    ],
    "BT-TCXH": [
        ("Tờ khai đề nghị trợ giúp xã hội", ORIGINAL, 1),
        ("Giấy xác nhận khuyết tật", COPY, 1),
    ],
    "DD-BD": [
        ("Đơn đăng ký biến động đất đai", ORIGINAL, 1),
        ("Giấy chứng nhận quyền sử dụng đất", ORIGINAL, 1),
        ("Hợp đồng chuyển nhượng đã công chứng", ORIGINAL, 1),
    ],
}

MISSING_PAPERS = [
    ["Bản sao Giấy chứng nhận quyền sử dụng đất có chứng thực"],
    ["Giấy xác nhận khuyết tật còn hiệu lực", "Ảnh 4x6 chụp trong 6 tháng gần nhất"],
    ["Giấy tờ chứng minh chỗ ở hợp pháp (hợp đồng thuê nhà có xác nhận)"],
]
SUPPLEMENT_REASONS = [
    "Hồ sơ chưa đủ thành phần theo quy định của thủ tục.",
    "Giấy tờ nộp kèm đã hết hiệu lực.",
]
REFUSAL_REASONS = [
    "Thủ tục thuộc thẩm quyền giải quyết của Sở Nông nghiệp và Môi trường.",
    "Người nộp không phải là người có quyền yêu cầu theo quy định.",
]
