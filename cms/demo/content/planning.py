# ruff: noqa: E501  (prose tables: splitting sentences further hurts reading)
"""Planning documents: every plan type and status, 2021–2030 with a vision to 2050."""

UBND = ("Ủy ban nhân dân tỉnh Long An", "Long An Provincial People's Committee")
THU_TUONG = ("Thủ tướng Chính phủ", "The Prime Minister")
BQL = ("Ban Quản lý các Khu kinh tế", "Economic Zones Authority")

# (site, plan type, status, title (vi, en), decision number, decision date, authority,
#  period start, period end, vision year, area code, summary (vi, en), body paragraphs)
PLANNING_DOCUMENTS = [
    (
        "portal",
        "socio_economic",
        "approved",
        (
            "Quy hoạch tỉnh Long An thời kỳ 2021–2030, tầm nhìn đến năm 2050",
            "Long An Provincial Master Plan for 2021–2030, vision to 2050",
        ),
        "686/QĐ-TTg",
        (2023, 6, 13),
        THU_TUONG,
        2021,
        2030,
        2050,
        "80",
        (
            "Định hướng phát triển không gian kinh tế – xã hội, hệ thống đô thị, hạ tầng và các "
            "vùng động lực của tỉnh.",
            "Sets out the province's economic and social space, urban system, infrastructure and "
            "growth areas.",
        ),
        [
            (
                "Quy hoạch xác định ba hành lang kinh tế và bốn vùng phát triển, ưu tiên công nghiệp "
                "chế biến, logistics và nông nghiệp công nghệ cao.",
                "The plan defines three economic corridors and four development areas, favouring "
                "processing industry, logistics and hi-tech farming.",
            ),
        ],
    ),
    (
        "portal",
        "socio_economic",
        "adjusted",
        (
            "Điều chỉnh Quy hoạch tỉnh theo mô hình chính quyền địa phương hai cấp",
            "Adjusting the Provincial Master Plan for two-tier local government",
        ),
        "2105/QĐ-UBND",
        (2026, 4, 22),
        UBND,
        2021,
        2030,
        2050,
        "80",
        (
            "Cập nhật ranh giới hành chính các xã, phường sau sắp xếp và điều chỉnh chỉ tiêu đất "
            "đai tương ứng.",
            "Updates commune and ward boundaries after the reorganisation and adjusts land "
            "targets accordingly.",
        ),
        [
            (
                "Nội dung điều chỉnh không làm thay đổi mục tiêu tổng quát của quy hoạch đã được "
                "phê duyệt.",
                "The adjustment does not change the overall goals of the approved plan.",
            ),
        ],
    ),
    (
        "so-ct",
        "sector",
        "approved",
        (
            "Phương án phát triển mạng lưới chợ, siêu thị, trung tâm thương mại",
            "Plan for the network of markets, supermarkets and shopping centres",
        ),
        "1330/QĐ-UBND",
        (2024, 5, 8),
        UBND,
        2021,
        2030,
        2050,
        "80",
        (
            "Bố trí hệ thống chợ truyền thống, siêu thị và trung tâm thương mại theo dân số và "
            "trục giao thông.",
            "Places traditional markets, supermarkets and shopping centres by population and "
            "transport corridors.",
        ),
        [
            (
                "Đến năm 2030, mỗi xã có ít nhất một chợ đạt chuẩn và các phường trung tâm có siêu "
                "thị hạng II trở lên.",
                "By 2030 every commune will have at least one standard market and central wards "
                "a supermarket of class II or above.",
            ),
        ],
    ),
    (
        "so-ct",
        "sector",
        "consultation",
        (
            "Dự thảo phương án phát triển hạ tầng trạm sạc xe điện",
            "Draft plan for electric vehicle charging infrastructure",
        ),
        "",
        None,
        UBND,
        2026,
        2030,
        2050,
        "80",
        (
            "Lấy ý kiến người dân, doanh nghiệp về vị trí và quy mô trạm sạc trên các tuyến quốc "
            "lộ, đường tỉnh.",
            "Public consultation on the location and size of charging stations along national "
            "and provincial roads.",
        ),
        [
            (
                "Góp ý gửi về Sở Công Thương bằng thư điện tử trước thời hạn lấy ý kiến.",
                "Send comments to the Department of Industry and Trade by email before the "
                "deadline.",
            ),
        ],
    ),
    (
        "so-tc",
        "land_use",
        "approved",
        (
            "Kế hoạch sử dụng đất năm 2026 xã Đức Hòa",
            "2026 land-use plan of Duc Hoa Commune",
        ),
        "3321/QĐ-UBND",
        (2025, 12, 26),
        UBND,
        2026,
        2026,
        None,
        "28012",
        (
            "Xác định diện tích đất thu hồi, chuyển mục đích sử dụng cho các dự án công nghiệp "
            "và hạ tầng năm 2026.",
            "Sets the land to be recovered or converted for industrial and infrastructure "
            "projects in 2026.",
        ),
        [
            (
                "Tổng diện tích đất dự kiến chuyển mục đích là 412 ha, chủ yếu cho khu công nghiệp "
                "và đường giao thông.",
                "About 412 ha is to change use, mainly for industrial parks and roads.",
            ),
        ],
    ),
    (
        "so-tc",
        "land_use",
        "expired",
        (
            "Quy hoạch sử dụng đất huyện Bến Lức thời kỳ 2011–2020",
            "Ben Luc District land-use plan 2011–2020",
        ),
        "1127/QĐ-UBND",
        (2013, 4, 12),
        UBND,
        2011,
        2020,
        None,
        "H-BL",
        (
            "Quy hoạch của huyện Bến Lức cũ, đã hết thời kỳ và được thay thế bởi quy hoạch tỉnh.",
            "The former Ben Luc District's plan, now expired and replaced by the provincial plan.",
        ),
        [
            (
                "Tài liệu được lưu để tra cứu đối với các hồ sơ đất đai phát sinh trước năm 2021.",
                "Kept for reference on land files dating from before 2021.",
            ),
        ],
    ),
    (
        "bql-kkt",
        "construction",
        "approved",
        (
            "Quy hoạch phân khu xây dựng tỷ lệ 1/2000 Khu công nghiệp Phúc Long mở rộng",
            "1:2000 zoning plan for the Phuc Long Industrial Park extension",
        ),
        "905/QĐ-UBND",
        (2025, 9, 30),
        UBND,
        2025,
        2030,
        2050,
        "28102",
        (
            "Phân khu chức năng gồm đất nhà máy, kho tàng, hạ tầng kỹ thuật và cây xanh trên "
            "diện tích 286 ha.",
            "Zones 286 ha for factories, warehouses, utilities and green space.",
        ),
        [
            (
                "Tỷ lệ đất cây xanh tối thiểu 10 phần trăm, mật độ xây dựng nhà máy tối đa 70 phần "
                "trăm.",
                "At least 10 per cent green space; factories may cover at most 70 per cent of "
                "their plots.",
            ),
        ],
    ),
    (
        "bql-kkt",
        "construction",
        "consultation",
        (
            "Dự thảo quy hoạch chi tiết Khu nhà ở công nhân Tân Đức",
            "Draft detailed plan for the Tan Duc workers' housing area",
        ),
        "",
        None,
        UBND,
        2026,
        2030,
        2050,
        "28012",
        (
            "Lấy ý kiến về bố cục khu nhà ở xã hội, trường mẫu giáo và trạm y tế phục vụ công "
            "nhân.",
            "Consultation on the layout of social housing, a kindergarten and a clinic for "
            "workers.",
        ),
        [
            (
                "Khu nhà ở dự kiến đáp ứng chỗ ở cho khoảng 12.000 công nhân.",
                "The area is planned to house about 12,000 workers.",
            ),
        ],
    ),
    (
        "bql-kkt",
        "construction",
        "adjusted",
        (
            "Điều chỉnh cục bộ quy hoạch chi tiết Khu công nghiệp Thuận Đạo",
            "Local adjustment of the Thuan Dao Industrial Park detailed plan",
        ),
        "77/QĐ-BQLKKT",
        (2026, 6, 3),
        BQL,
        2021,
        2030,
        None,
        "28102",
        (
            "Chuyển 12 ha đất kho tàng sang đất nhà máy và bổ sung một trạm biến áp 110 kV.",
            "Turns 12 ha of warehouse land into factory land and adds a 110 kV substation.",
        ),
        [
            (
                "Điều chỉnh không làm tăng tổng diện tích và ranh giới khu công nghiệp.",
                "The adjustment does not change the park's total area or boundary.",
            ),
        ],
    ),
    (
        "portal",
        "sector",
        "approved",
        (
            "Phương án phát triển mạng lưới giao thông tỉnh",
            "Provincial transport network plan",
        ),
        "686/QĐ-TTg",
        (2023, 6, 13),
        THU_TUONG,
        2021,
        2030,
        2050,
        "80",
        (
            "Hệ thống đường cao tốc, đường vành đai, đường tỉnh và cảng thủy nội địa kết nối với "
            "vùng Thành phố Hồ Chí Minh.",
            "Expressways, ring roads, provincial roads and inland ports linking with the Ho Chi "
            "Minh City region.",
        ),
        [
            (
                "Ưu tiên hoàn thành đường Vành đai 3, Vành đai 4 và nâng cấp đường tỉnh 830, 824.",
                "Priorities: finish Ring Roads 3 and 4 and upgrade Provincial Roads 830 and 824.",
            ),
        ],
    ),
]
