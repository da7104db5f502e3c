import Foundation

/// How often a post's figures are read, by its age: often while it is fresh, rarely later, then never.
///
/// The default reads hourly for the first 6 hours, every 3 hours to a day, every 12 hours to 3 days, daily
/// to a week, weekly to 30 days, then never. Each read that finds every figure unchanged doubles the wait
/// (up to 8×), since a post that has stopped moving needs fewer reads. loa.yml's `engagement_schedule`
/// replaces the steps: `"6h: 1h, 24h: 3h, 3d: 12h, 7d: 1d, 30d: 7d"`.
public struct EngagementSchedule: Sendable, Equatable {
    /// Until a post is `age` old, read it every `every`.
    public struct Step: Sendable, Equatable {
        public var age: TimeInterval
        public var every: TimeInterval
    }

    public var steps: [Step]

    public static let standard = EngagementSchedule(steps: [
        Step(age: 6 * 3600, every: 3600),
        Step(age: 24 * 3600, every: 3 * 3600),
        Step(age: 72 * 3600, every: 12 * 3600),
        Step(age: 7 * 86_400, every: 86_400),
        Step(age: 30 * 86_400, every: 7 * 86_400),
    ])

    /// The oldest age a step may name: a post is not read after a year.
    public static let longestAge: TimeInterval = 365 * 86_400

    /// Reads `"6h: 1h, 24h: 3h"`; nil when a step is malformed, the ages do not grow, or an age or interval is
    /// past ``longestAge``.
    public init?(_ text: String) {
        var steps: [Step] = []
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: ":")
            guard pieces.count == 2, let age = DurationText.parse(String(pieces[0])),
                let every = DurationText.parse(String(pieces[1])), every > 0, age > (steps.last?.age ?? 0),
                age <= Self.longestAge, every <= Self.longestAge
            else { return nil }
            steps.append(Step(age: age, every: every))
        }
        guard !steps.isEmpty else { return nil }
        self.steps = steps
    }

    public init(steps: [Step]) {
        self.steps = steps
    }

    /// Whether a post sent at `sentAt` is due for a read at `now`.
    public func isDue(sentAt: Date, lastRead: Date?, unchangedReads: Int, now: Date) -> Bool {
        let age = now.timeIntervalSince(sentAt)
        guard age >= 0, let step = steps.first(where: { age < $0.age }) else { return false }
        guard let lastRead else { return true }
        let backoff = Double(1 << min(max(unchangedReads, 0), 3))
        // A minute's slack, so a cron run a few seconds early still reads an hourly post.
        return now.timeIntervalSince(lastRead) >= step.every * backoff - 60
    }
}
