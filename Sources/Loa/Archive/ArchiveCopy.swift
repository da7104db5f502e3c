import Foundation

/// `loa archive copy`: every record of one archive into another, empty one, in either store: an SQLite file
/// into PostgreSQL when a unit grows to several hosts, and back into a file when it leaves a shared archive.
///
/// The copy reads the source as one snapshot and writes the destination in one transaction. Before that
/// transaction commits, every table is read back from the destination and checked against the source: the same
/// number of rows and the same content hash (SHA-256 over each row's values in key order). Any difference rolls
/// the destination back and is reported by table, so a destination is either a whole, checked copy or untouched.
///
/// What is copied is everything that makes the archive's history and its promises: announcements, variants,
/// deliveries with their latest figures, every attempt with its host, engagement snapshots and polls, the start
/// journal, channels, confirmations and reminders, imported deliveries, notices, uploaded photo ids and stopped
/// channels, the runs' settings and the hosts that ran. Channel leases are not: they are claims of runs in
/// progress, and a new archive starts with none.
public enum ArchiveCopy {
    /// What a copy moved: each table with its rows, in the order copied.
    public struct Report: Sendable, Equatable {
        /// The tables copied, in the order they were.
        public var tables: [TableCount]
    }

    /// A table and how many rows of it were copied.
    public struct TableCount: Sendable, Equatable {
        /// The table's name in both stores.
        public var name: String
        /// Its rows in the source, and so in the copy.
        public var rows: Int
    }

    /// Why a copy was not made; the destination is left as it was.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The destination already holds records: a copy goes only into a new, empty archive.
        case notEmpty(table: String)
        /// Read back from the destination, a table differed from the source.
        case mismatch(table: String, sourceRows: Int, copiedRows: Int)
        /// The destination is the source.
        case sameArchive
        /// The workspace has no archive yet.
        case noSource(archive: String)
        /// An archive of a store the copy does not know (neither SQLite nor PostgreSQL).
        case unknownStore
        /// A value of the source that is not of its column's kind (an SQLite archive changed by hand).
        case unreadable(table: String, column: String)
        /// The destination refused a table's rows: its store's words (a full disk, a row referring to none).
        case refused(table: String, reason: String)
        /// The SQLite file at the path cannot take a copy, and why.
        case unusable(String, String)
        /// The PostgreSQL destination could not be opened, in the archive's words; `configuration` when it is a
        /// matter of the URL or the server's set-up (a wrong password, no such database), not of the network.
        case unreachable(String, configuration: Bool)

        /// Whether the failure is a mistake in the command (exit 2) rather than a copy that did not go (exit 1).
        public var isUsage: Bool {
            switch self {
            case .sameArchive, .unusable: true
            case .unreachable(_, let configuration): configuration
            default: false
            }
        }

        public var description: String {
            switch self {
            case .notEmpty(let table): Message.copyNotEmpty(["table": table])
            case .mismatch(let table, let source, let copied):
                Message.copyMismatch(["table": table, "source": "\(source)", "copied": "\(copied)"])
            case .sameArchive: Message.copySameArchive()
            case .noSource(let archive): Message.copyNoSource(["archive": archive])
            case .unknownStore: Message.copyUnknownStore()
            case .unreadable(let table, let column): Message.copyUnreadable(["table": table, "column": column])
            case .refused(let table, let reason): Message.copyRefused(["table": table, "reason": reason])
            case .unusable(let path, let reason):
                Message.copyUnusable(["path": DisplayPath.of(URL(fileURLWithPath: path)), "reason": reason])
            case .unreachable(let words, _): Message.copyDestination(["problem": words])
            }
        }
    }

    /// An archive as `archive:` or `--to` names it: a PostgreSQL URL without its password, or an SQLite file's
    /// path, with the PostgreSQL password apart.
    public struct Location: Sendable {
        /// The URL without its password, or the file's path.
        public var location: String
        public var password: Secret?
        /// What `archive:` in loa.yml would say to use it: the URL with `${NAME}` where it was given so.
        public var setting: String

        public init(_ location: String, password: Secret?, setting: String? = nil) {
            self.location = location
            self.password = password
            self.setting = setting ?? location
        }
    }

    /// Opens the archive at `source` (which must exist) and the one at `destination` (made if needed), and copies.
    /// A new SQLite file made for a copy that did not succeed is removed again; a new PostgreSQL database gets
    /// Loa's tables in the copy's transaction, so it is left without them.
    public static func copy(from source: Location, to destination: Location) throws -> Report {
        guard !sameLocation(source.location, destination.location) else { throw Failure.sameArchive }
        guard try ArchiveStores.openForReading(source.location, password: source.password) != nil else {
            throw Failure.noSource(archive: source.location)
        }
        let from = try ArchiveStores.open(source.location, password: source.password)
        let newFile =
            !ArchiveStores.isShared(destination.location)
            && !FileManager.default.fileExists(atPath: destination.location)
        do {
            let to: any Archive
            do {
                to = try ArchiveStores.openForCopy(destination.location, password: destination.password)
            } catch let error as ArchiveError {
                throw Failure.unusable(destination.location, Self.reason(error.kind))
            } catch let error as PostgresArchiveError {
                throw Failure.unreachable("\(error)", configuration: !Self.mayPass(error.kind))
            }
            let report = try copy(from: from, to: to)
            try (to as? PostgresArchive)?.keep()
            return report
        } catch {
            if newFile {
                for suffix in ["", "-wal", "-shm"] {
                    try? FileManager.default.removeItem(atPath: destination.location + suffix)
                }
            }
            throw error
        }
    }

    /// Copies every record of `source` into `destination`, which must hold none, and checks the copy.
    public static func copy(from source: any Archive, to destination: any Archive) throws -> Report {
        guard source !== destination, try !sameDatabase(source, destination) else { throw Failure.sameArchive }
        let reader = try copyStore(source)
        let writer = try copyStore(destination)
        return try writer.writing { target in
            for table in CopiedTable.all where try !target.isEmpty(table) {
                throw Failure.notEmpty(table: table.name)
            }
            // The source's snapshot ends before the copy is read back: a PostgreSQL source is not left idle in
            // its transaction meanwhile.
            let sums = try reader.reading { origin in
                try CopiedTable.all.map { table in
                    var hash = RowHash()
                    var batch: [[CopiedValue]] = []
                    try target.start(table)
                    try origin.rows(of: table) { row in
                        hash.add(row)
                        batch.append(row)
                        if batch.count == CopiedTable.batchSize {
                            try target.insert(batch, into: table)
                            batch.removeAll(keepingCapacity: true)
                        }
                    }
                    if !batch.isEmpty { try target.insert(batch, into: table) }
                    try target.finish(table)
                    return (rows: hash.rows, hash: hash.finish())
                }
            }
            try target.finishAll()
            // Read back only once every table is in: recording snapshots may update the deliveries' figures.
            for (table, sum) in zip(CopiedTable.all, sums) {
                var hash = RowHash()
                try target.rows(of: table) { hash.add($0) }
                guard hash.rows == sum.rows, hash.finish() == sum.hash else {
                    throw Failure.mismatch(table: table.name, sourceRows: sum.rows, copiedRows: hash.rows)
                }
            }
            return Report(tables: zip(CopiedTable.all, sums).map { TableCount(name: $0.name, rows: $1.rows) })
        }
    }

    /// Whether two PostgreSQL archives are one database reached under two names (`localhost` and `127.0.0.1`,
    /// another user or `sslmode`).
    private static func sameDatabase(_ one: any Archive, _ other: any Archive) throws -> Bool {
        guard let one = one as? PostgresArchive, let other = other as? PostgresArchive else { return false }
        return try PostgresCopyStore.place(of: one) == PostgresCopyStore.place(of: other)
    }

    /// Why an SQLite file cannot take a copy, as the rest of a sentence about it.
    private static func reason(_ kind: ArchiveError.Kind) -> String {
        switch kind {
        case .empty: Message.copyFileEmpty()
        case .foreign, .outdated: Message.copyFileForeign()
        case .notADatabase: Message.copyFileNotSQLite()
        case .unreadable(let reason): reason
        }
    }

    /// Whether a PostgreSQL archive's problem may pass by itself (the server down or the network cut).
    private static func mayPass(_ kind: PostgresArchiveError.Kind) -> Bool {
        switch kind {
        case .unreachable, .statement: true
        default: false
        }
    }

    private static func copyStore(_ archive: any Archive) throws -> any CopyStore {
        switch archive {
        case let archive as SQLiteArchive: return SQLiteCopyStore(archive: archive)
        case let archive as PostgresArchive: return PostgresCopyStore(archive: archive)
        default: throw Failure.unknownStore
        }
    }
}

/// One store's side of a copy: the source read as one snapshot, or the destination written in one transaction.
protocol CopyStore {
    /// Runs `work` on one read-only snapshot of the store.
    func reading<T>(_ work: (any CopyReading) throws -> T) throws -> T
    /// Runs `work` in one transaction, committed when it returns and rolled back when it throws.
    func writing<T>(_ work: (any CopyWriting) throws -> T) throws -> T
}

/// A table's rows as a copy reads them.
protocol CopyReading {
    /// Calls `body` with each row of `table`, its values in the table's column order, in key order.
    func rows(of table: CopiedTable, _ body: ([CopiedValue]) throws -> Void) throws
}

/// A copy's destination, inside its transaction.
protocol CopyWriting: CopyReading {
    /// Whether `table` has no rows.
    func isEmpty(_ table: CopiedTable) throws -> Bool
    /// Before a table's first row.
    func start(_ table: CopiedTable) throws
    /// Inserts rows read from the source, keeping their ids.
    func insert(_ rows: [[CopiedValue]], into table: CopiedTable) throws
    /// After a table's last row: a store that numbers rows itself continues after the copied ids.
    func finish(_ table: CopiedTable) throws
    /// After every table: what the store derives from the copied rows.
    func finishAll() throws
}

extension ArchiveCopy {
    /// Whether two locations as ``destination(_:from:environment:credentials:)`` gives them name one archive: the
    /// same URL, or paths to the same file (through a symbolic or a hard link).
    public static func sameLocation(_ one: String, _ other: String) -> Bool {
        guard !PostgresLocation.isURL(one), !PostgresLocation.isURL(other) else { return one == other }
        func resolved(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        if let first = FileIdentity(path: one), let second = FileIdentity(path: other) { return first == second }
        return resolved(one) == resolved(other)
    }

    /// Where `--to` points, as ``ArchiveStores`` opens it: a PostgreSQL URL without its password, with the password
    /// from `${NAME}` (the environment first, then the credentials file) or from `PGPASSWORD`; or the absolute path
    /// of an SQLite file in a folder that exists, `text` taken from `directory`.
    ///
    /// A password written out in the URL is refused: a command line is kept in the shell's history and shown to
    /// every account by `ps`. So is any other `…://` address, rather than taken as a file's path, which would
    /// repeat a password it holds and make folders of it; and so is a path whose folder does not exist, since a
    /// mistyped folder would otherwise be made.
    public static func destination(
        _ text: String,
        from directory: URL,
        environment: [String: String],
        credentials: Credentials
    ) -> Result<Location, PostgresLocation.Problem> {
        let refuse = { (message: String) in Result<Location, PostgresLocation.Problem>.failure(.init(message)) }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return refuse(Message.copyEmptyTo())
        }
        if text.hasPrefix("~") { return refuse(Message.copyTilde()) }
        guard PostgresLocation.isURL(text) else {
            if text.contains("://") { return refuse(Message.copyNotURL()) }
            let given = text.hasPrefix("/") ? URL(fileURLWithPath: text) : directory.appendingPathComponent(text)
            let path = given.standardizedFileURL.path
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue
            else { return refuse(Message.fileNoFolder(["folder": DisplayPath.of(folder)])) }
            return .success(Location(path, password: nil))
        }
        switch PostgresLocation.parse(text) {
        case .failure(let problem): return .failure(problem)
        case .success(let parsed):
            let display = parsed.location.display
            guard let written = parsed.password else {
                let password = environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : Secret($0) }
                return .success(Location(display, password: password))
            }
            if written.isEmpty { return refuse(Message.copyPasswordEmpty()) }
            guard written.hasPrefix("${"), written.hasSuffix("}"), written.count > 3 else {
                return refuse(Message.copyPasswordInURL())
            }
            let name = String(written.dropFirst(2).dropLast())
            guard let value = environment[name] ?? credentials.values[name], !value.isEmpty else {
                return refuse(Message.copyPasswordUnset(["name": name]))
            }
            if SecretResolver.hasControlCharacter(value) { return refuse(Message.copyPasswordControl(["name": name])) }
            // loa.yml takes the URL as written: `${NAME}` in it, never the password.
            return .success(Location(display, password: Secret(value), setting: text))
        }
    }
}
