import ArgumentParser

/// The exit codes the README documents.
enum ExitStatus {
    static let success: Int32 = 0
    /// A delivery failed for good or became unconfirmed, a channel stopped for its token, or a queue file was rejected.
    static let rejected: Int32 = 1
    /// Bad usage or configuration.
    static let usage: Int32 = 2

    static func code(_ value: Int32) -> ExitCode { ExitCode(value) }
}
