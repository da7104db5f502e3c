import Foundation
import Testing

/// The built `loa` binary on real workspaces, checked by what a user sees: output, messages and exit codes.
@Suite("loa init, check and preview, end to end")
struct CheckAndPreviewTests {
    @Test("loa check on the shipped example is clean and exits 0")
    func checkExample() throws {
        let output = try LoaProcess.run(["check"], in: LoaProcess.packageRoot)
        #expect(output.status == 0, "\(output.all)")
        #expect(output.standardOutput == "7 queue files: 6 ready, 1 draft; 0 errors, 0 warnings\n")
        #expect(output.standardError.isEmpty)
    }

    @Test("loa run on a copy of the shipped example does the whole job with no network")
    func runExample() throws {
        let folder = try LoaProcess.copyOfExample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try LoaProcess.run(["run", "--verbose", "--now", "2026-12-01T09:00:00+07:00"], in: folder)
        #expect(run.status == 0, "\(run.all)")
        #expect(run.standardOutput.contains("10 written to the outbox"))
        let outbox = folder.appendingPathComponent("outbox")
        let facebook = try FileManager.default.contentsOfDirectory(
            atPath: outbox.appendingPathComponent("fb-thanhdoan").path
        )
        let zalo = try FileManager.default.contentsOfDirectory(
            atPath: outbox.appendingPathComponent("zalo-doan-phuong").path
        )
        #expect(facebook.count == 5)
        #expect(zalo.count == 5)
        let status = try LoaProcess.run(["status"], in: folder)
        #expect(status.standardOutput.contains("awaiting confirmation"))
        #expect(status.standardOutput.contains("2026-12-03-huong-dan-dai-hoi-chi-doan  1    fb-thanhdoan      pending"))
        let again = try LoaProcess.run(["run", "--now", "2026-12-01T09:05:00+07:00"], in: folder)
        #expect(again.status == 0)
        #expect(again.all.isEmpty)
    }

    @Test("loa preview prints each channel's variant with its length against the limit")
    func previewExample() throws {
        let output = try LoaProcess.run(["preview", "2026-12-05-ca-phe-thanh-nien"], in: LoaProcess.packageRoot)
        #expect(output.status == 0, "\(output.all)")
        let text = output.standardOutput
        #expect(text.contains("── fb-thanhdoan · facebook · outbox · "))
        #expect(text.contains("/63206 characters\n📢 Mô hình “Cà phê thanh niên”"))
        #expect(text.contains("── zalo-doan-phuong · zalo · outbox · "))
        #expect(text.contains("/2000 characters · cut to fit\n[Mô hình hay – Cách làm hiệu quả]"))
        #expect(text.contains("… Xem thêm: https://thanhdoancantho.example/mo-hinh/ca-phe-thanh-nien-an-hoa"))
        #expect(text.contains("#MoHinhHay #CachLamHieuQua #TuoiTreCanTho #NinhKieu"))
    }

    @Test("loa preview --json, by file path, of the NFD file: NFC text and honest lengths")
    func previewJSON() throws {
        let output = try LoaProcess.run(
            ["preview", "queue/2026-12-08-vuon-uom-cay-giong.md", "--channel", "zalo-*", "--json"],
            in: LoaProcess.packageRoot
        )
        #expect(output.status == 0, "\(output.all)")
        struct Variant: Decodable {
            var announcement, channel, platform, transport, text, template: String
            var length, limit: Int
            var truncated: Bool
            var hashtags: [String]
        }
        let variants = try JSONDecoder().decode([Variant].self, from: Data(output.standardOutput.utf8))
        let variant = try #require(variants.first)
        #expect(variants.count == 1)
        #expect(variant.announcement == "2026-12-08-vuon-uom-cay-giong")
        #expect(variant.channel == "zalo-doan-phuong")
        #expect(variant.length == variant.text.unicodeScalars.count)
        #expect(Array(variant.text.utf8) == Array(variant.text.precomposedStringWithCanonicalMapping.utf8))
        #expect(variant.text.hasPrefix("[Mô hình hay – Cách làm hiệu quả] Đoàn xã Mỹ Khánh nhân rộng"))
        #expect(variant.hashtags == ["#ThanhNienNongThon", "#KhoiNghiep", "#PhongDien"])
    }

    @Test("a broken queue file: every problem by file and line, exit 1, the other files still checked")
    func brokenQueue() throws {
        let folder = try LoaProcess.copyOfExample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = """
            ---
            title: Tin lỗi
            category: activity-new
            unit: Đoàn phường An Hòa
            publish_at: 12/31/2026 08:00
            chanels: [fb-thanhdoan]
            ---
            Thaønh ñoaøn Caàn Thô toå chöùc ngaøy hoäi
            """
        try Data(broken.utf8).write(to: folder.appendingPathComponent("queue/2026-12-20-loi.md"))
        let output = try LoaProcess.run(["check"], in: folder)
        #expect(output.status == 1)
        let lines = output.standardOutput.split(separator: "\n").map(String.init)
        #expect(
            lines.contains { $0.hasPrefix("queue/2026-12-20-loi.md:3: error: category: 'activity-new' is not one of") }
        )
        #expect(
            lines.contains {
                $0.hasPrefix("queue/2026-12-20-loi.md:5: error: publish_at: '12/31/2026 08:00' has no such month")
            }
        )
        #expect(
            lines.contains { $0 == "queue/2026-12-20-loi.md:6: error: chanels: unknown key (did you mean 'channels'?)" }
        )
        #expect(lines.contains { $0.hasPrefix("queue/2026-12-20-loi.md:8: error: body: is not readable Vietnamese") })
        #expect(lines.contains { $0.contains("hint: the text looks like VNI") })
        #expect(lines.last == "8 queue files: 6 ready, 1 draft; 4 errors, 0 warnings")
    }

    @Test("a broken loa.yml exits 2 and never shows a secret's value")
    func brokenConfiguration() throws {
        let folder = try LoaProcess.copyOfExample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = "whsec_bm90IGEgcmVhbCBzZWNyZXQgYnV0IGNsb3Nl"
        let token = "tok-super-secret-bridge-token-4242"
        var config = try String(contentsOf: folder.appendingPathComponent("loa.yml"), encoding: .utf8)
        config += """

              fb-bridge:
                platform: facebook
                transport: webhook
                url: ftp://bridge.example.org/${BRIDGE_TOKEN}
                secret: ${FB_SECRET}
                token: ${BRIDGE_TOKEN}
                timeot: 15s
            """
        try Data(config.utf8).write(to: folder.appendingPathComponent("loa.yml"))
        try Data("FB_SECRET=\(secret)x!\n".utf8).write(to: folder.appendingPathComponent("credentials"))
        let output = try LoaProcess.run(["check"], in: folder, environment: ["BRIDGE_TOKEN": token])
        #expect(output.status == 2)
        let lines = config.split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ start: String) -> Int { (lines.firstIndex { $0.hasPrefix("    \(start)") } ?? -2) + 1 }
        #expect(
            output.all.contains(
                "loa.yml:\(line("url:")): error: channels.fb-bridge.url: is not an http(s) URL with a host"
            )
        )
        #expect(
            output.all.contains("loa.yml:\(line("secret:")): error: channels.fb-bridge.secret: is not a signing secret")
        )
        #expect(
            output.all.contains(
                "loa.yml:\(line("timeot:")): error: channels.fb-bridge.timeot: unknown key (did you mean 'timeout'?)"
            )
        )
        #expect(output.all.contains("credentials: warning: is readable by others"))
        #expect(!output.all.contains(token))
        #expect(!output.all.contains("bm90IGEgcmVhbCBzZWNyZXQ"))
        // Preview refuses a workspace whose configuration is broken, with the same exit code.
        let preview = try LoaProcess.run(
            ["preview", "2026-12-10-chu-nhat-xanh"],
            in: folder,
            environment: ["BRIDGE_TOKEN": token]
        )
        #expect(preview.status == 2)
        #expect(!preview.all.contains(token))
    }

    @Test("bad usage exits 2 with a message; --help and --version exit 0")
    func usage() throws {
        let unknown = try LoaProcess.run(["check", "--bogus"], in: LoaProcess.packageRoot)
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("Unknown option '--bogus'"))
        let missing = try LoaProcess.run(["preview", "khong-co-bai-nay"], in: LoaProcess.packageRoot)
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("no announcement 'khong-co-bai-nay' in queue"))
        let help = try LoaProcess.run(["--help"], in: LoaProcess.packageRoot)
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("check"))
        let version = try LoaProcess.run(["--version"], in: LoaProcess.packageRoot)
        #expect(version.status == 0)
        #expect(version.standardOutput == "0.1.0\n")
        let noConfig = try LoaProcess.run(["check", "--config", "/nonexistent/loa.yml"], in: LoaProcess.packageRoot)
        #expect(noConfig.status == 2)
        #expect(noConfig.standardOutput.contains("no such file"))
    }

    @Test("--config and $LOA_CONFIG choose the workspace")
    func configLocation() throws {
        let elsewhere = FileManager.default.temporaryDirectory
        let viaOption = try LoaProcess.run(
            ["check", "--config", LoaProcess.packageRoot.appendingPathComponent("loa.yml").path],
            in: elsewhere
        )
        #expect(viaOption.status == 0, "\(viaOption.all)")
        let viaEnvironment = try LoaProcess.run(
            ["check"],
            in: elsewhere,
            environment: ["LOA_CONFIG": LoaProcess.packageRoot.appendingPathComponent("loa.yml").path]
        )
        #expect(viaEnvironment.status == 0, "\(viaEnvironment.all)")
    }

    @Test("loa init writes a starter workspace that checks clean, and keeps existing files")
    func initWorkspace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("loa-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try LoaProcess.run(
            ["init", folder.path],
            in: FileManager.default.temporaryDirectory,
            environment: ["LOA_LANG": "en"]
        )
        #expect(first.status == 0)
        #expect(first.standardOutput.contains("wrote  \(folder.path)/loa.yml"))
        #expect(first.standardOutput.contains("wrote  \(folder.path)/templates/zalo.mustache"))
        let check = try LoaProcess.run(["check"], in: folder)
        #expect(check.status == 0, "\(check.all)")
        #expect(check.standardOutput == "1 queue file: 0 ready, 1 draft; 0 errors, 0 warnings\n")
        let second = try LoaProcess.run(["init"], in: folder, environment: ["LOA_LANG": "en"])
        #expect(second.status == 0)
        #expect(second.standardOutput.contains("kept   loa.yml (already exists)"))
        #expect(!second.standardOutput.contains("wrote"))
    }
}
