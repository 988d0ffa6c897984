# ruff: noqa: E501  (prose tables: splitting sentences further hurts reading)
"""Administrative procedures: 20 entries built from a table plus shared steps."""

# (site, code, name (vi, en), topic, processing time (vi, en), fees (vi, en),
#  result (vi, en), online level, dossier items [(vi, en)])
PROCEDURES = [
    (
        "so-tc",
        "2.001610",
        ("Đăng ký thành lập doanh nghiệp tư nhân", "Registering a sole proprietorship"),
        "doanh-nghiep",
        ("03 ngày làm việc", "3 working days"),
        ("50.000 đồng", "VND 50,000"),
        ("Giấy chứng nhận đăng ký doanh nghiệp", "Business registration certificate"),
        "full",
        [
            ("Giấy đề nghị đăng ký doanh nghiệp", "Business registration application form"),
            ("Bản sao giấy tờ pháp lý của chủ doanh nghiệp", "Copy of the owner's identity papers"),
        ],
    ),
    (
        "so-tc",
        "2.001199",
        (
            "Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên",
            "Registering a multi-member limited liability company",
        ),
        "doanh-nghiep",
        ("03 ngày làm việc", "3 working days"),
        ("50.000 đồng", "VND 50,000"),
        ("Giấy chứng nhận đăng ký doanh nghiệp", "Business registration certificate"),
        "full",
        [
            ("Giấy đề nghị đăng ký doanh nghiệp", "Business registration application form"),
            ("Điều lệ công ty", "Company charter"),
            ("Danh sách thành viên", "List of members"),
        ],
    ),
    (
        "so-tc",
        "2.002042",
        (
            "Đăng ký thay đổi nội dung đăng ký doanh nghiệp",
            "Changing business registration details",
        ),
        "doanh-nghiep",
        ("03 ngày làm việc", "3 working days"),
        ("50.000 đồng", "VND 50,000"),
        ("Giấy chứng nhận đăng ký doanh nghiệp mới", "Updated business registration certificate"),
        "full",
        [
            ("Thông báo thay đổi nội dung đăng ký doanh nghiệp", "Notice of changes"),
            (
                "Nghị quyết của chủ sở hữu hoặc hội đồng thành viên",
                "Resolution of the owner or members' council",
            ),
        ],
    ),
    (
        "so-tc",
        "1.009645",
        (
            "Cấp giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương",
            "Investment registration certificate for projects without in-principle approval",
        ),
        "dau-tu",
        ("15 ngày", "15 days"),
        ("Không", "None"),
        ("Giấy chứng nhận đăng ký đầu tư", "Investment registration certificate"),
        "partial",
        [
            ("Văn bản đề nghị thực hiện dự án đầu tư", "Application to carry out the project"),
            ("Đề xuất dự án đầu tư", "Project proposal"),
            ("Tài liệu chứng minh năng lực tài chính", "Proof of financial capacity"),
        ],
    ),
    (
        "so-tc",
        "1.009644",
        (
            "Chấp thuận chủ trương đầu tư của Ủy ban nhân dân tỉnh",
            "In-principle investment approval by the Provincial People's Committee",
        ),
        "dau-tu",
        ("35 ngày", "35 days"),
        ("Không", "None"),
        ("Quyết định chấp thuận chủ trương đầu tư", "In-principle approval decision"),
        "partial",
        [
            ("Văn bản đề nghị thực hiện dự án đầu tư", "Application to carry out the project"),
            ("Đề xuất dự án đầu tư", "Project proposal"),
            ("Đề xuất nhu cầu sử dụng đất", "Land use proposal"),
        ],
    ),
    (
        "so-tc",
        "1.009650",
        (
            "Điều chỉnh giấy chứng nhận đăng ký đầu tư",
            "Amending an investment registration certificate",
        ),
        "dau-tu",
        ("10 ngày", "10 days"),
        ("Không", "None"),
        (
            "Giấy chứng nhận đăng ký đầu tư điều chỉnh",
            "Amended investment registration certificate",
        ),
        "partial",
        [
            ("Văn bản đề nghị điều chỉnh", "Application for amendment"),
            ("Báo cáo tình hình thực hiện dự án", "Project progress report"),
        ],
    ),
    (
        "so-tc",
        "1.005425",
        ("Thẩm định giá tài sản công khi bán đấu giá", "Valuing public assets before auction"),
        "ngan-sach",
        ("20 ngày", "20 days"),
        ("Không", "None"),
        ("Văn bản thẩm định giá", "Valuation letter"),
        "none",
        [
            ("Văn bản đề nghị thẩm định giá", "Request for valuation"),
            ("Hồ sơ tài sản", "Asset records"),
        ],
    ),
    (
        "so-ct",
        "2.000633",
        ("Cấp giấy phép bán lẻ sản phẩm thuốc lá", "Tobacco retail licence"),
        "thuong-mai",
        ("15 ngày làm việc", "15 working days"),
        ("1.100.000 đồng", "VND 1,100,000"),
        ("Giấy phép bán lẻ sản phẩm thuốc lá", "Tobacco retail licence"),
        "full",
        [
            ("Đơn đề nghị cấp giấy phép", "Licence application"),
            (
                "Bản sao giấy chứng nhận đăng ký doanh nghiệp",
                "Copy of the business registration certificate",
            ),
        ],
    ),
    (
        "so-ct",
        "2.000620",
        (
            "Cấp giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu",
            "Certificate of eligibility for a petrol station",
        ),
        "thuong-mai",
        ("15 ngày làm việc", "15 working days"),
        ("1.500.000 đồng", "VND 1,500,000"),
        (
            "Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu",
            "Petrol station eligibility certificate",
        ),
        "partial",
        [
            ("Đơn đề nghị", "Application"),
            ("Bản vẽ cửa hàng", "Station drawings"),
            ("Giấy chứng nhận phòng cháy chữa cháy", "Fire safety certificate"),
        ],
    ),
    (
        "so-ct",
        "2.000190",
        ("Đăng ký tổ chức hội chợ, triển lãm thương mại", "Registering a trade fair or exhibition"),
        "thuong-mai",
        ("07 ngày làm việc", "7 working days"),
        ("Không", "None"),
        ("Văn bản xác nhận đăng ký", "Registration confirmation"),
        "full",
        [
            ("Đơn đăng ký tổ chức hội chợ", "Fair registration form"),
            ("Kế hoạch tổ chức", "Organisation plan"),
        ],
    ),
    (
        "so-ct",
        "2.001283",
        ("Cấp giấy phép hoạt động điện lực lĩnh vực phân phối", "Electricity distribution licence"),
        "dien-nang-luong",
        ("15 ngày làm việc", "15 working days"),
        ("800.000 đồng", "VND 800,000"),
        ("Giấy phép hoạt động điện lực", "Electricity operating licence"),
        "partial",
        [
            ("Văn bản đề nghị cấp giấy phép", "Licence application"),
            ("Danh sách cán bộ kỹ thuật", "List of technical staff"),
            ("Hồ sơ lưới điện", "Grid records"),
        ],
    ),
    (
        "so-ct",
        "2.000181",
        ("Xác nhận đăng ký sử dụng năng lượng tiết kiệm", "Registering energy-saving use"),
        "dien-nang-luong",
        ("10 ngày làm việc", "10 working days"),
        ("Không", "None"),
        ("Văn bản xác nhận", "Confirmation letter"),
        "full",
        [("Báo cáo kiểm toán năng lượng", "Energy audit report")],
    ),
    (
        "so-ct",
        "2.000364",
        (
            "Cấp giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh",
            "Licence for small-scale liquor production for sale",
        ),
        "cong-nghiep",
        ("10 ngày làm việc", "10 working days"),
        ("Theo quy định của Bộ Tài chính", "As set by the Ministry of Finance"),
        ("Giấy phép sản xuất rượu", "Liquor production licence"),
        "partial",
        [
            ("Đơn đề nghị cấp giấy phép", "Licence application"),
            ("Bản công bố sản phẩm", "Product declaration"),
        ],
    ),
    (
        "bql-kkt",
        "1.009657",
        (
            "Cấp giấy chứng nhận đăng ký đầu tư dự án trong khu công nghiệp",
            "Investment registration for projects in industrial parks",
        ),
        "dau-tu",
        ("07 ngày làm việc", "7 working days"),
        ("Không", "None"),
        ("Giấy chứng nhận đăng ký đầu tư", "Investment registration certificate"),
        "partial",
        [
            ("Văn bản đề nghị thực hiện dự án", "Project application"),
            ("Đề xuất dự án đầu tư", "Project proposal"),
            ("Hợp đồng thuê lại đất", "Land sublease agreement"),
        ],
    ),
    (
        "bql-kkt",
        "1.000459",
        (
            "Cấp giấy phép lao động cho người lao động nước ngoài",
            "Work permit for foreign employees",
        ),
        "lao-dong",
        ("05 ngày làm việc", "5 working days"),
        ("400.000 đồng", "VND 400,000"),
        ("Giấy phép lao động", "Work permit"),
        "full",
        [
            ("Văn bản đề nghị cấp giấy phép", "Permit application"),
            ("Giấy chứng nhận sức khỏe", "Health certificate"),
            ("Phiếu lý lịch tư pháp", "Criminal record certificate"),
        ],
    ),
    (
        "bql-kkt",
        "1.000105",
        (
            "Gia hạn giấy phép lao động cho người lao động nước ngoài",
            "Extending a work permit for foreign employees",
        ),
        "lao-dong",
        ("05 ngày làm việc", "5 working days"),
        ("400.000 đồng", "VND 400,000"),
        ("Giấy phép lao động được gia hạn", "Extended work permit"),
        "full",
        [
            ("Văn bản đề nghị gia hạn", "Extension application"),
            ("Giấy phép lao động còn hiệu lực", "Current work permit"),
        ],
    ),
    (
        "bql-kkt",
        "1.009972",
        (
            "Cấp giấy phép xây dựng công trình trong khu công nghiệp",
            "Construction permit in industrial parks",
        ),
        "xay-dung",
        ("20 ngày", "20 days"),
        ("150.000 đồng", "VND 150,000"),
        ("Giấy phép xây dựng", "Construction permit"),
        "partial",
        [
            ("Đơn đề nghị cấp giấy phép xây dựng", "Permit application"),
            ("Bản vẽ thiết kế", "Design drawings"),
            ("Giấy tờ về quyền sử dụng đất", "Land use rights papers"),
        ],
    ),
    (
        "bql-kkt",
        "1.004249",
        (
            "Thẩm định báo cáo đánh giá tác động môi trường",
            "Appraising an environmental impact assessment",
        ),
        "moi-truong",
        ("30 ngày", "30 days"),
        ("Theo biểu phí thẩm định", "As per the appraisal fee schedule"),
        ("Quyết định phê duyệt kết quả thẩm định", "Appraisal approval decision"),
        "partial",
        [
            ("Văn bản đề nghị thẩm định", "Appraisal request"),
            ("Báo cáo đánh giá tác động môi trường", "Environmental impact assessment report"),
        ],
    ),
    (
        "portal",
        "1.001612",
        (
            "Tiếp nhận phản ánh, kiến nghị của doanh nghiệp về quy định hành chính",
            "Business feedback on administrative regulations",
        ),
        "doanh-nghiep",
        ("10 ngày làm việc", "10 working days"),
        ("Không", "None"),
        ("Văn bản trả lời", "Written reply"),
        "full",
        [("Phiếu phản ánh, kiến nghị", "Feedback form")],
    ),
    (
        "portal",
        "2.002165",
        (
            "Đăng ký hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số",
            "Applying for digital transformation support for SMEs",
        ),
        "doanh-nghiep",
        ("15 ngày làm việc", "15 working days"),
        ("Không", "None"),
        ("Thông báo hỗ trợ", "Support notice"),
        "full",
        [
            ("Hồ sơ đề xuất nhu cầu hỗ trợ", "Support request"),
            ("Bản sao hợp đồng với đơn vị tư vấn", "Copy of the consulting contract"),
        ],
    ),
]

STEPS = [
    (
        ("Chuẩn bị và nộp hồ sơ", "Prepare and submit the dossier"),
        (
            "Tổ chức, cá nhân nộp hồ sơ trực tuyến trên Cổng Dịch vụ công hoặc tại Trung tâm Phục vụ "
            "hành chính công tỉnh.",
            "Submit the dossier online on the Public Service Portal or at the Provincial Public "
            "Administrative Service Center.",
        ),
    ),
    (
        ("Tiếp nhận và kiểm tra hồ sơ", "Receipt and check"),
        (
            "Cán bộ tiếp nhận kiểm tra tính đầy đủ của hồ sơ; nếu chưa đầy đủ, hướng dẫn bổ sung "
            "một lần bằng văn bản.",
            "Staff check that the dossier is complete; if not, they explain in writing, once, what "
            "to add.",
        ),
    ),
    (
        ("Giải quyết hồ sơ", "Processing"),
        (
            "Cơ quan có thẩm quyền xem xét, giải quyết trong thời hạn quy định.",
            "The competent agency examines the dossier within the statutory time.",
        ),
    ),
    (
        ("Trả kết quả", "Result"),
        (
            "Kết quả được trả trực tuyến, tại Trung tâm Phục vụ hành chính công hoặc qua dịch vụ "
            "bưu chính công ích.",
            "The result is returned online, at the Service Center or by public postal service.",
        ),
    ),
]

LEGAL_BASIS = (
    "Luật Đầu tư năm 2020; Luật Doanh nghiệp năm 2020; Nghị định số 118/2025/NĐ-CP về thực hiện "
    "thủ tục hành chính theo cơ chế một cửa, một cửa liên thông.",
    "Law on Investment 2020; Law on Enterprises 2020; Decree 118/2025/ND-CP on one-stop "
    "administrative procedures.",
)

AGENCY = {
    "portal": ("Văn phòng Ủy ban nhân dân tỉnh", "Office of the Provincial People's Committee"),
    "so-tc": ("Sở Tài chính", "Department of Finance"),
    "so-ct": ("Sở Công Thương", "Department of Industry and Trade"),
    "bql-kkt": ("Ban Quản lý các Khu kinh tế", "Economic Zones Authority"),
}
