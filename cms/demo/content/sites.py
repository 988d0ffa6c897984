# ruff: noqa: E501  (prose tables: splitting sentences further hurts reading)
"""The demo's sites: the provincial portal and three department subsites.

Every text is a (Vietnamese, English) pair; the loader writes the Vietnamese
side and translates to English through wagtail-localize.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Leader:
    name: str
    role: tuple[str, str]
    responsibilities: tuple[str, str]
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class DemoSite:
    slug: str
    name: tuple[str, str]
    hostname: str
    is_portal: bool
    short_description: tuple[str, str]
    address: tuple[str, str]
    phone: str
    hotline: str
    email: str
    working_hours: tuple[str, str]
    functions: list[tuple[str, str]]
    about: list[tuple[str, str]]
    leaders: list[Leader] = field(default_factory=list)
    # Author bylines and the "source" line of this site's news.
    authors: tuple[str, ...] = ()


WORKING_HOURS = (
    "Sáng 7:00–11:30, chiều 13:30–17:00, từ thứ Hai đến thứ Sáu",
    "Monday to Friday, 7:00–11:30 and 13:30–17:00",
)

PORTAL = DemoSite(
    slug="portal",
    name=("Cổng thông tin điện tử tỉnh Long An", "Long An Provincial e-Portal"),
    hostname="localhost",
    is_portal=True,
    short_description=(
        "Kênh thông tin chính thức của Ủy ban nhân dân tỉnh Long An: tin tức chỉ đạo, điều "
        "hành, văn bản, quy hoạch, dự án kêu gọi đầu tư và thủ tục hành chính.",
        "The official information channel of the Long An Provincial People's Committee: "
        "news, legal documents, planning, projects calling for investment and "
        "administrative procedures.",
    ),
    address=(
        "Số 61 đường Nguyễn Huệ, phường Tân An, tỉnh Long An",
        "61 Nguyen Hue Street, Tan An Ward, Long An Province",
    ),
    phone="0272 3826 110",
    hotline="1900 9272",
    email="congthongtin@longan.gov.vn",
    working_hours=WORKING_HOURS,
    functions=[
        (
            "Cổng thông tin điện tử tỉnh cung cấp thông tin chính thức về hoạt động chỉ đạo, "
            "điều hành của Tỉnh ủy, Hội đồng nhân dân và Ủy ban nhân dân tỉnh.",
            "The provincial e-portal publishes official information on the direction and "
            "management of the Provincial Party Committee, People's Council and People's "
            "Committee.",
        ),
        (
            "Cổng là đầu mối kết nối trang thông tin điện tử của các sở, ban, ngành và Ủy ban "
            "nhân dân các xã, phường, tiếp nhận góp ý và phản ánh của người dân, doanh nghiệp.",
            "It links the websites of provincial departments and of commune and ward People's "
            "Committees, and receives feedback from citizens and businesses.",
        ),
    ],
    about=[
        (
            "Long An nằm ở cửa ngõ phía tây nam của Thành phố Hồ Chí Minh, là cầu nối giữa "
            "vùng Đông Nam Bộ và đồng bằng sông Cửu Long.",
            "Long An lies at the south-western gateway of Ho Chi Minh City, linking the South "
            "East region with the Mekong Delta.",
        ),
        (
            "Từ ngày 1 tháng 7 năm 2025, chính quyền địa phương được tổ chức theo mô hình hai "
            "cấp: cấp tỉnh và cấp xã, phường, đặc khu.",
            "Since 1 July 2025 local government has two tiers: the province, and communes, "
            "wards and special zones.",
        ),
    ],
    leaders=[
        Leader(
            "Trần Quốc Hưng",
            ("Chủ tịch Ủy ban nhân dân tỉnh", "Chairman of the Provincial People's Committee"),
            ("Lãnh đạo chung, phụ trách nội chính", "Overall direction; internal affairs"),
            "0272 3826 111",
        ),
        Leader(
            "Lê Thị Thanh Hương",
            (
                "Phó Chủ tịch Ủy ban nhân dân tỉnh",
                "Vice Chair of the Provincial People's Committee",
            ),
            ("Phụ trách kinh tế, đầu tư và tài chính", "Economy, investment and finance"),
            "0272 3826 112",
        ),
        Leader(
            "Phạm Minh Khoa",
            (
                "Phó Chủ tịch Ủy ban nhân dân tỉnh",
                "Vice Chair of the Provincial People's Committee",
            ),
            ("Phụ trách văn hóa, xã hội", "Culture and social affairs"),
            "0272 3826 113",
        ),
    ],
    authors=("Hoàng Yến", "Minh Tâm", "Quốc Bảo"),
)

SO_TC = DemoSite(
    slug="so-tc",
    name=("Sở Tài chính", "Department of Finance"),
    hostname="so-tc.longan.localhost",
    is_portal=False,
    short_description=(
        "Sở Tài chính tỉnh Long An tham mưu về tài chính, ngân sách, kế hoạch và đầu tư "
        "(sau khi hợp nhất Sở Kế hoạch và Đầu tư).",
        "The Long An Department of Finance advises on finance, the state budget, planning "
        "and investment (after its merger with the Department of Planning and Investment).",
    ),
    address=(
        "Số 35 đường Võ Văn Tần, phường Tân An, tỉnh Long An",
        "35 Vo Van Tan Street, Tan An Ward, Long An Province",
    ),
    phone="0272 3825 306",
    hotline="0272 3825 300",
    email="sotc@longan.gov.vn",
    working_hours=WORKING_HOURS,
    functions=[
        (
            "Sở Tài chính là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, tham mưu quản lý nhà "
            "nước về tài chính, ngân sách, giá, kế hoạch, đầu tư công và đầu tư trong nước, "
            "nước ngoài.",
            "The Department of Finance is a specialised agency of the Provincial People's "
            "Committee for finance, the budget, prices, planning, public investment and "
            "domestic and foreign investment.",
        ),
        (
            "Sở tiếp nhận hồ sơ đăng ký doanh nghiệp, đăng ký đầu tư và theo dõi tình hình "
            "thực hiện dự án ngoài khu công nghiệp.",
            "It handles business and investment registration and follows the progress of "
            "projects outside industrial parks.",
        ),
    ],
    about=[
        (
            "Sở Tài chính được tổ chức lại trên cơ sở hợp nhất Sở Tài chính và Sở Kế hoạch và "
            "Đầu tư từ ngày 1 tháng 3 năm 2025.",
            "The Department of Finance was reorganised by merging the former Department of "
            "Finance with the Department of Planning and Investment on 1 March 2025.",
        ),
    ],
    leaders=[
        Leader(
            "Nguyễn Thị Mỹ Linh",
            ("Giám đốc Sở", "Director"),
            ("Phụ trách chung, ngân sách nhà nước", "Overall direction; state budget"),
            "0272 3825 301",
            "linhntm.stc@longan.gov.vn",
        ),
        Leader(
            "Võ Thanh Tùng",
            ("Phó Giám đốc Sở", "Deputy Director"),
            ("Phụ trách đầu tư, đăng ký doanh nghiệp", "Investment and business registration"),
            "0272 3825 302",
        ),
        Leader(
            "Đặng Ngọc Hân",
            ("Phó Giám đốc Sở", "Deputy Director"),
            ("Phụ trách giá, tài sản công", "Prices and public assets"),
            "0272 3825 303",
        ),
    ],
    authors=("Thanh Tâm", "Ngọc Diệp"),
)

SO_CT = DemoSite(
    slug="so-ct",
    name=("Sở Công Thương", "Department of Industry and Trade"),
    hostname="so-ct.longan.localhost",
    is_portal=False,
    short_description=(
        "Sở Công Thương tỉnh Long An quản lý công nghiệp, thương mại, điện và năng lượng, "
        "xúc tiến thương mại và hội nhập kinh tế quốc tế.",
        "The Long An Department of Industry and Trade manages industry, trade, electricity "
        "and energy, trade promotion and international economic integration.",
    ),
    address=(
        "Số 72 đường Hùng Vương, phường Tân An, tỉnh Long An",
        "72 Hung Vuong Street, Tan An Ward, Long An Province",
    ),
    phone="0272 3826 497",
    hotline="0272 3826 490",
    email="soct@longan.gov.vn",
    working_hours=WORKING_HOURS,
    functions=[
        (
            "Sở Công Thương tham mưu quản lý nhà nước về cơ khí, luyện kim, điện, năng lượng "
            "tái tạo, hóa chất, công nghiệp hỗ trợ, thương mại trong nước và xuất nhập khẩu.",
            "The Department of Industry and Trade advises on engineering, metallurgy, "
            "electricity, renewable energy, chemicals, supporting industries, domestic trade "
            "and imports and exports.",
        ),
    ],
    about=[
        (
            "Sở phối hợp với các hiệp hội doanh nghiệp tổ chức hội chợ, kết nối cung cầu và hỗ "
            "trợ doanh nghiệp tận dụng các hiệp định thương mại tự do.",
            "The Department works with business associations to run trade fairs, match "
            "suppliers with buyers and help firms use free trade agreements.",
        ),
    ],
    leaders=[
        Leader(
            "Huỳnh Văn Phúc",
            ("Giám đốc Sở", "Director"),
            ("Phụ trách chung, quy hoạch ngành", "Overall direction; sector planning"),
            "0272 3826 491",
        ),
        Leader(
            "Trương Thị Kim Oanh",
            ("Phó Giám đốc Sở", "Deputy Director"),
            ("Phụ trách thương mại, xúc tiến thương mại", "Trade and trade promotion"),
            "0272 3826 492",
        ),
    ],
    authors=("Kim Ngân", "Tuấn Anh"),
)

BQL_KKT = DemoSite(
    slug="bql-kkt",
    name=("Ban Quản lý các Khu kinh tế", "Economic Zones Authority"),
    hostname="bql-kkt.longan.localhost",
    is_portal=False,
    short_description=(
        "Ban Quản lý các Khu kinh tế tỉnh Long An quản lý các khu công nghiệp, khu kinh tế cửa "
        "khẩu và hỗ trợ nhà đầu tư từ khi tìm hiểu đến khi dự án đi vào hoạt động.",
        "The Long An Economic Zones Authority manages the industrial parks and the border-gate "
        "economic zone and supports investors from the first enquiry until operation.",
    ),
    address=(
        "Số 8 đường Châu Thị Kim, phường Khánh Hậu, tỉnh Long An",
        "8 Chau Thi Kim Street, Khanh Hau Ward, Long An Province",
    ),
    phone="0272 3511 208",
    hotline="0272 3511 200",
    email="bqlkkt@longan.gov.vn",
    working_hours=WORKING_HOURS,
    functions=[
        (
            "Ban Quản lý thực hiện quản lý nhà nước trực tiếp đối với các khu công nghiệp, khu "
            "kinh tế: cấp giấy chứng nhận đăng ký đầu tư, giấy phép xây dựng và giấy phép lao "
            "động cho người nước ngoài.",
            "The Authority directly manages the industrial parks and economic zones: it issues "
            "investment registration certificates, construction permits and work permits for "
            "foreign employees.",
        ),
    ],
    about=[
        (
            "Toàn tỉnh có 37 khu công nghiệp được quy hoạch, trong đó 24 khu đã đi vào hoạt động "
            "với tỷ lệ lấp đầy bình quân trên 70 phần trăm.",
            "The province has 37 planned industrial parks, 24 of them in operation with an "
            "average occupancy above 70 per cent.",
        ),
    ],
    leaders=[
        Leader(
            "Lý Hoàng Nam",
            ("Trưởng ban", "Director General"),
            ("Phụ trách chung", "Overall direction"),
            "0272 3511 201",
        ),
        Leader(
            "Châu Bảo Trân",
            ("Phó Trưởng ban", "Deputy Director General"),
            ("Phụ trách đầu tư, doanh nghiệp", "Investment and enterprises"),
            "0272 3511 202",
        ),
    ],
    authors=("Bảo Ngọc", "Hữu Phước"),
)

DEMO_SITES = [PORTAL, SO_TC, SO_CT, BQL_KKT]

# Links every site's footer shows (external, so both languages use the same URL).
FOOTER_LINKS = [
    ("Cổng Dịch vụ công quốc gia", "National Public Service Portal", "https://dichvucong.gov.vn"),
    ("Cổng thông tin điện tử Chính phủ", "Government e-Portal", "https://chinhphu.vn"),
    ("Cơ sở dữ liệu quốc gia về văn bản pháp luật", "National legal database", "https://vbpl.vn"),
]
