"""The agency-name model (segment.py) on sentences of the development corpus: where a name the
gazetteer lacks begins and ends. Each case is a sentence as printed and the bodies it names,
written by reading it."""

from __future__ import annotations

import pytest

from vnplan.normalize import find_agencies

BOUNDARIES = [
    # a head followed by a lower-case word is the head alone: it refers back to a body
    ("Hội đồng họp xem xét, bỏ phiếu bình xét các danh hiệu thi đua", []),
    ("Trung tâm kính trình UBND tỉnh xem xét, chỉ đạo", ["UBND tỉnh"]),
    ("Ban Chấp hành gồm: 25 thành viên", []),
    # a place, "Việt Nam" or another proper name closes a name
    ("Chỉ đạo Cục Đăng kiểm Việt Nam khẩn trương ban hành văn bản",
     ["Cục Đăng kiểm Việt Nam"]),
    ("tuyên truyền tại Trường Đại học Đà Lạt 22 lượt cho hơn 6000 sinh viên",
     ["Trường Đại học Đà Lạt"]),
    ("Thành lập Hội đồng An toàn, vệ sinh lao động tỉnh Lâm Đồng gồm các ông, bà có tên sau",
     ["Hội đồng An toàn, vệ sinh lao động tỉnh Lâm Đồng"]),
    ("Công ty TNHH MTV Vietquartz Yên Bái và xử lý dứt điểm việc chồng lấn ranh giới", []),
    ("Ban Quản lý Vườn Quốc gia Tà Đùng; Trường Cao đẳng Cộng đồng Đắk Nông",
     ["Ban Quản lý Vườn Quốc gia Tà Đùng", "Trường Cao đẳng Cộng đồng Đắk Nông"]),
    # a comma joins the fields of one name only when "và" or the scope closes them again
    ("hình thành Trung tâm ĐMST quốc gia khu vực Nam Trung bộ và Tây Nguyên, đóng vai trò là "
     "đầu mối", ["Trung tâm ĐMST quốc gia khu vực Nam Trung bộ và Tây Nguyên"]),
    ("các cơ sở đào tạo trên địa bàn (Trường Cao đẳng nghề, Phân hiệu Đại học Thái Nguyên tại "
     "Lào Cai)", ["Trường Cao đẳng nghề"]),
    ("Chi cục Chất lượng, Chế biến và Phát triển thị trường",
     ["Chi cục Chất lượng, Chế biến và Phát triển thị trường"]),
    # the field a name is about
    ("gửi báo cáo về Công an tỉnh (qua Phòng Cảnh sát điều tra tội phạm về ma túy và file "
     "Word theo địa chỉ", ["Công an tỉnh", "Phòng Cảnh sát điều tra tội phạm về ma túy"]),
    # a unit named by its code or its number
    ("Công an tỉnh đã chỉ đạo Phòng PC04 trực tiếp kiểm tra", ["Công an tỉnh", "Phòng PC04"]),
    ("- Ban Chỉ đạo 138 tỉnh ban hành Quyết định số 1450/QĐ-UBND", ["Ban Chỉ đạo 138 tỉnh"]),
    ("- Đề nghị Bộ Tư lệnh Vùng Cảnh sát biển 3 tham mưu triển khai thực hiện",
     ["Bộ Tư lệnh Vùng Cảnh sát biển 3"]),
    ("Ban QLDA ĐTXD số 1 hoàn thành đường trục chính trong năm 2026",
     ["Ban QLDA ĐTXD số 1"]),
    # heads that hold their field already (Nghị định 15/2021/NĐ-CP)
    ("Đề nghị Ban QLDA ĐTXD công trình giao thông tỉnh hoàn thành tuyến IC18 trước tháng 6/2027",
     ["Ban QLDA ĐTXD công trình giao thông tỉnh"]),
    ("trước đây do Ban Quản lý dự án đầu tư xây dựng khu vực Trấn Yên làm chủ đầu tư",
     ["Ban Quản lý dự án đầu tư xây dựng khu vực Trấn Yên"]),
    # a person after a title, a place after a common noun
    ("- Ủy viên chuyên trách Ban Chỉ đạo Trung ương về phát triển khoa học công nghệ, đổi mới "
     "sáng tạo và chuyển đổi số Nguyễn Huy Dũng;",
     ["Ban Chỉ đạo Trung ương về phát triển khoa học công nghệ, đổi mới sáng tạo và chuyển đổi "
      "số"]),
    ("Ban Quản lý Khu du lịch quốc gia Hồ Tuyền Lâm; Trung tâm",
     ["Ban Quản lý Khu du lịch quốc gia Hồ Tuyền Lâm"]),
    # a title that shares its head with the body it names
    ("Bà: Nông Thị Quỳnh Hoa - Trưởng phòng Quản lý đất đai.", ["phòng Quản lý đất đai"]),
    ("Ông Phạm Quang Ân, Trưởng Phòng NN&PTNT huyện Tuy Phước, cho biết",
     ["Phòng NN&PTNT huyện Tuy Phước"]),
    ("Ông Nguyễn Văn An, Phó phòng Kế hoạch Tài chính, làm việc với Trung Quốc",
     ["phòng Kế hoạch Tài chính"]),  # "Trung" begins no head here: "phòng" does, in lower case
    # capitalised words that begin a head elsewhere ("Trung tâm", "Bảo tàng") and none here
    ("Tổ chức giao lưu văn hóa với Trung Quốc; Bảo vệ di sản văn hóa", []),
    # the tagger's own spelling ("Hóa") does not hide the word as written ("Hoá")
    ("- Cục Hoá chất;", ["Cục Hoá chất"]),
    # a head after a unit word begins a place's name
    ("Xã Hồng Thái; Xã Đắk Wil; Xã Trường Xuân; Xã Nhân Cơ", []),
    # a verb the tagger glues to the word before it still ends the name
    ("98 Trung tâm Phục vụ hành chính công trang bị Camera theo dõi bộ phận một cửa",
     ["Trung tâm Phục vụ hành chính công"]),
    # a heading in capitals: no capital tells where a name ends
    ("HỘI ĐỒNG NHÂN DÂN BẦU, MIỄN NHIỆM, BÃI NHIỆM CHỦ TỊCH", []),
]


@pytest.mark.parametrize(("text", "names"), BOUNDARIES)
def test_where_a_name_the_gazetteer_lacks_ends(text: str, names: list[str]) -> None:
    assert find_agencies(text) == names
