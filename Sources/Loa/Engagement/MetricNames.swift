/// The names of engagement metrics an officer types in `loa engagement record`, checked against the ones known,
/// so that `likes=12` does not start a metric of its own beside `reactions`.
public enum MetricNames {
    /// The metrics every platform's report shows, in their order.
    public static let standard = ["reactions", "comments", "shares", "views"]

    /// Words officers use for a standard metric, in English and in Vietnamese without diacritics.
    static let synonyms: [String: String] = [
        "like": "reactions", "likes": "reactions", "reaction": "reactions", "thich": "reactions",
        "luot_thich": "reactions", "luotthich": "reactions", "tuong_tac": "reactions", "cam_xuc": "reactions",
        "comment": "comments", "binh_luan": "comments", "binhluan": "comments",
        "share": "shares", "chia_se": "shares", "chiase": "shares",
        "view": "views", "xem": "views", "luot_xem": "views", "luotxem": "views", "reach": "views",
    ]

    /// Why `name` may not be recorded without `--new-metric`, with the name probably meant; nil when `name` is one
    /// of `known` (the standard metrics and any recorded before).
    public static func problem(with name: String, known: [String]) -> String? {
        if known.contains(name) { return nil }
        let lowered = name.lowercased()
        if known.contains(lowered) {
            return Message.metricLowercase(["name": name, "meant": lowered])
        }
        let meant = synonyms[VietnameseText.folded(lowered)].flatMap { known.contains($0) ? $0 : nil }
        let message =
            meant.map { Message.metricSynonym(["name": name, "meant": $0]) }
            ?? Suggestion.unknown(.kindMetric, name, among: known)
        return message + Message.metricAddNew()
    }
}
