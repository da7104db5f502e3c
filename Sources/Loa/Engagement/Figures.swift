import Foundation

/// Engagement figures as a bridge or an officer gives them: metric name → count.
///
/// Metrics are kept as rows under the name the bridge used, since platforms rename and retire metrics.
public enum Figures {
    /// Why an answer could not be used; nothing is stored from it.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case notJSON(String)
        case noFigures
        case negative(metric: String, value: String)
        case notWhole(metric: String, value: String)
        case tooLarge(metric: String, value: String)

        public var description: String {
            switch self {
            case .notJSON(let excerpt):
                Message.figuresNotJSON(["excerpt": excerpt.isEmpty ? Message.figuresEmptyAnswer() : excerpt])
            case .noFigures: Message.figuresNone()
            case .negative(let metric, let value): Message.figuresNegative(["metric": metric, "value": value])
            case .notWhole(let metric, let value): Message.figuresNotWhole(["metric": metric, "value": value])
            case .tooLarge(let metric, let value):
                Message.figuresTooLarge(["metric": metric, "value": value, "maximum": "\(Figures.maximum)"])
            }
        }
    }

    /// The largest figure Loa records (a trillion): no post is seen more often, and a million posts' figures still
    /// add up within `Int`.
    public static let maximum = 1_000_000_000_000

    /// The sum of figures, saturating at `Int.max` rather than trapping: figures recorded before they were bounded
    /// may be as large as an archive can hold.
    public static func sum(_ values: some Sequence<Int>) -> Int {
        var total = 0
        for value in values {
            let (sum, overflow) = total.addingReportingOverflow(value)
            total = overflow ? (value < 0 ? Int.min : Int.max) : sum
        }
        return total
    }

    /// The figures in a JSON answer such as `{"reactions": 12, "views": 480}`; other values are ignored.
    public static func parse(_ body: Data) -> Result<[String: Int], Problem> {
        guard let object = try? JSONDecoder().decode([String: Value].self, from: body) else {
            let excerpt = String(decoding: body.prefix(80), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            return .failure(.notJSON(excerpt))
        }
        var figures: [String: Int] = [:]
        for (key, value) in object {
            guard case .number(let number) = value else { continue }
            let text = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
            if number < 0 { return .failure(.negative(metric: key, value: text)) }
            guard number == number.rounded(), number < 1e15 else {
                return .failure(
                    number.isFinite && number >= 1e15
                        ? .tooLarge(metric: key, value: text) : .notWhole(metric: key, value: text)
                )
            }
            guard number <= Double(maximum) else { return .failure(.tooLarge(metric: key, value: text)) }
            figures[key] = Int(number)
        }
        return figures.isEmpty ? .failure(.noFigures) : .success(figures)
    }

    /// A JSON value, as far as figures care: a number, or anything else.
    private enum Value: Decodable {
        case number(Double)
        case other

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if (try? container.decode(Bool.self)) != nil {
                self = .other
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .other
            }
        }
    }

    /// Figures typed by an officer: `reactions=12 comments=3 views=1.250` (dots between thousands, as Vietnamese
    /// writes them).
    public static func parse(arguments: [String]) -> Result<[String: Int], ManualProblem> {
        var figures: [String: Int] = [:]
        for argument in arguments {
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, isMetricName(parts[0]) else { return .failure(.malformed(argument)) }
            guard let value = WrittenNumber.whole(parts[1]), (0...maximum).contains(value) else {
                return .failure(.badValue(argument))
            }
            figures[parts[0]] = value
        }
        return figures.isEmpty ? .failure(.empty) : .success(figures)
    }

    /// Why typed figures were refused.
    public enum ManualProblem: Error, Sendable, Equatable, CustomStringConvertible {
        case malformed(String)
        case badValue(String)
        case empty

        public var description: String {
            switch self {
            case .malformed(let text): Message.figuresMalformed(["text": text])
            case .badValue(let text): Message.figuresBadValue(["text": text, "maximum": "\(Figures.maximum)"])
            case .empty: Message.figuresNotGiven()
            }
        }
    }

    static func isMetricName(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0))
            }
    }

    /// The usual metrics first, in the order reports show them, then the rest by name.
    public static func ordered(_ metrics: some Sequence<String>) -> [String] {
        let known = ["reactions", "comments", "shares", "views"]
        let names = Set(metrics)
        return known.filter(names.contains) + names.subtracting(known).sorted()
    }

    /// The Vietnamese column heading of a metric.
    public static func label(_ metric: String) -> String {
        switch metric {
        case "reactions": "Cảm xúc"
        case "comments": "Bình luận"
        case "shares": "Chia sẻ"
        case "views": "Lượt xem"
        default: metric
        }
    }
}
