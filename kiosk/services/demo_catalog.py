"""A realistic commune office for the demo: its procedures, clerks and citizens' comments."""

from __future__ import annotations

OFFICE = {
    "code": "000.00.30.H12",
    "name": "Trung tâm Phục vụ hành chính công xã Tân Phú",
    "address": "Số 1 đường Trần Hưng Đạo, xã Tân Phú, tỉnh Đồng Nai",
}
FORM_SETTINGS = {
    "authority": "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ",
    "place_name": "Tân Phú",
    "signatory_title": "GIÁM ĐỐC",
    "signatory_name": "Nguyễn Văn Hùng",
    "hotline": "0251 3861 000",  # made up, like every name and number of the demo
}

CIVIL_STATUS = "Hộ tịch"
CERTIFICATION = "Chứng thực"
RESIDENCE = "Cư trú"
LAND = "Đất đai"
CONSTRUCTION = "Xây dựng"
SOCIAL = "Bảo trợ xã hội"

# (code, Vietnamese name, English name, field, working days)
SERVICES = [
    ("HT-KS", "Đăng ký khai sinh", "Birth registration", CIVIL_STATUS, 0),
    ("HT-KH", "Đăng ký kết hôn", "Marriage registration", CIVIL_STATUS, 0),
    ("HT-KT", "Đăng ký khai tử", "Death registration", CIVIL_STATUS, 0),
    ("HT-TL", "Cấp bản sao trích lục hộ tịch", "Extract of a civil-status record", CIVIL_STATUS, 0),
    ("HT-XNHN", "Xác nhận tình trạng hôn nhân", "Confirmation of marital status", CIVIL_STATUS, 3),
    (
        "HT-TDCC",
        "Thay đổi, cải chính, bổ sung thông tin hộ tịch",
        "Change or correction of civil-status details",
        CIVIL_STATUS,
        3,
    ),
    ("HT-GH", "Đăng ký giám hộ", "Guardianship registration", CIVIL_STATUS, 3),
    ("HT-CDGH", "Đăng ký chấm dứt giám hộ", "End of guardianship", CIVIL_STATUS, 2),
    ("HT-NCMC", "Đăng ký nhận cha, mẹ, con", "Recognition of parent and child", CIVIL_STATUS, 3),
    ("HT-KSL", "Đăng ký lại khai sinh", "Late re-registration of birth", CIVIL_STATUS, 5),
    ("HT-KHL", "Đăng ký lại kết hôn", "Re-registration of marriage", CIVIL_STATUS, 5),
    ("HT-KTL", "Đăng ký lại khai tử", "Re-registration of death", CIVIL_STATUS, 5),
    (
        "CT-BS",
        "Chứng thực bản sao từ bản chính",
        "Certified copy from an original",
        CERTIFICATION,
        0,
    ),
    ("CT-CK", "Chứng thực chữ ký", "Signature certification", CERTIFICATION, 0),
    (
        "CT-BD",
        "Chứng thực chữ ký người dịch",
        "Certification of a translator's signature",
        CERTIFICATION,
        0,
    ),
    (
        "CT-HD",
        "Chứng thực hợp đồng, giao dịch",
        "Certification of contracts and transactions",
        CERTIFICATION,
        2,
    ),
    (
        "CT-DS",
        "Chứng thực văn bản thỏa thuận phân chia di sản",
        "Certification of an estate division agreement",
        CERTIFICATION,
        2,
    ),
    (
        "CT-SDHD",
        "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng",
        "Certification of amending or cancelling a contract",
        CERTIFICATION,
        2,
    ),
    ("CT-TT", "Đăng ký thường trú", "Permanent residence registration", RESIDENCE, 7),
    ("CT-TAMTRU", "Đăng ký tạm trú", "Temporary residence registration", RESIDENCE, 3),
    ("DD-BD", "Đăng ký biến động quyền sử dụng đất", "Registration of land-use changes", LAND, 10),
    (
        "DD-GCN",
        "Cấp Giấy chứng nhận quyền sử dụng đất lần đầu",
        "First land-use right certificate",
        LAND,
        30,
    ),
    (
        "XD-GP",
        "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        "Building permit for a detached house",
        CONSTRUCTION,
        15,
    ),
    ("BT-TCXH", "Trợ cấp xã hội hằng tháng", "Monthly social allowance", SOCIAL, 7),
    ("BT-MT", "Hỗ trợ chi phí mai táng", "Funeral expense support", SOCIAL, 3),
]

# (display name, counter, is manager, demo PIN)
CLERKS = [
    ("Nguyễn Thị Hương", 1, False, "1111"),
    ("Trần Văn Đức", 2, False, "2222"),
    ("Lê Thị Ngọc Ánh", 3, False, "3333"),
    ("Phạm Quốc Bảo", 4, False, "4444"),
    ("Võ Minh Tuấn", 0, True, "9999"),
]

CITIZEN_NAMES = [
    "Nguyễn Văn An",
    "Trần Thị Bích",
    "Lê Văn Cường",
    "Phạm Thị Dung",
    "Hoàng Văn Em",
    "Huỳnh Thị Giang",
    "Phan Văn Hải",
    "Vũ Thị Hạnh",
    "Võ Văn Khánh",
    "Đặng Thị Lan",
    "Bùi Văn Minh",
    "Đỗ Thị Nga",
    "Hồ Văn Phúc",
    "Ngô Thị Quỳnh",
    "Dương Văn Sơn",
    "Lý Thị Thảo",
    "Đinh Văn Thắng",
    "Trịnh Thị Uyên",
    "Mai Văn Việt",
    "Tạ Thị Xuân",
]

STREETS = ["ấp 1", "ấp 2", "ấp Bình Minh", "ấp Tân Lập", "khu phố 3", "tổ 5 ấp Phú Hòa"]

HAPPY_COMMENTS = [
    "Cán bộ hướng dẫn tận tình, chu đáo.",
    "Thủ tục nhanh gọn, cảm ơn bộ phận một cửa.",
    "Trả kết quả sớm hơn hẹn, rất hài lòng.",
    "Nhân viên lịch sự, giải thích dễ hiểu.",
]

UNHAPPY_COMMENTS = [
    "Phải đi lại nhiều lần mới bổ sung đủ giấy tờ.",
    "Chờ đợi quá lâu, nên có thêm quầy vào buổi sáng.",
    "Trễ hẹn mà không được báo trước.",
    "Hướng dẫn chưa rõ ràng về giấy tờ cần mang theo.",
]

# Bodies that exist since 1 July 2025: the province's departments and the commune (no district).
REAPPOINTMENT_REASONS = [
    "Cần xác minh thêm thông tin với cơ quan liên quan.",
    "Hồ sơ phải lấy ý kiến của Sở Tư pháp tỉnh.",
    "Người ký duyệt đi công tác đột xuất.",
]
