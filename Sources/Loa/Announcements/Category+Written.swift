extension Category {
    /// A category as an officer writes it: its id (`activity-news`) or its Vietnamese label, with or without
    /// diacritics, in any case, with any dash or none (`Văn bản – Chính sách`, `van ban - chinh sach`,
    /// `Mô hình hay—Cách làm hiệu quả`, `tin hoat dong`), NFC or NFD.
    public init?(written text: String) {
        let key = Self.key(text)
        guard let found = Self.allCases.first(where: { Self.key($0.rawValue) == key || Self.key($0.label) == key })
        else {
            return nil
        }
        self = found
    }

    /// Every way of writing the categories that ``init(written:)`` names in its messages: ids, then labels.
    public static var writtenNames: [String] { allCases.map(\.rawValue) + allCases.map(\.label) }

    /// Lowercase, without diacritics, letters and digits only: dashes of any kind and spaces do not count.
    private static func key(_ text: String) -> String {
        String(VietnameseText.folded(text).lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
