/// Ids that more than one queue file claims: the rule `loa check` and `loa run` share.
///
/// Neither file is posted while two files claim an id, since either might be the one the officer meant; the
/// later file (by name) is reported, naming the earlier one. Ids that differ only in case count as the same id:
/// ids name outbox files, and some file systems ignore case. Renaming either file lets both go out.
struct DuplicateIDs {
    /// The claims on each contested id, keyed by the id in lower case, sorted by file as the queue is.
    private let claims: [String: [(file: String, id: String)]]

    /// The contested ids among `claims`: queue files (as shown to people) and the id each parsed to.
    init(_ claims: [(file: String, id: String)]) {
        var byKey: [String: [(file: String, id: String)]] = [:]
        for claim in claims { byKey[claim.id.lowercased(), default: []].append(claim) }
        self.claims = byKey.filter { $0.value.count > 1 }.mapValues {
            $0.sorted { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }
        }
    }

    var isEmpty: Bool { claims.isEmpty }

    /// Whether two or more files claim `id`, or ids that differ from it only in case.
    func contains(_ id: String) -> Bool { claims[id.lowercased()] != nil }

    /// The message for each file that claims an id a file before it claims too; only for `ids`, when given.
    func diagnostics(only ids: Set<String>? = nil) -> [Diagnostic] {
        let wanted = ids.map { Set($0.map { $0.lowercased() }) }
        return claims.filter { wanted?.contains($0.key) ?? true }.sorted { $0.key < $1.key }.flatMap { _, claims in
            let first = claims[0]
            return claims.dropFirst().map { claim in
                let clash =
                    claim.id == first.id
                    ? Message.diagIDTaken(["id": claim.id, "file": first.file])
                    : Message.diagIDCase(["id": claim.id, "first": first.id, "file": first.file])
                return Diagnostic(
                    area: .queue,
                    file: claim.file,
                    line: 1,
                    field: "id",
                    message: clash,
                    hint: Message.diagIDTakenHint()
                )
            }
        }
    }

    /// Why an announcement with a contested id waits, for its deliveries' note.
    func note(for id: String) -> String? {
        claims[id.lowercased()].map {
            Message.noteSameID(["files": $0.map(\.file).joined(separator: Message.exportAnd())])
        }
    }
}
