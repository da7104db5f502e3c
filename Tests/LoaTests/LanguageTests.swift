import Foundation
import Testing

@testable import Loa

@Suite("Loa's own words in English and Vietnamese")
struct LanguageTests {
    @Test("every message has both languages, the same placeholders, and NFC Vietnamese", arguments: Message.allCases)
    func catalog(_ message: Message) {
        let entry = message.entry
        #expect(!entry.en.trimmingCharacters(in: .whitespaces).isEmpty, "\(message): no English")
        #expect(!entry.vi.trimmingCharacters(in: .whitespaces).isEmpty, "\(message): no Vietnamese")
        let placeholders = Message.placeholders(in: entry.en)
        for form in entry.forms {
            #expect(Message.placeholders(in: form) == placeholders, "\(message): \(form)")
        }
        #expect(entry.vi == entry.vi.precomposedStringWithCanonicalMapping, "\(message): Vietnamese not NFC")
        if entry.enOther != nil {
            #expect(placeholders.contains("n"), "\(message): a counted message names its count {n}")
        }
    }

    @Test("the statuses are the reports' words in Vietnamese")
    func statuses() {
        #expect(DeliveryStatus.awaitingConfirmation.vietnameseLabel == "Chờ xác nhận")
        #expect(DeliveryStatus.sent.vietnameseLabel == "Đã đăng")
        #expect(DeliveryStatus.missed.vietnameseLabel == "Lỡ giờ đăng")
        #expect(DeliveryStatus.awaitingConfirmation.message.text(in: .en) == "awaiting confirmation")
        #expect(Set(DeliveryStatus.allCases.map(\.vietnameseLabel)).count == DeliveryStatus.allCases.count)
    }

    @Test("placeholders are filled by name, once, in any order; counts pick the English plural")
    func filling() {
        #expect(
            Message.operatorLeft.text(in: .vi, ["id": "a", "channel": "{reason}", "reason": "r"])
                == "giữ nguyên a → {reason}: r"
        )
        #expect(Message.countError.count(1, in: .en) == "1 error")
        #expect(Message.countError.count(2, in: .en) == "2 errors")
        #expect(Message.countError.count(2, in: .vi) == "2 lỗi")
        #expect(Message.placeholders(in: "stats/{remote_id} {n} { } {}") == ["remote_id", "n"])
    }

    @Test("LOA_LANG and language: name vi or en, also as a locale")
    func choosing() throws {
        #expect(Language(written: "vi") == .vi)
        #expect(Language(written: "vi_VN.UTF-8") == .vi)
        #expect(Language(written: "EN-us") == .en)
        #expect(Language(written: "fr") == nil)
        #expect(Language.fromEnvironment([:]) == nil)
        #expect(Language.fromEnvironment(["LOA_LANG": " "]) == nil)
        #expect(try Language.fromEnvironment(["LOA_LANG": "vi"])?.get() == .vi)
        guard case .failure(let problem)? = Language.fromEnvironment(["LOA_LANG": "fr"]) else {
            Issue.record("fr accepted")
            return
        }
        #expect(problem.description == "LOA_LANG: 'fr' is not a language Loa speaks; expected vi or en")

        let folder = try TemporaryWorkspace()
        let file = folder.url("loa.yml")
        try "timezone: Asia/Ho_Chi_Minh\nlanguage: vi   # tiếng Việt\nchannels: {}\n".write(
            to: file,
            atomically: true,
            encoding: .utf8
        )
        #expect(Language.declared(inConfigFile: file) == .vi)
        try "channels:\n  a:\n    language: vi\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(Language.declared(inConfigFile: file) == nil, "only a top-level key counts")
        #expect(Language.declared(inConfigFile: folder.url("none.yml")) == nil)
    }

    @Test("loa init's files name the same settings in both languages, and say their language")
    func starterFiles() {
        let english = Dictionary(uniqueKeysWithValues: StarterWorkspace.files(in: .en).map { ($0.path, $0.text) })
        let vietnamese = Dictionary(uniqueKeysWithValues: StarterWorkspace.files(in: .vi).map { ($0.path, $0.text) })
        #expect(Set(english.keys) == Set(vietnamese.keys))
        let en = english["loa.yml"] ?? ""
        let vi = vietnamese["loa.yml"] ?? ""
        #expect(vi.contains("\nlanguage: vi ") && en.contains("\nlanguage: en "))
        #expect(ExampleConsistencyTests.channels(en) == ExampleConsistencyTests.channels(vi))
        #expect(ExampleConsistencyTests.variables(en) == ExampleConsistencyTests.variables(vi))
        let settings = { (text: String) in
            text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.contains("#") }
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(settings(en) == settings(vi))
        #expect(
            ExampleConsistencyTests.credentials(english["credentials.example"] ?? "").keys
                == ExampleConsistencyTests.credentials(vietnamese["credentials.example"] ?? "").keys
        )
        #expect(vi == vi.precomposedStringWithCanonicalMapping)
    }

    @Test("hashtags a platform drops are listed as written")
    func droppedHashtags() {
        let tags = ["Tuổi trẻ Cần Thơ", "tuoi tre can tho", "Đoàn Thanh niên", "Hè 2026", "!!!"]
        let kept = Renderer.hashtags(tags, limit: 2)
        #expect(kept == ["#TuoiTreCanTho", "#DoanThanhNien"])
        #expect(Renderer.droppedHashtags(tags, kept: kept) == ["Hè 2026", "!!!"])
        #expect(Renderer.droppedHashtags(tags, kept: Renderer.hashtags(tags, limit: 10)) == ["!!!"])
    }
}
