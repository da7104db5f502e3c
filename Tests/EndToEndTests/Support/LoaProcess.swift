import Foundation

/// Runs the built `loa` binary as a user would, and captures what it printed.
struct LoaProcess {
    struct Output {
        var status: Int32
        var standardOutput: String
        var standardError: String
        var all: String { standardOutput + standardError }
    }

    /// The repository's root, where the example workspace lives.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `loa` binary SwiftPM built beside this test bundle (or `$LOA_BINARY`).
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["LOA_BINARY"] { return URL(fileURLWithPath: path) }
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        var folder = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("loa"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/loa"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    /// Runs `loa` (or `executable`, such as `runuser` or a shell in front of it) with `arguments` in `directory`,
    /// with the environment cleared of Loa's variables.
    static func run(
        _ arguments: [String],
        in directory: URL,
        environment extra: [String: String] = [:],
        executable: URL? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("LOA_") }
        environment.merge(extra) { $1 }
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while the process runs, so a full pipe cannot block it.
        nonisolated(unsafe) var errorData = Data()
        let reader = Thread { errorData = error.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return Output(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }

    /// A copy of the shipped example workspace in a fresh temporary folder.
    static func copyOfExample() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loa-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for item in ["loa.yml", "queue", "templates", "credentials.example"] {
            try FileManager.default.copyItem(
                at: packageRoot.appendingPathComponent(item),
                to: folder.appendingPathComponent(item)
            )
        }
        return folder
    }
}
