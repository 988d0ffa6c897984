# ruff: noqa: E501  (prose tables: splitting sentences further hurts reading)
"""Legal documents: number, type, issuing body, signer, dates, field, abstract.

Dates are (year, month, day); None where the document has no such date.
"""

UBND = ("Ủy ban nhân dân tỉnh Long An", "Long An Provincial People's Committee")
HDND = ("Hội đồng nhân dân tỉnh Long An", "Long An Provincial People's Council")
SO_TC = ("Sở Tài chính", "Department of Finance")
SO_CT = ("Sở Công Thương", "Department of Industry and Trade")
BQL = ("Ban Quản lý các Khu kinh tế", "Economic Zones Authority")

# (site, number, type, issuing body, signer, signed, effective, expiry, topic, status,
#  title (vi, en), abstract (vi, en))
LEGAL_DOCUMENTS = [
    (
        "portal",
        "2513/KH-UBND",
        "plan",
        UBND,
        "Lê Thị Thanh Hương",
        (2026, 9, 18),
        (2026, 9, 18),
        None,
        "dau-tu",
        "in_effect",
        ("Kế hoạch xúc tiến đầu tư năm 2027", "Investment promotion plan for 2027"),
        (
            "Kế hoạch xác định các thị trường trọng điểm, danh mục dự án kêu gọi đầu tư và phân "
            "công các sở, ngành tổ chức hoạt động xúc tiến đầu tư năm 2027.",
            "The plan sets the priority markets, the list of projects calling for investment and "
            "each department's role in investment promotion in 2027.",
        ),
    ),
    (
        "portal",
        "48/2026/QĐ-UBND",
        "decision",
        UBND,
        "Trần Quốc Hưng",
        (2026, 8, 5),
        (2026, 8, 20),
        None,
        "xay-dung",
        "in_effect",
        (
            "Quyết định ban hành quy định phân cấp quản lý quy hoạch xây dựng trên địa bàn tỉnh",
            "Decision on delegating construction planning management in the province",
        ),
        (
            "Quy định phân cấp cho Ủy ban nhân dân cấp xã thẩm định, phê duyệt quy hoạch chi tiết "
            "xây dựng theo mô hình chính quyền địa phương hai cấp.",
            "The regulation lets commune People's Committees appraise and approve detailed "
            "construction plans under the two-tier local government model.",
        ),
    ),
    (
        "portal",
        "12/2026/NQ-HĐND",
        "resolution",
        HDND,
        "Nguyễn Văn Thành",
        (2026, 7, 10),
        (2026, 7, 20),
        None,
        "ngan-sach",
        "in_effect",
        (
            "Nghị quyết quy định mức hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số",
            "Resolution on support for small and medium enterprises going digital",
        ),
        (
            "Nghị quyết quy định mức hỗ trợ tối đa 50 phần trăm chi phí thuê giải pháp chuyển đổi "
            "số cho doanh nghiệp nhỏ và vừa trong ba năm đầu.",
            "The resolution covers up to 50 per cent of the cost of digital solutions for small "
            "and medium enterprises in their first three years.",
        ),
    ),
    (
        "portal",
        "05/CT-UBND",
        "directive",
        UBND,
        "Trần Quốc Hưng",
        (2026, 3, 2),
        (2026, 3, 2),
        None,
        "ngan-sach",
        "in_effect",
        (
            "Chỉ thị về đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2026",
            "Directive on speeding up public investment disbursement in 2026",
        ),
        (
            "Chỉ thị yêu cầu các chủ đầu tư lập kế hoạch giải ngân theo tháng và báo cáo định kỳ "
            "về Sở Tài chính.",
            "The directive requires project owners to plan disbursement month by month and "
            "report regularly to the Department of Finance.",
        ),
    ),
    (
        "portal",
        "1867/QĐ-UBND",
        "decision",
        UBND,
        "Lê Thị Thanh Hương",
        (2022, 3, 14),
        (2022, 3, 14),
        (2025, 6, 30),
        "doanh-nghiep",
        "expired",
        (
            "Quyết định công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của Ủy "
            "ban nhân dân cấp huyện",
            "Decision publishing the administrative procedures handled by district People's "
            "Committees",
        ),
        (
            "Hết hiệu lực khi chính quyền cấp huyện kết thúc hoạt động từ ngày 1 tháng 7 năm 2025.",
            "Expired when district-level government ended on 1 July 2025.",
        ),
    ),
    (
        "so-tc",
        "3120/STC-ĐT",
        "official_letter",
        SO_TC,
        "Võ Thanh Tùng",
        (2026, 10, 6),
        None,
        None,
        "dau-tu",
        "in_effect",
        (
            "Công văn hướng dẫn báo cáo tình hình thực hiện dự án đầu tư quý IV năm 2026",
            "Guidance on reporting investment project progress for Q4 2026",
        ),
        (
            "Hướng dẫn nhà đầu tư báo cáo trực tuyến trên Hệ thống thông tin quốc gia về đầu tư "
            "trước ngày 10 tháng 1 năm 2027.",
            "Investors are to report online in the National Investment Information System "
            "before 10 January 2027.",
        ),
    ),
    (
        "so-tc",
        "215/TB-STC",
        "notice",
        SO_TC,
        "Nguyễn Thị Mỹ Linh",
        (2026, 11, 2),
        (2026, 11, 2),
        None,
        "ngan-sach",
        "in_effect",
        (
            "Thông báo giá một số mặt hàng vật liệu xây dựng tháng 10 năm 2026",
            "Notice of building material prices for October 2026",
        ),
        (
            "Công bố giá cát, đá, xi măng, thép làm cơ sở lập dự toán công trình sử dụng vốn nhà "
            "nước.",
            "Publishes prices of sand, stone, cement and steel for estimating publicly funded "
            "works.",
        ),
    ),
    (
        "so-ct",
        "27/KH-SCT",
        "plan",
        SO_CT,
        "Huỳnh Văn Phúc",
        (2026, 2, 20),
        (2026, 2, 20),
        None,
        "thuong-mai",
        "partly_expired",
        (
            "Kế hoạch phát triển thương mại điện tử năm 2026",
            "E-commerce development plan for 2026",
        ),
        (
            "Kế hoạch hỗ trợ doanh nghiệp, hợp tác xã đưa sản phẩm lên sàn thương mại điện tử và "
            "tập huấn kỹ năng bán hàng trực tuyến.",
            "The plan helps businesses and cooperatives sell on e-commerce platforms and trains "
            "them in online selling.",
        ),
    ),
    (
        "so-ct",
        "1402/SCT-QLĐ",
        "official_letter",
        SO_CT,
        "Trương Thị Kim Oanh",
        (2026, 11, 10),
        None,
        None,
        "dien-nang-luong",
        "in_effect",
        (
            "Công văn về bảo đảm an toàn hành lang lưới điện cao áp mùa khô",
            "On the safety of high-voltage line corridors in the dry season",
        ),
        (
            "Đề nghị các xã, phường tuyên truyền người dân không đốt đồng, thả diều gần đường dây "
            "điện cao áp.",
            "Asks communes and wards to warn residents against burning fields or flying kites "
            "near high-voltage lines.",
        ),
    ),
    (
        "bql-kkt",
        "86/QĐ-BQLKKT",
        "decision",
        BQL,
        "Lý Hoàng Nam",
        (2026, 11, 16),
        (2027, 1, 1),
        None,
        "lao-dong",
        "pending",
        (
            "Quyết định ban hành quy chế tiếp nhận và xử lý hồ sơ cấp giấy phép lao động qua mạng",
            "Decision on receiving and processing work permit applications online",
        ),
        (
            "Quy chế áp dụng đối với doanh nghiệp trong khu công nghiệp đề nghị cấp, cấp lại, gia "
            "hạn giấy phép lao động cho người nước ngoài.",
            "Applies to companies in industrial parks applying for, renewing or extending work "
            "permits for foreign employees.",
        ),
    ),
]
