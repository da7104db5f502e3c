import Foundation
import PostgresNIO

/// The PostgreSQL archive's side of `loa archive copy`: its tables read in one snapshot (the archive's `read`,
/// REPEATABLE READ), or written in one transaction, many rows to a statement.
///
/// Times travel as whole microseconds (`extract(epoch …)` and `'epoch' + n microseconds`), never through a
/// floating-point `Date`, so a copied time is the same instant to the microsecond.
struct PostgresCopyStore: CopyStore {
    let archive: PostgresArchive

    /// Where an archive's database is, as its server sees it: its address and port, and the database's name.
    static func place(of archive: PostgresArchive) throws -> String? {
        let sql =
            "SELECT coalesce(host(inet_server_addr()), '') || ':' || inet_server_port() || '/' || current_database()"
        return try archive.read { _ in
            try archive.session.query(PostgresQuery(unsafeSQL: sql)).first?.decode(String.self)
        }
    }

    func reading<T>(_ work: (any CopyReading) throws -> T) throws -> T {
        try archive.read { _ in try work(try Side(session: archive.session)) }
    }

    func writing<T>(_ work: (any CopyWriting) throws -> T) throws -> T {
        try archive.write { _ in try work(try Side(session: archive.session)) }
    }

    private struct Side: CopyWriting {
        let session: PostgresSession
        /// Rows fetched at a time from a table's cursor.
        static let pageSize = 2000

        /// The side of a copy in the transaction just begun. A copy of a large archive may keep its transaction
        /// open past the connection's idle limit while the other store works (see ``PostgresSession``): that
        /// limit is lifted for this transaction only.
        init(session: PostgresSession) throws {
            self.session = session
            try session.execute("SET LOCAL idle_in_transaction_session_timeout = 0")
            // A lock the copy cannot have soon (the same database given under two names, both sides waiting on
            // each other through this process) fails the copy rather than hanging it.
            try session.execute("SET LOCAL lock_timeout = '30s'")
        }

        func rows(of table: CopiedTable, _ body: ([CopiedValue]) throws -> Void) throws {
            let columns = table.columns.map { Self.selected($0) }.joined(separator: ", ")
            let order = table.keyColumns.map { $0.kind == .text ? "\($0.name) COLLATE \"C\"" : $0.name }
                .joined(separator: ", ")
            // A cursor reads the table once, a page at a time, where pages by OFFSET would read it again each.
            try session.execute(
                "DECLARE loa_copy NO SCROLL CURSOR FOR SELECT \(columns) FROM \(table.name) ORDER BY \(order)"
            )
            defer { _ = try? session.execute("CLOSE loa_copy") }
            while true {
                let page = try session.query(PostgresQuery(unsafeSQL: "FETCH \(Self.pageSize) FROM loa_copy"))
                var count = 0
                for row in page {
                    count += 1
                    let cells = row.makeRandomAccess()
                    var values: [CopiedValue] = []
                    values.reserveCapacity(table.columns.count)
                    for (index, column) in table.columns.enumerated() {
                        do {
                            values.append(try Self.value(cells[index], column.kind))
                        } catch {
                            throw ArchiveCopy.Failure.unreadable(table: table.name, column: column.name)
                        }
                    }
                    try body(values)
                }
                if count < Self.pageSize { return }
            }
        }

        func isEmpty(_ table: CopiedTable) throws -> Bool {
            try session.query(PostgresQuery(unsafeSQL: "SELECT NOT EXISTS (SELECT 1 FROM \(table.name))"))
                .first?.decode(Bool.self) ?? true
        }

        func insert(_ rows: [[CopiedValue]], into table: CopiedTable) throws {
            var values = ""
            var binds = PostgresBindings(capacity: rows.count * table.columns.count)
            var number = 0
            for (index, row) in rows.enumerated() {
                values += index == 0 ? "(" : ",("
                for (position, (value, column)) in zip(row, table.columns).enumerated() {
                    number += 1
                    if position > 0 { values += "," }
                    values += Self.parameter(number, column.kind)
                    Self.bind(value, &binds)
                }
                values += ")"
            }
            let names = table.columns.map(\.name).joined(separator: ", ")
            do {
                try session.query(
                    PostgresQuery(unsafeSQL: "INSERT INTO \(table.name) (\(names)) VALUES \(values)", binds: binds)
                )
            } catch let error as PostgresArchiveError {
                guard case .statement(let reason) = error.kind else { throw error }
                throw ArchiveCopy.Failure.refused(table: table.name, reason: reason)
            }
        }

        func finish(_ table: CopiedTable) throws {
            guard let column = table.numbered else { return }
            try session.execute(
                "SELECT setval(pg_get_serial_sequence('\(table.name)', '\(column)'), "
                    + "coalesce(max(\(column)), 0) + 1, false) FROM \(table.name)"
            )
        }

        /// The deliveries' latest figures are copied with them, so the trigger that keeps them as snapshots are
        /// recorded is off while the snapshots go in (it cost most of a copy of 400,000 snapshots; see
        /// bench/README.md), and on again before the copy is read back and checked.
        func start(_ table: CopiedTable) throws {
            guard table.name == "engagement_snapshots" else { return }
            try session.execute("ALTER TABLE engagement_snapshots DISABLE TRIGGER engagement_snapshot_recorded")
        }

        func finishAll() throws {
            try session.execute("ALTER TABLE engagement_snapshots ENABLE TRIGGER engagement_snapshot_recorded")
        }

        /// What a column is read as: one type a kind decodes from, whatever the column's own width.
        static func selected(_ column: CopiedTable.Column) -> String {
            switch column.kind {
            case .text, .flag: column.name
            case .integer: "\(column.name)::bigint"
            case .real: "\(column.name)::float8"
            case .time: "(extract(epoch FROM \(column.name)) * 1000000)::bigint"
            case .json: "\(column.name)::text"
            }
        }

        /// The parameter `$number` as the column takes it.
        static func parameter(_ number: Int, _ kind: CopiedTable.Kind) -> String {
            switch kind {
            case .text: "$\(number)::text"
            case .integer: "$\(number)::bigint"
            case .real: "$\(number)::float8"
            case .time: "('epoch'::timestamptz + $\(number)::bigint * interval '1 microsecond')"
            case .json: "$\(number)::jsonb"
            case .flag: "$\(number)::boolean"
            }
        }

        static func bind(_ value: CopiedValue, _ binds: inout PostgresBindings) {
            switch value {
            case .null: binds.appendNull()
            case .text(let text), .json(let text): binds.append(text)
            case .integer(let number), .time(let number): binds.append(number)
            case .real(let number): binds.append(number)
            case .flag(let flag): binds.append(flag)
            }
        }

        static func value(_ cell: PostgresCell, _ kind: CopiedTable.Kind) throws -> CopiedValue {
            switch kind {
            case .text: try cell.decode(String?.self).map(CopiedValue.text) ?? .null
            case .integer: try cell.decode(Int64?.self).map(CopiedValue.integer) ?? .null
            case .real: try cell.decode(Double?.self).map(CopiedValue.real) ?? .null
            case .time: try cell.decode(Int64?.self).map(CopiedValue.time) ?? .null
            case .json: try cell.decode(String?.self).map(CopiedValue.json) ?? .null
            case .flag: try cell.decode(Bool?.self).map(CopiedValue.flag) ?? .null
            }
        }
    }
}
