import Foundation

/// One problem found in a user's file, with enough context for a person to fix it.
///
/// A diagnostic names the file, the line and the field, and says what was expected. It never carries a
/// secret's value: messages are built from key names and the text as written in the file.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// Which part of the workspace a diagnostic belongs to; it decides the exit code of `loa check`.
    public enum Area: String, Sendable, Hashable {
        /// loa.yml, credentials and templates: exit code 2.
        case configuration
        /// A file in the queue: exit code 1.
        case queue
    }

    public var severity: Severity
    public var area: Area
    /// The file as the user would type it, relative to the workspace when possible.
    public var file: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The field, as a dotted path (`channels.fb-thanhdoan.secret`), when the problem has one.
    public var field: String?
    /// What is wrong and what was expected.
    public var message: String
    /// A suggestion the person can act on, when there is one.
    public var hint: String?

    public init(
        _ severity: Severity = .error,
        area: Area,
        file: String,
        line: Int? = nil,
        field: String? = nil,
        message: String,
        hint: String? = nil
    ) {
        self.severity = severity
        self.area = area
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        self.hint = hint
    }

    /// `file:line: severity: field: message (hint)`, the form compilers use, so editors can jump to it.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": \(severity.rawValue): "
        if let field { text += "\(field): " }
        text += message
        if let hint { text += "\n    \(Message.diagHint()): \(hint)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// The diagnostics in file and line order, so a report reads top to bottom.
    public func sortedForReport() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            if a.file != b.file { return a.file < b.file }
            if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
