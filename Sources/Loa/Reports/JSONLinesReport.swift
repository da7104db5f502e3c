import Foundation

/// The report as JSON Lines: one object per delivery with every field, the whole metric history, and the
/// version of this format (`export_version`), so that `loa import` of a later Loa can read it.
///
/// It is the complete record of a workspace that a unit sends upward: ``read(_:file:)`` is its reader.
public struct JSONLinesReport: Sendable {
    /// The version of the format this Loa writes. Version 0 is an export made before the field existed; a later
    /// version adds fields, and raises the number when a reader that ignores them would misread the rest.
    public static let version = 1
    /// The versions this Loa can import.
    public static let readable = 0...version

    public init() {}

    public func write(
        _ rows: [ReportRow],
        progress: ((Int, Int) -> Void)? = nil,
        to write: (Data) throws -> Void
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var buffer = Data()
        for (done, row) in rows.enumerated() {
            buffer.append(try encoder.encode(Line(row: row)))
            buffer.append(0x0A)
            if buffer.count > 1 << 20 {
                try write(buffer)
                buffer.removeAll(keepingCapacity: true)
                progress?(done, rows.count)
            }
        }
        try write(buffer)
        progress?(rows.count, rows.count)
    }

    /// One line: the row's fields and the format's version, side by side in one object.
    private struct Line: Encodable {
        var row: ReportRow

        func encode(to encoder: any Encoder) throws {
            try row.encode(to: encoder)
            var container = encoder.container(keyedBy: VersionKey.self)
            try container.encode(JSONLinesReport.version, forKey: .version)
        }
    }

    private enum VersionKey: String, CodingKey {
        case version = "export_version"
    }

    /// Why a file is not an export this Loa can import, naming the file and line.
    public struct ReadProblem: Error, CustomStringConvertible {
        public var description: String
    }

    /// The rows of an export, its text in NFC; throws ``ReadProblem`` for the first line that is not a row of an
    /// export this Loa can read. `file` is the name messages give.
    public static func read(_ data: Data, file: String) throws -> [ReportRow] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var rows: [ReportRow] = []
        var number = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            let line = line.last == 0x0D ? line.dropLast() : line
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            func problem(_ text: String) -> ReadProblem {
                ReadProblem(description: "\(file):\(number): \(text)")
            }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw problem(Message.importNotObject())
            }
            let version = object["export_version"].map { $0 as? Int ?? -1 } ?? 0
            guard readable.contains(version) else {
                throw problem(
                    version > Self.version
                        ? Message.importNewer(["version": "\(version)", "readable": "\(Self.version)"])
                        : Message.importBadVersion()
                )
            }
            do {
                rows.append(try decoder.decode(ReportRow.self, from: Data(line)).normalised())
            } catch let DecodingError.keyNotFound(key, _) {
                throw problem(Message.importNoField(["field": key.stringValue]))
            } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
                throw problem(Message.importWrongKind(["field": Self.path(context)]))
            } catch let DecodingError.dataCorrupted(context) {
                throw problem(Message.importNotLoaValue(["field": Self.path(context)]))
            }
        }
        guard !rows.isEmpty else {
            throw ReadProblem(description: "\(file): " + Message.importNoDeliveries())
        }
        return rows
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}

extension ReportRow {
    /// The row with its text in NFC, as everything that enters Loa.
    func normalised() -> ReportRow {
        var row = self
        row.title = VietnameseText.nfc(title)
        row.unit = VietnameseText.nfc(unit)
        row.announcementID = VietnameseText.nfc(announcementID)
        row.channel = VietnameseText.nfc(channel)
        return row
    }
}
