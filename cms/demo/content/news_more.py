# ruff: noqa: E501  (prose tables: splitting sentences further hurts reading)
"""More news stories (see news.py for how stories and variants work)."""

from .news import Story

MORE_STORIES = [
    Story(
        key="doi-thoai",
        categories=("kinh-te", "chinh-quyen"),
        tags=(
            ("đối thoại doanh nghiệp", "business dialogue"),
            ("môi trường kinh doanh", "business climate"),
        ),
        title=(
            "Lãnh đạo tỉnh đối thoại với doanh nghiệp {group}",
            "Provincial leaders meet {group} businesses",
        ),
        sapo=(
            "Hội nghị có sự tham dự của {n} doanh nghiệp, tập trung vào các kiến nghị về {issues}.",
            "The meeting brought together {n} businesses and focused on their concerns about "
            "{issues}.",
        ),
        paragraphs=(
            (
                "Tại hội nghị, đại diện các sở, ngành trả lời trực tiếp từng kiến nghị; những nội "
                "dung vượt thẩm quyền được tổng hợp để báo cáo các bộ, ngành trung ương.",
                "Representatives of the provincial departments answered each question on the "
                "spot; issues beyond the province's authority will be reported to the ministries.",
            ),
            (
                "Nhiều doanh nghiệp đánh giá cao việc tỉnh công khai số điện thoại đường dây nóng "
                "và thời hạn phản hồi kiến nghị, giúp họ chủ động kế hoạch sản xuất, kinh doanh.",
                "Many businesses welcomed the published hotline numbers and response deadlines, "
                "which help them plan production and sales.",
            ),
            (
                "Kết thúc hội nghị, Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì theo dõi việc xử "
                "lý kiến nghị và công khai kết quả trên Cổng thông tin điện tử tỉnh trong 30 ngày.",
                "The Provincial People's Committee tasked the Department of Finance with tracking "
                "the follow-up and publishing the answers on the provincial e-portal within 30 days.",
            ),
        ),
        quote=(
            "Khó khăn của doanh nghiệp cũng là khó khăn của tỉnh; kiến nghị nào đã hứa phải có câu "
            "trả lời đúng hạn.",
            "Businesses' difficulties are the province's difficulties; every promise must be "
            "answered on time.",
        ),
        variants=(
            (
                "portal",
                {
                    "group": ("có vốn đầu tư nước ngoài", "foreign-invested"),
                    "n": 120,
                    "issues": (
                        "thủ tục phòng cháy chữa cháy, cấp phép lao động nước ngoài và hoàn thuế "
                        "giá trị gia tăng",
                        "fire safety approvals, work permits for foreign staff and VAT refunds",
                    ),
                },
            ),
            (
                "portal",
                {
                    "group": ("nhỏ và vừa", "small and medium"),
                    "n": 95,
                    "issues": (
                        "tiếp cận tín dụng, mặt bằng sản xuất và chuyển đổi số",
                        "access to credit, production premises and digital transformation",
                    ),
                },
            ),
            (
                "so-tc",
                {
                    "group": ("ngành logistics", "logistics"),
                    "n": 60,
                    "issues": (
                        "kết nối giao thông đến cảng, thủ tục hải quan và giá thuê kho bãi",
                        "road links to ports, customs procedures and warehouse rents",
                    ),
                },
            ),
        ),
    ),
    Story(
        key="giai-ngan",
        categories=("kinh-te",),
        tags=(("đầu tư công", "public investment"), ("giải ngân", "disbursement")),
        title=(
            "Giải ngân vốn đầu tư công {period} đạt {pct} kế hoạch",
            "Public investment disbursement reaches {pct} of plan in {period}",
        ),
        sapo=(
            "Theo Sở Tài chính, tính đến hết {period}, toàn tỉnh đã giải ngân {amount} vốn đầu tư "
            "công, đạt {pct} kế hoạch được giao.",
            "According to the Department of Finance, the province had disbursed {amount} of "
            "public investment by the end of {period_s}, {pct} of the annual plan.",
        ),
        paragraphs=(
            (
                "Các dự án giao thông trọng điểm như đường vành đai, các cầu kết nối với Thành phố "
                "Hồ Chí Minh và đường tỉnh 830 có tỷ lệ giải ngân cao nhờ giải quyết dứt điểm vướng "
                "mắc mặt bằng.",
                "Key transport projects such as the ring road, the bridges to Ho Chi Minh City and "
                "Provincial Road 830 disbursed well after land clearance issues were resolved.",
            ),
            (
                "Một số dự án còn chậm do điều chỉnh thiết kế và thiếu vật liệu san lấp. Sở Tài "
                "chính đề xuất điều chuyển vốn từ các dự án giải ngân thấp sang các dự án có khối "
                "lượng hoàn thành lớn.",
                "Some projects are lagging because of design changes and a shortage of fill "
                "material. The Department proposes moving funds from slow projects to those with "
                "more completed work.",
            ),
            (
                "Ủy ban nhân dân tỉnh yêu cầu các chủ đầu tư lập kế hoạch giải ngân chi tiết theo "
                "từng tháng và chịu trách nhiệm nếu không đạt tiến độ.",
                "The Provincial People's Committee requires project owners to set monthly "
                "disbursement plans and answer for any shortfall.",
            ),
        ),
        heading=("Điều chuyển vốn cho dự án làm tốt", "Moving funds to projects that deliver"),
        quote=(
            "Giải ngân nhanh nhưng phải bảo đảm chất lượng công trình và đúng quy định.",
            "Disbursement must be fast, but the works must be of good quality and by the rules.",
        ),
        report_document=True,
        variants=(
            (
                "so-tc",
                {
                    "period": ("9 tháng", "9 months"),
                    "period_s": "September",
                    "pct": "68%",
                    "amount": ("6.850 tỷ đồng", "VND 6,850 billion"),
                },
            ),
            (
                "so-tc",
                {
                    "period": ("10 tháng", "10 months"),
                    "period_s": "October",
                    "pct": "74%",
                    "amount": ("7.420 tỷ đồng", "VND 7,420 billion"),
                },
            ),
            (
                "so-tc",
                {
                    "period": ("11 tháng", "11 months"),
                    "period_s": "November",
                    "pct": "83%",
                    "amount": ("8.310 tỷ đồng", "VND 8,310 billion"),
                },
            ),
        ),
    ),
    Story(
        key="cung-ung-dien",
        categories=("cong-nghiep",),
        tags=(("điện", "electricity"), ("năng lượng tái tạo", "renewable energy")),
        title=(
            "Bảo đảm cung ứng điện cho {target} {season}",
            "Securing electricity for {target} {season}",
        ),
        sapo=(
            "Sở Công Thương phối hợp với ngành điện triển khai các giải pháp bảo đảm cung ứng điện "
            "ổn định cho {target} {season}, khi công suất đỉnh dự báo khoảng {mw} MW.",
            "The Department of Industry and Trade is working with the power company to keep "
            "supply stable for {target} {season}, when peak demand is forecast at about {mw} MW.",
        ),
        paragraphs=(
            (
                "Ngành điện đã đóng điện hai trạm biến áp 110 kV mới và cải tạo nhiều tuyến trung "
                "thế, giúp giảm quá tải cục bộ ở các xã có nhiều nhà máy.",
                "The power company has energised two new 110 kV substations and upgraded several "
                "medium-voltage lines, easing local overloads in communes with many factories.",
            ),
            (
                "Sở Công Thương khuyến khích doanh nghiệp lắp đặt điện mặt trời mái nhà tự sản, tự "
                "tiêu và áp dụng các giải pháp sử dụng năng lượng tiết kiệm, hiệu quả.",
                "The Department encourages firms to install rooftop solar for their own use and "
                "to adopt energy efficiency measures.",
            ),
            (
                "Trường hợp phải điều chỉnh phụ tải, ngành điện sẽ thông báo trước ít nhất 5 ngày "
                "trên trang thông tin điện tử và qua ứng dụng chăm sóc khách hàng.",
                "If load has to be reduced, customers will be told at least five days in advance "
                "on the website and in the customer care app.",
            ),
        ),
        quote=(
            "Không để thiếu điện ảnh hưởng đến sản xuất và đời sống của người dân.",
            "We will not let power shortages disrupt production or people's lives.",
        ),
        variants=(
            (
                "so-ct",
                {
                    "target": ("các khu, cụm công nghiệp", "industrial parks and clusters"),
                    "season": ("mùa khô", "in the dry season"),
                    "mw": ("1.850", "1,850"),
                },
            ),
            (
                "so-ct",
                {
                    "target": ("sản xuất nông nghiệp", "farms"),
                    "season": ("vụ Đông Xuân", "in the winter-spring crop"),
                    "mw": ("1.620", "1,620"),
                },
            ),
            (
                "so-ct",
                {
                    "target": ("sinh hoạt của người dân", "households"),
                    "season": ("dịp Tết Nguyên đán", "over Lunar New Year"),
                    "mw": ("1.540", "1,540"),
                },
            ),
        ),
    ),
    Story(
        key="doan-doanh-nghiep",
        categories=("dau-tu",),
        tags=(("xúc tiến đầu tư", "investment promotion"), ("khu công nghiệp", "industrial parks")),
        title=(
            "Đoàn doanh nghiệp {country} tìm hiểu cơ hội đầu tư tại Long An",
            "{country} business delegation explores investment in Long An",
        ),
        sapo=(
            "Đoàn gồm {n} doanh nghiệp {country} hoạt động trong lĩnh vực {fields} đã làm việc "
            "với Ban Quản lý các Khu kinh tế và khảo sát một số khu công nghiệp.",
            "A delegation of {n} {country} companies in {fields} met the Economic Zones Authority "
            "and visited several industrial parks.",
        ),
        paragraphs=(
            (
                "Tại buổi làm việc, Ban Quản lý giới thiệu quỹ đất sạch sẵn sàng bàn giao, hạ tầng "
                "giao thông kết nối với cảng biển và chính sách ưu đãi đối với dự án công nghệ cao.",
                "The Authority presented land ready for handover, transport links to seaports and "
                "incentives for high-tech projects.",
            ),
            (
                "Các doanh nghiệp quan tâm đến nguồn nhân lực kỹ thuật, thời gian cấp phép và chi "
                "phí điện, nước. Đại diện các trường cao đẳng trên địa bàn cam kết phối hợp đào tạo "
                "theo đơn đặt hàng.",
                "The companies asked about skilled labour, licensing times and utility costs. "
                "Local colleges offered to run training tailored to employers' needs.",
            ),
            (
                "Sau chuyến khảo sát, một số doanh nghiệp đã đăng ký thuê nhà xưởng xây sẵn để rút "
                "ngắn thời gian đưa dự án vào sản xuất.",
                "After the visit, several companies signed up for ready-built factories to start "
                "production sooner.",
            ),
        ),
        quote=(
            "Chúng tôi hỗ trợ nhà đầu tư theo cơ chế một đầu mối, từ khảo sát đến khi nhà máy vận "
            "hành.",
            "We support investors through a single point of contact, from the first visit until "
            "the factory runs.",
        ),
        variants=(
            (
                "bql-kkt",
                {
                    "country": ("Nhật Bản", "Japanese"),
                    "n": 25,
                    "fields": (
                        "cơ khí chính xác, linh kiện ô tô và chế biến thực phẩm",
                        "precision engineering, car parts and food processing",
                    ),
                },
            ),
            (
                "portal",
                {
                    "country": ("Hàn Quốc", "Korean"),
                    "n": 30,
                    "fields": (
                        "điện tử, bao bì và logistics lạnh",
                        "electronics, packaging and cold-chain logistics",
                    ),
                },
            ),
            (
                "bql-kkt",
                {
                    "country": ("Đức", "German"),
                    "n": 12,
                    "fields": (
                        "năng lượng tái tạo, xử lý nước và thiết bị y tế",
                        "renewable energy, water treatment and medical devices",
                    ),
                },
            ),
        ),
    ),
    Story(
        key="binh-on-gia",
        categories=("thuong-mai", "xa-hoi"),
        tags=(("bình ổn thị trường", "price stabilisation"), ("người tiêu dùng", "consumers")),
        title=(
            "Chuẩn bị hàng hóa bình ổn thị trường {occasion}",
            "Goods stocked to keep prices stable {occasion}",
        ),
        sapo=(
            "Các doanh nghiệp tham gia chương trình bình ổn thị trường đã dự trữ lượng hàng hóa "
            "trị giá khoảng {value}, bán tại {points} điểm trên địa bàn tỉnh.",
            "Businesses in the price stabilisation programme have stocked goods worth about "
            "{value}, sold at {points} outlets across the province.",
        ),
        paragraphs=(
            (
                "Các mặt hàng bình ổn gồm gạo, thịt, trứng, rau củ, đường, dầu ăn và đồ dùng học "
                "tập, được bán thấp hơn giá thị trường từ 5 đến 10 phần trăm.",
                "The goods include rice, meat, eggs, vegetables, sugar, cooking oil and school "
                "supplies, priced 5 to 10 per cent below the market.",
            ),
            (
                "Sở Công Thương phối hợp với các xã, phường mở thêm điểm bán lưu động ở khu vực xa "
                "chợ và khu nhà trọ công nhân.",
                "The Department is working with communes and wards to open mobile sales points "
                "far from markets and near workers' lodgings.",
            ),
            (
                "Người dân phát hiện hành vi găm hàng, tăng giá bất hợp lý có thể phản ánh qua "
                "đường dây nóng của Sở hoặc trên Cổng thông tin điện tử tỉnh.",
                "Citizens who spot hoarding or unjustified price rises can report them on the "
                "Department's hotline or the provincial e-portal.",
            ),
        ),
        quote=(
            "Nguồn hàng dồi dào, giá cả ổn định là mục tiêu xuyên suốt của chương trình.",
            "Plenty of goods at stable prices is the programme's constant goal.",
        ),
        variants=(
            (
                "so-ct",
                {
                    "occasion": (
                        "dịp Tết Nguyên đán Đinh Mùi 2027",
                        "for the 2027 Lunar New Year",
                    ),
                    "value": ("1.250 tỷ đồng", "VND 1,250 billion"),
                    "points": 420,
                },
            ),
            (
                "portal",
                {
                    "occasion": ("mùa mưa bão", "through the storm season"),
                    "value": ("380 tỷ đồng", "VND 380 billion"),
                    "points": 260,
                },
            ),
            (
                "so-ct",
                {
                    "occasion": ("năm học mới", "for the new school year"),
                    "value": ("210 tỷ đồng", "VND 210 billion"),
                    "points": 180,
                },
            ),
        ),
    ),
]
