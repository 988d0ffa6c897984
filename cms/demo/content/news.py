# ruff: noqa: E501  (prose tables: splitting sentences further hurts reading)
"""News stories as templates with slots; each variant becomes one article.

A story holds the Vietnamese and English wording once; its variants fill the
slots ({park}, {n}, …) with facts in both languages, so thirty articles come
from ten small stories and each still reads as a whole.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Story:
    key: str
    categories: tuple[str, ...]
    tags: tuple[tuple[str, str], ...]
    title: tuple[str, str]
    sapo: tuple[str, str]
    paragraphs: tuple[tuple[str, str], ...]
    quote: tuple[str, str]
    # (site slug, slots) per article; a slot is a (vi, en) pair or one value for both.
    variants: tuple[tuple[str, dict], ...]
    heading: tuple[str, str] | None = None
    report_document: bool = False
    extra: dict = field(default_factory=dict)


STORIES = [
    Story(
        key="kcn",
        categories=("dau-tu", "cong-nghiep"),
        tags=(("khu công nghiệp", "industrial parks"), ("thu hút đầu tư", "investment")),
        title=(
            "Khu công nghiệp {park} thu hút thêm {n} dự án trong {period}",
            "{park} Industrial Park attracts {n} new projects in {period}",
        ),
        sapo=(
            "Theo Ban Quản lý các Khu kinh tế, trong {period} Khu công nghiệp {park} đã cấp "
            "mới chứng nhận đăng ký đầu tư cho {n} dự án với tổng vốn đăng ký khoảng {capital}.",
            "The Economic Zones Authority reports that in {period} {park} Industrial Park "
            "granted investment registration certificates to {n} new projects with registered "
            "capital of about {capital}.",
        ),
        paragraphs=(
            (
                "Các dự án mới chủ yếu thuộc lĩnh vực cơ khí chính xác, linh kiện điện tử, bao bì "
                "và chế biến thực phẩm, do nhà đầu tư đến từ {country} thực hiện. Phần lớn dự án "
                "dự kiến đi vào hoạt động trong vòng 12 đến 18 tháng.",
                "Most of the new projects are in precision engineering, electronic components, "
                "packaging and food processing, led by investors from {country}. Most are "
                "expected to start operating within 12 to 18 months.",
            ),
            (
                "Với kết quả này, tỷ lệ lấp đầy của khu công nghiệp đạt khoảng {occupancy} phần "
                "trăm. Chủ đầu tư hạ tầng đang hoàn thiện nhà máy xử lý nước thải tập trung giai "
                "đoạn hai và mở rộng đường nội khu để đón các dự án tiếp theo.",
                "The park's occupancy has now reached about {occupancy} per cent. The "
                "infrastructure developer is completing the second phase of the central "
                "wastewater treatment plant and widening internal roads for the next projects.",
            ),
            (
                "Ban Quản lý cho biết thời gian cấp giấy chứng nhận đăng ký đầu tư đối với dự án "
                "không thuộc diện chấp thuận chủ trương đã giảm còn 7 ngày làm việc. Nhà đầu tư "
                "có thể nộp hồ sơ trực tuyến và theo dõi tiến độ trên Cổng Dịch vụ công.",
                "The Authority says investment registration certificates for projects that need "
                "no in-principle approval are now issued in 7 working days. Investors can apply "
                "online and follow progress on the Public Service Portal.",
            ),
        ),
        heading=("Rút ngắn thời gian giải quyết hồ sơ", "Faster handling of applications"),
        quote=(
            "Chúng tôi ưu tiên các dự án công nghệ cao, sử dụng ít lao động phổ thông và cam kết "
            "đáp ứng tiêu chuẩn môi trường.",
            "We give priority to high-tech projects that use little unskilled labour and commit "
            "to environmental standards.",
        ),
        variants=(
            (
                "bql-kkt",
                {
                    "park": ("Phúc Long", "Phuc Long"),
                    "n": 7,
                    "period": ("quý III", "the third quarter"),
                    "capital": ("215 triệu USD", "USD 215 million"),
                    "country": (
                        "Hàn Quốc, Nhật Bản và Singapore",
                        "South Korea, Japan and Singapore",
                    ),
                    "occupancy": 82,
                },
            ),
            (
                "bql-kkt",
                {
                    "park": ("Tân Đức", "Tan Duc"),
                    "n": 5,
                    "period": ("sáu tháng đầu năm", "the first half of the year"),
                    "capital": ("3.400 tỷ đồng", "VND 3,400 billion"),
                    "country": ("Đài Loan (Trung Quốc) và Thái Lan", "Taiwan (China) and Thailand"),
                    "occupancy": 91,
                },
            ),
            (
                "bql-kkt",
                {
                    "park": ("Thuận Đạo", "Thuan Dao"),
                    "n": 4,
                    "period": ("tháng 10", "October"),
                    "capital": ("96 triệu USD", "USD 96 million"),
                    "country": ("Nhật Bản và Đức", "Japan and Germany"),
                    "occupancy": 76,
                },
            ),
        ),
    ),
    Story(
        key="xuat-khau",
        categories=("thuong-mai", "kinh-te"),
        tags=(("xuất khẩu", "exports"), ("hiệp định thương mại tự do", "free trade agreements")),
        title=(
            "Kim ngạch xuất khẩu {period} ước đạt {value}, tăng {pct}",
            "Exports in {period} estimated at {value}, up {pct}",
        ),
        sapo=(
            "Theo số liệu của Sở Công Thương, kim ngạch xuất khẩu của tỉnh trong {period} ước "
            "đạt {value}, tăng {pct} so với cùng kỳ năm trước.",
            "Figures from the Department of Industry and Trade put the province's exports in "
            "{period} at an estimated {value}, up {pct} year on year.",
        ),
        paragraphs=(
            (
                "Các mặt hàng đóng góp lớn nhất là {goods}. Thị trường xuất khẩu chủ lực tiếp tục "
                "là {market}.",
                "The largest contributors were {goods}. The main export markets remained {market}.",
            ),
            (
                "Kim ngạch nhập khẩu cùng kỳ chủ yếu là nguyên liệu và máy móc phục vụ sản xuất, "
                "cho thấy doanh nghiệp đang mở rộng đơn hàng cho những tháng cuối năm.",
                "Imports over the same period were mostly raw materials and production machinery, "
                "a sign that manufacturers are expanding orders for the last months of the year.",
            ),
            (
                "Sở Công Thương khuyến nghị doanh nghiệp chủ động đáp ứng quy định về truy xuất "
                "nguồn gốc và tiêu chuẩn xanh của các thị trường nhập khẩu, đồng thời tận dụng ưu "
                "đãi thuế quan từ các hiệp định thương mại tự do.",
                "The Department advises exporters to prepare for traceability rules and green "
                "standards in import markets and to make full use of tariff preferences under "
                "free trade agreements.",
            ),
        ),
        quote=(
            "Doanh nghiệp cần đa dạng hóa thị trường để giảm rủi ro khi nhu cầu ở một số nước "
            "chững lại.",
            "Businesses need to diversify their markets to reduce the risk when demand slows in "
            "some countries.",
        ),
        variants=(
            (
                "so-ct",
                {
                    "period": ("tháng 9", "September"),
                    "value": ("820 triệu USD", "USD 820 million"),
                    "pct": ("12,4%", "12.4%"),
                    "goods": (
                        "hàng dệt may, giày dép và hạt điều",
                        "textiles, footwear and cashew nuts",
                    ),
                    "market": (
                        "Hoa Kỳ, Trung Quốc và Liên minh châu Âu",
                        "the United States, China and the European Union",
                    ),
                },
            ),
            (
                "so-ct",
                {
                    "period": ("quý III", "the third quarter"),
                    "value": ("2,45 tỷ USD", "USD 2.45 billion"),
                    "pct": ("9,8%", "9.8%"),
                    "goods": (
                        "máy móc, thiết bị điện và sản phẩm nhựa",
                        "machinery, electrical equipment and plastic products",
                    ),
                    "market": ("Nhật Bản, Hàn Quốc và ASEAN", "Japan, South Korea and ASEAN"),
                },
            ),
            (
                "so-ct",
                {
                    "period": ("10 tháng", "the first ten months"),
                    "value": ("8,1 tỷ USD", "USD 8.1 billion"),
                    "pct": ("11,2%", "11.2%"),
                    "goods": (
                        "gạo, thanh long và thủy sản chế biến",
                        "rice, dragon fruit and processed seafood",
                    ),
                    "market": (
                        "Trung Quốc, Philippines và Hoa Kỳ",
                        "China, the Philippines and the United States",
                    ),
                },
            ),
        ),
    ),
    Story(
        key="hoi-cho",
        categories=("thuong-mai",),
        tags=(("hội chợ", "trade fairs"), ("xúc tiến thương mại", "trade promotion")),
        title=("Khai mạc {fair} năm 2026 với {n} gian hàng", "{fair} 2026 opens with {n} booths"),
        sapo=(
            "Sáng nay, tại {place}, Sở Công Thương phối hợp với các đơn vị liên quan khai mạc "
            "{fair} với {n} gian hàng, kéo dài trong {days} ngày.",
            "The {fair} opened this morning at {place} with {n} booths and runs for {days} days.",
        ),
        paragraphs=(
            (
                "Hội chợ tập trung giới thiệu {focus}. Nhiều doanh nghiệp giảm giá từ 10 đến 30 "
                "phần trăm và tặng quà cho khách tham quan.",
                "The fair focuses on {focus}. Many exhibitors offer discounts of 10 to 30 per cent "
                "and gifts for visitors.",
            ),
            (
                "Bên cạnh khu trưng bày, ban tổ chức bố trí khu giao thương để doanh nghiệp gặp gỡ "
                "nhà phân phối, hệ thống siêu thị và các sàn thương mại điện tử.",
                "Alongside the exhibition, the organisers have set up a business-matching area "
                "where firms can meet distributors, supermarket chains and e-commerce platforms.",
            ),
            (
                "Lực lượng quản lý thị trường được bố trí thường trực để kiểm tra nguồn gốc hàng "
                "hóa, bảo đảm quyền lợi người tiêu dùng trong suốt thời gian diễn ra hội chợ.",
                "Market surveillance officers are on duty throughout to check where goods come "
                "from and to protect consumers.",
            ),
        ),
        quote=(
            "Hội chợ là cầu nối để sản phẩm của doanh nghiệp địa phương đến gần hơn với người "
            "tiêu dùng.",
            "The fair brings local firms' products closer to consumers.",
        ),
        variants=(
            (
                "so-ct",
                {
                    "fair": (
                        "Hội chợ Thương mại – Công nghiệp Long An",
                        "Long An Trade and Industry Fair",
                    ),
                    "n": 320,
                    "place": (
                        "Quảng trường tỉnh, phường Tân An",
                        "the Provincial Square in Tan An Ward",
                    ),
                    "days": 6,
                    "focus": (
                        "máy nông nghiệp, vật liệu xây dựng và hàng tiêu dùng",
                        "farm machinery, building materials and consumer goods",
                    ),
                },
            ),
            (
                "so-ct",
                {
                    "fair": (
                        "Phiên chợ hàng Việt về xã Cần Giuộc",
                        "Vietnamese Goods Fair in Can Giuoc",
                    ),
                    "n": 80,
                    "place": ("sân vận động xã Cần Giuộc", "the Can Giuoc Commune stadium"),
                    "days": 3,
                    "focus": (
                        "hàng tiêu dùng thiết yếu, nông sản và đặc sản địa phương",
                        "everyday goods, farm produce and local specialities",
                    ),
                },
            ),
            (
                "so-ct",
                {
                    "fair": (
                        "Hội chợ sản phẩm OCOP và đặc sản vùng miền",
                        "OCOP Products and Regional Specialities Fair",
                    ),
                    "n": 150,
                    "place": ("Trung tâm Văn hóa tỉnh", "the Provincial Cultural Centre"),
                    "days": 5,
                    "focus": (
                        "sản phẩm OCOP đạt từ 3 sao trở lên của các tỉnh Nam Bộ",
                        "OCOP products rated three stars or more from the southern provinces",
                    ),
                },
            ),
        ),
    ),
    Story(
        key="chu-truong",
        categories=("chinh-quyen", "dau-tu"),
        tags=(("chủ trương đầu tư", "investment approval"), ("thu hút đầu tư", "investment")),
        title=(
            "Trao quyết định chủ trương đầu tư cho {n} dự án tại {place}",
            "In-principle investment approvals for {n} projects in {place}",
        ),
        sapo=(
            "Ủy ban nhân dân tỉnh vừa trao quyết định chấp thuận chủ trương đầu tư cho {n} dự án "
            "tại {place} với tổng vốn đăng ký khoảng {capital}.",
            "The Provincial People's Committee has handed in-principle investment approvals to "
            "{n} projects in {place} with total registered capital of about {capital}.",
        ),
        paragraphs=(
            (
                "Các dự án gồm {kinds}, dự kiến tạo việc làm cho hàng nghìn lao động địa phương "
                "khi đi vào hoạt động.",
                "The projects include {kinds} and are expected to create jobs for thousands of "
                "local workers once in operation.",
            ),
            (
                "Lãnh đạo tỉnh yêu cầu các nhà đầu tư triển khai đúng tiến độ đã cam kết, ký quỹ "
                "bảo đảm thực hiện dự án và phối hợp chặt chẽ với chính quyền cơ sở trong công tác "
                "bồi thường, giải phóng mặt bằng.",
                "Provincial leaders asked the investors to keep to their committed timelines, "
                "lodge performance deposits and work closely with local authorities on "
                "compensation and site clearance.",
            ),
            (
                "Sở Tài chính được giao theo dõi, đôn đốc và định kỳ báo cáo tình hình thực hiện "
                "các dự án; dự án chậm tiến độ không có lý do chính đáng sẽ bị xem xét chấm dứt "
                "hoạt động.",
                "The Department of Finance will monitor the projects and report on them "
                "regularly; projects that fall behind without good reason may have their "
                "approvals terminated.",
            ),
        ),
        quote=(
            "Tỉnh cam kết đồng hành, tháo gỡ kịp thời vướng mắc để nhà đầu tư yên tâm triển khai "
            "dự án.",
            "The province will stand by investors and remove obstacles promptly so they can "
            "carry out their projects with confidence.",
        ),
        variants=(
            (
                "portal",
                {
                    "n": 6,
                    "place": ("xã Đức Hòa", "Duc Hoa Commune"),
                    "capital": ("5.200 tỷ đồng", "VND 5,200 billion"),
                    "kinds": (
                        "khu dân cư, trung tâm logistics và nhà máy chế biến",
                        "residential areas, a logistics centre and processing plants",
                    ),
                },
            ),
            (
                "so-tc",
                {
                    "n": 4,
                    "place": ("xã Bến Lức", "Ben Luc Commune"),
                    "capital": ("2.750 tỷ đồng", "VND 2,750 billion"),
                    "kinds": (
                        "cụm công nghiệp, kho lạnh và trung tâm thương mại",
                        "an industrial cluster, cold storage and a shopping centre",
                    ),
                },
            ),
            (
                "portal",
                {
                    "n": 3,
                    "place": ("xã Cần Đước", "Can Duoc Commune"),
                    "capital": ("1.980 tỷ đồng", "VND 1,980 billion"),
                    "kinds": (
                        "điện mặt trời mái nhà, cảng thủy nội địa và khu nông nghiệp công nghệ cao",
                        "rooftop solar, an inland waterway port and a hi-tech farming zone",
                    ),
                },
            ),
        ),
    ),
    Story(
        key="dich-vu-cong",
        categories=("cai-cach-hanh-chinh", "chuyen-doi-so"),
        tags=(
            ("dịch vụ công trực tuyến", "online public services"),
            ("cải cách hành chính", "administrative reform"),
        ),
        title=(
            "{unit} đạt tỷ lệ hồ sơ trực tuyến {pct} trong {period}",
            "{unit} handles {pct} of applications online in {period}",
        ),
        sapo=(
            "Trong {period}, {unit} tiếp nhận {count} hồ sơ thủ tục hành chính, trong đó {pct} "
            "được nộp qua dịch vụ công trực tuyến.",
            "In {period}, {unit_s} received {count} applications, {pct} of them submitted online.",
        ),
        paragraphs=(
            (
                "Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn đạt trên 98 phần trăm. Người dân có "
                "thể thanh toán phí, lệ phí trực tuyến và nhận kết quả qua dịch vụ bưu chính công ích.",
                "More than 98 per cent of applications were settled on time or early. Citizens "
                "can pay fees online and receive results by public postal service.",
            ),
            (
                "Toàn bộ hồ sơ tiếp nhận được số hóa và lưu trữ điện tử, giúp người dân không phải "
                "nộp lại giấy tờ đã có trong Cơ sở dữ liệu quốc gia về dân cư.",
                "Every application received is digitised and stored electronically, so citizens "
                "do not have to resubmit papers already held in the national population database.",
            ),
            (
                "Trong thời gian tới, đơn vị tiếp tục rà soát, đề xuất cắt giảm thành phần hồ sơ "
                "và hướng dẫn người dân sử dụng tài khoản định danh điện tử khi thực hiện thủ tục.",
                "Next, the unit will propose cutting dossier requirements and help citizens use "
                "their electronic identification accounts for procedures.",
            ),
        ),
        heading=("Số hóa hồ sơ, kết quả", "Digitising files and results"),
        quote=(
            "Mỗi hồ sơ nộp trực tuyến là một lần người dân tiết kiệm được thời gian đi lại.",
            "Every application submitted online saves a citizen a trip.",
        ),
        variants=(
            (
                "portal",
                {
                    "unit": (
                        "Trung tâm Phục vụ hành chính công tỉnh",
                        "Provincial Public Administrative Service Center",
                    ),
                    "unit_s": "the Provincial Public Administrative Service Center",
                    "pct": "78%",
                    "period": ("quý III", "the third quarter"),
                    "count": ("42.600", "42,600"),
                },
            ),
            (
                "so-tc",
                {
                    "unit": ("Sở Tài chính", "Department of Finance"),
                    "unit_s": "the Department of Finance",
                    "pct": "91%",
                    "period": ("tháng 10", "October"),
                    "count": ("3.150", "3,150"),
                },
            ),
            (
                "portal",
                {
                    "unit": ("Phường Tân An", "Tan An Ward"),
                    "unit_s": "Tan An Ward",
                    "pct": "65%",
                    "period": ("sáu tháng đầu năm", "the first half of the year"),
                    "count": ("12.480", "12,480"),
                },
            ),
        ),
    ),
]
