import Foundation
import Testing

@testable import Loa

/// The words of `loa engagement`, `export`, `import`, `sink`, the operator refusals and "did you mean".
@Suite("Loa's own words: engagement, export, import, sink, refusals")
struct CommandWordsTests {
    @Test("export's and import's counted lines take the English plural and the reports' lượt đăng")
    func countedLines() {
        #expect(Message.exportWrote.count(1, ["path": "a.csv"], in: .en) == "wrote a.csv: 1 delivery")
        #expect(Message.exportWrote.count(3, ["path": "a.csv"], in: .en) == "wrote a.csv: 3 deliveries")
        #expect(Message.exportWrote.count(3, ["path": "a.csv"], in: .vi) == "đã ghi a.csv: 3 lượt đăng")
        let values = ["file": "p.jsonl", "units": "Đoàn phường An Hòa", "parts": "2 new"]
        #expect(Message.importLine.count(2, values, in: .en) == "p.jsonl: 2 deliveries of Đoàn phường An Hòa (2 new)")
        #expect(
            Message.importLine.count(2, values, in: .vi) == "p.jsonl: 2 lượt đăng của Đoàn phường An Hòa (2 new)"
        )
        #expect(Message.engagementUnusable.count(1, in: .en) == ", 1 answer unusable")
        #expect(Message.engagementUnusable.count(2, in: .en) == ", 2 answers unusable")
        #expect(Message.engagementUnusable.count(2, in: .vi) == ", 2 câu trả lời không dùng được")
    }

    @Test("'did you mean' names the kind of thing and the place in the language")
    func suggestions() {
        let values = ["kind": Message.kindChannel.text(in: .vi), "word": "Zalo-nhom", "place": " trong loa.yml"]
        #expect(
            Message.suggestionNoSuch.text(in: .vi, values)
                + Message.suggestionDidYouMean.text(in: .vi, ["word": "zalo-nhom"])
                == "không có kênh 'Zalo-nhom' trong loa.yml (có phải ý bạn là 'zalo-nhom'?)"
        )
        // English stays as every command and test has known it.
        #expect(Suggestion.didYouMean("zalo-nhon", among: ["zalo-nhom"]) == " (did you mean 'zalo-nhom'?)")
        #expect(Suggestion.unknown(.kindMetric, "clicks", among: []) == "there is no metric 'clicks'")
        let many = (1...13).map { "kenh-\($0)" }
        #expect(
            Suggestion.unknown(.kindChannel, "x", among: many) == "there is no channel 'x' (known: see `loa check`)"
        )
    }

    @Test("refusals keep their English and use the statuses' Vietnamese")
    func refusals() {
        #expect(
            Message.refusalConfirmedAlready.text(in: .en, ["where": "https://zalo.me/p/1"])
                == "it was confirmed already (https://zalo.me/p/1); `loa confirm --undo` first to correct it"
        )
        #expect(
            Message.ledgerNotPosted.text(in: .vi, ["status": DeliveryStatus.pending.vietnameseLabel])
                == "bài đang ở trạng thái Chờ đăng, chưa đăng; chỉ ghi số liệu cho bài đã đăng"
        )
        #expect(Figures.Problem.notJSON("").description == "the answer is not a JSON object: (empty)")
        #expect(
            Message.sinkListening.text(
                in: .vi,
                ["port": "8080", "verifying": Message.sinkVerifying.text(in: .vi), "log": "l.jsonl", "images": "i"]
            ) == "đang nghe ở http://127.0.0.1:8080 (có kiểm chữ ký, nhật ký: l.jsonl, ảnh: i)"
        )
    }
}

@Suite("Loa's own words: loa check's diagnostics")
struct DiagnosticWordsTests {
    @Test("the diagnostics' English is unchanged and the Vietnamese reads as an officer writes")
    func diagnostics() {
        #expect(
            DateTimeParser.Failure.outOfRange("32/12/2026 08:00", component: "day").description
                == "'32/12/2026 08:00' has no such day; dates are written day first (dd/MM/yyyy), never month first"
        )
        #expect(
            Message.dateOutOfRange.text(in: .vi, ["text": "12/31/2026", "component": Message.dateDay.text(in: .vi)])
                == "'12/31/2026' có ngày không hợp lệ; ngày viết theo thứ tự ngày trước (dd/MM/yyyy), không viết "
                + "tháng trước"
        )
        #expect(
            Message.diagWebhookSecretHint.text(in: .en, ["name": "LOA_FB_SECRET"])
                == "add `secret: ${LOA_FB_SECRET}` and put the whsec_… value in the credentials file"
        )
        #expect(
            Message.diagWebhookSecretHint.text(in: .vi, ["name": "LOA_FB_SECRET"])
                == "thêm `secret: ${LOA_FB_SECRET}` rồi ghi giá trị whsec_… vào tệp credentials"
        )
        let diagnostic = Diagnostic(
            area: .queue,
            file: "queue/a.md",
            line: 2,
            field: "titel",
            message: "unknown key",
            hint: "known keys: id"
        )
        #expect(diagnostic.description == "queue/a.md:2: error: titel: unknown key\n    hint: known keys: id")
        #expect(Message.diagHint.text(in: .vi) == "gợi ý")
    }
}
