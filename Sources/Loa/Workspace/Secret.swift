/// A value read from the credentials file or the environment, which must never be printed.
///
/// Its description is a fixed mask, so that string interpolation, logging or a debugger dump cannot leak it.
/// Code that needs the value (signing, the Authorization header) asks for it by name with ``reveal()``.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    private let value: String

    public init(_ value: String) { self.value = value }

    /// The secret itself, for the one place that must use it.
    public func reveal() -> String { value }

    public var description: String { "••••••" }
    public var debugDescription: String { "Secret(••••••)" }
}
