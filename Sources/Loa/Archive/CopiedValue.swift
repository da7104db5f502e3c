import Foundation

/// One value of a row `loa archive copy` moves, as both stores can keep it.
enum CopiedValue: Sendable, Equatable {
    case null
    case text(String)
    case integer(Int64)
    case real(Double)
    /// Microseconds since 1970, UTC: PostgreSQL's precision. The SQLite archive keeps milliseconds.
    case time(Int64)
    /// JSON text as the source holds it; written so, and compared in ``canonicalJSON(_:)``'s form.
    case json(String)
    case flag(Bool)

    /// Whole milliseconds of a time in microseconds, rounded down (also before 1970).
    static func milliseconds(_ microseconds: Int64) -> Int64 {
        microseconds >= 0 ? microseconds / 1000 : (microseconds - 999) / 1000
    }

    /// JSON text in one form, keys sorted and no spaces, to compare what `jsonb` and SQLite's JSON functions
    /// write differently for the same value; the text as it is when it is not JSON.
    static func canonicalJSON(_ text: String) -> String {
        guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]),
            let data = try? JSONSerialization.data(
                withJSONObject: value,
                options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed]
            )
        else { return text }
        return String(decoding: data, as: UTF8.self)
    }
}
