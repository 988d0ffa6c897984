# ruff: noqa: E501  (prose tables: splitting sentences further hurts reading)
"""Shared translatable snippets: news categories, fields, sectors, administrative units.

Each entry: (slug or code, Vietnamese name, English name[, level]).
"""

NEWS_CATEGORIES = [
    ("kinh-te", "Kinh tế", "Economy", "economy"),
    ("dau-tu", "Đầu tư", "Investment", "investment"),
    ("cong-nghiep", "Công nghiệp", "Industry", "industry"),
    ("thuong-mai", "Thương mại", "Trade", "trade"),
    ("chinh-quyen", "Chỉ đạo, điều hành", "Government", "government"),
    ("cai-cach-hanh-chinh", "Cải cách hành chính", "Administrative reform", "admin-reform"),
    ("chuyen-doi-so", "Chuyển đổi số", "Digital transformation", "digital"),
    ("xa-hoi", "Văn hóa, xã hội", "Society and culture", "society"),
]

TOPICS = [
    ("dau-tu", "Đầu tư", "Investment", "investment"),
    ("doanh-nghiep", "Thành lập và hoạt động doanh nghiệp", "Enterprises", "enterprises"),
    ("ngan-sach", "Tài chính, ngân sách", "Finance and budget", "finance"),
    ("cong-nghiep", "Công nghiệp", "Industry", "industry"),
    ("thuong-mai", "Thương mại", "Trade", "trade"),
    ("dien-nang-luong", "Điện, năng lượng", "Electricity and energy", "energy"),
    ("xay-dung", "Xây dựng, quy hoạch", "Construction and planning", "construction"),
    ("lao-dong", "Lao động", "Labour", "labour"),
    ("moi-truong", "Môi trường", "Environment", "environment"),
]

SECTORS = [
    ("che-bien", "Công nghiệp chế biến, chế tạo", "Processing and manufacturing", "manufacturing"),
    ("logistics", "Logistics, cảng, kho bãi", "Logistics, ports and warehousing", "logistics"),
    (
        "ha-tang-kcn",
        "Hạ tầng khu, cụm công nghiệp",
        "Industrial park infrastructure",
        "industrial-parks",
    ),
    ("nang-luong", "Năng lượng tái tạo", "Renewable energy", "renewable-energy"),
    ("nong-nghiep", "Nông nghiệp công nghệ cao", "Hi-tech agriculture", "hi-tech-agriculture"),
    (
        "do-thi",
        "Đô thị, thương mại, dịch vụ",
        "Urban development, trade and services",
        "urban-services",
    ),
    ("du-lich", "Du lịch sinh thái", "Eco-tourism", "eco-tourism"),
    ("xa-hoi-hoa", "Y tế, giáo dục", "Health and education", "health-education"),
]

PROVINCE = "province"
COMMUNE = "commune"
WARD = "ward"
SPECIAL_ZONE = "special_zone"
FORMER_DISTRICT = "former_district"

# Codes are invented, five digits like the national list.
ADMINISTRATIVE_UNITS = [
    ("80", "Tỉnh Long An", "Long An Province", PROVINCE),
    ("27694", "Phường Tân An", "Tan An Ward", WARD),
    ("27712", "Phường Khánh Hậu", "Khanh Hau Ward", WARD),
    ("27787", "Phường Kiến Tường", "Kien Tuong Ward", WARD),
    ("28012", "Xã Đức Hòa", "Duc Hoa Commune", COMMUNE),
    ("28048", "Xã Hựu Thạnh", "Huu Thanh Commune", COMMUNE),
    ("28102", "Xã Bến Lức", "Ben Luc Commune", COMMUNE),
    ("28177", "Xã Cần Giuộc", "Can Giuoc Commune", COMMUNE),
    ("28234", "Xã Phước Vĩnh Tây", "Phuoc Vinh Tay Commune", COMMUNE),
    ("28301", "Xã Cần Đước", "Can Duoc Commune", COMMUNE),
    ("28355", "Xã Tân Trụ", "Tan Tru Commune", COMMUNE),
    ("28402", "Xã Thủ Thừa", "Thu Thua Commune", COMMUNE),
    ("28455", "Xã Thạnh Hóa", "Thanh Hoa Commune", COMMUNE),
    ("26734", "Đặc khu Côn Đảo", "Con Dao Special Zone", SPECIAL_ZONE),
    ("H-DH", "Huyện Đức Hòa (cũ)", "Duc Hoa District (former)", FORMER_DISTRICT),
    ("H-BL", "Huyện Bến Lức (cũ)", "Ben Luc District (former)", FORMER_DISTRICT),
    ("H-CG", "Huyện Cần Giuộc (cũ)", "Can Giuoc District (former)", FORMER_DISTRICT),
    ("H-CD", "Huyện Cần Đước (cũ)", "Can Duoc District (former)", FORMER_DISTRICT),
]
