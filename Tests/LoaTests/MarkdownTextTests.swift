import Testing

@testable import Loa

@Suite("Markdown to plain text")
struct MarkdownTextTests {
    @Test(
        "markup goes, words stay",
        arguments: [
            ("# Kế hoạch số 215", "Kế hoạch số 215"),
            ("## Thời gian ##", "Thời gian"),
            ("Đoàn cơ sở **“3 chủ động”** năm 2026", "Đoàn cơ sở “3 chủ động” năm 2026"),
            ("__Chủ động__ và *sáng tạo* và _đoàn kết_", "Chủ động và sáng tạo và đoàn kết"),
            ("~~bỏ~~ giữ `mã`", "bỏ giữ mã"),
            ("- Đăng ký trước 15/12", "• Đăng ký trước 15/12"),
            ("* Mục hai", "• Mục hai"),
            ("  - Mục con", "  • Mục con"),
            ("1. Thứ nhất", "1. Thứ nhất"),
            ("2) Thứ hai", "2. Thứ hai"),
            ("> Trích dẫn lời Bác", "Trích dẫn lời Bác"),
            (
                "Xem [trang Thành đoàn](https://thanhdoancantho.example/a_b)",
                "Xem trang Thành đoàn (https://thanhdoancantho.example/a_b)"
            ),
            ("[https://x.example](https://x.example)", "https://x.example"),
            ("<https://x.example/a_b_c>", "https://x.example/a_b_c"),
            ("Ảnh: ![Kết nạp đoàn viên](images/a.jpg)", "Ảnh:"),
            ("https://x.example/snake_case_path và *nhấn*", "https://x.example/snake_case_path và nhấn"),
            ("2 * 3 * 4 = 24", "2 * 3 * 4 = 24"),
            ("tên_tệp_dài giữ nguyên", "tên_tệp_dài giữ nguyên"),
            ("\\*không nhấn\\*", "*không nhấn*"),
            ("---", ""),
        ]
    )
    func line(markdown: String, expected: String) {
        #expect(MarkdownText.plainText(markdown) == expected)
    }

    @Test("line breaks are kept as written, runs of blank lines become one, code blocks stay verbatim")
    func blocks() {
        let markdown = """
            # Tiêu đề

            Dòng một
            Dòng hai



            ```
            **không đổi**
            ```
            - a
            - b

            """
        #expect(
            MarkdownText.plainText(markdown, bullet: "-") == "Tiêu đề\n\nDòng một\nDòng hai\n\n**không đổi**\n- a\n- b"
        )
    }
}
