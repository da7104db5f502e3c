import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `scripts/setup`, the README's first step on a fresh machine, run against stand-ins for `dpkg` and `apt-get`
/// (the real ones would change the machine): it installs exactly what is missing, and nothing when nothing is.
@Suite("scripts/setup installs what a fresh machine lacks")
struct SetupScriptTests {
    /// A folder of stand-ins: `dpkg-query` knows the packages in `installed`, and those in `removed` as removed
    /// with their configuration kept; `apt-get` logs its arguments.
    final class Stand: @unchecked Sendable {
        let folder: URL
        var log: URL { folder.appendingPathComponent("apt.log") }

        init(installed: [String], removed: [String] = []) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("loa-setup-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let known = installed.joined(separator: " ")
            let gone = removed.joined(separator: " ")
            try write("dpkg", "exit 0")
            try write(
                "dpkg-query",
                """
                for p in \(known); do [ "$3" = "$p" ] && printf 'install ok installed' && exit 0; done
                for p in \(gone); do [ "$3" = "$p" ] && printf 'deinstall ok config-files' && exit 0; done
                exit 1
                """
            )
            try write("apt-get", "echo \"apt-get $*\" >> '\(log.path)'")
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        private func write(_ name: String, _ body: String) throws {
            let file = folder.appendingPathComponent(name)
            try Data("#!/usr/bin/env bash\n\(body)\n".utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        }

        func run(_ arguments: [String]) throws -> LoaProcess.Output {
            let path = folder.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            return try LoaProcess.run(
                ["scripts/setup"] + arguments,
                in: LoaProcess.packageRoot,
                environment: ["PATH": path],
                executable: URL(fileURLWithPath: "/bin/bash")
            )
        }

        var aptCalls: [String] {
            ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
    }

    @Test("a machine without libcurl's headers gets them; with --tests also Chromium and fonts")
    func installsMissing() throws {
        guard getuid() == 0 else { return }  // as another account it would ask sudo; the root path is tested here
        let fresh = try Stand(installed: [
            "fonts-noto-core", "python3-openpyxl", "libreoffice-calc-nogui", "poppler-utils", "postgresql",
        ])
        let check = try fresh.run(["--tests", "--check"])
        #expect(check.status == 1 && check.standardOutput == "missing: libcurl4-openssl-dev chromium\n")
        #expect(fresh.aptCalls.isEmpty, "--check installs nothing")
        let setup = try fresh.run([])
        #expect(setup.status == 0, "\(setup.all)")
        #expect(fresh.aptCalls == ["apt-get update -qq", "apt-get install -y -qq libcurl4-openssl-dev"])
    }

    @Test("a package removed with its configuration kept is missing, and installed again")
    func removedIsMissing() throws {
        guard getuid() == 0 else { return }
        let stand = try Stand(
            installed: [
                "libcurl4-openssl-dev", "chromium", "fonts-noto-core", "python3-openpyxl", "poppler-utils",
                "postgresql",
            ],
            removed: ["libreoffice-calc-nogui"]
        )
        let check = try stand.run(["--tests", "--check"])
        #expect(check.status == 1 && check.standardOutput == "missing: libreoffice-calc-nogui\n", "\(check.all)")
    }

    @Test("nothing missing: nothing run, nothing printed")
    func nothingMissing() throws {
        let ready = try Stand(
            installed: [
                "libcurl4-openssl-dev", "chromium", "fonts-noto-core", "python3-openpyxl", "libreoffice-calc-nogui",
                "poppler-utils", "postgresql",
            ]
        )
        let setup = try ready.run(["--tests"])
        #expect(setup.status == 0 && setup.all.isEmpty, "\(setup.all)")
        #expect(ready.aptCalls.isEmpty)
    }

    @Test("--tests wants PostgreSQL's server, for the archive's tests; found installed, asked for when missing")
    func postgresql() throws {
        let without = try Stand(installed: [
            "libcurl4-openssl-dev", "chromium", "fonts-noto-core", "python3-openpyxl", "libreoffice-calc-nogui",
            "poppler-utils",
        ])
        let check = try without.run(["--tests", "--check"])
        #expect(check.status == 1 && check.standardOutput == "missing: postgresql\n", "\(check.all)")
        // Building and running Loa does not need it.
        #expect(try without.run(["--check"]).status == 0)
    }

    @Test(
        "on this machine, the real dpkg: an installed postgresql is not reported missing",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dpkg-query"))
    )
    func realDetection() throws {
        let query = try LoaProcess.run(
            ["-W", "-f=${Status}", "postgresql"],
            in: LoaProcess.packageRoot,
            environment: [:],
            executable: URL(fileURLWithPath: "/usr/bin/dpkg-query")
        )
        let installed = query.standardOutput == "install ok installed"
        let check = try LoaProcess.run(
            ["scripts/setup", "--tests", "--check"],
            in: LoaProcess.packageRoot,
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
            executable: URL(fileURLWithPath: "/bin/bash")
        )
        #expect(check.standardOutput.contains("postgresql") == !installed, "\(check.all)")
    }
}
