/// Ids that more than one queue file claims: the rule `loa check` and `loa run` share.
///
/// Neither file is posted while two files claim an id, since either might be the one the officer meant; the
/// later file (by name) is reported, naming the earlier one. Renaming either lets both go out.
struct DuplicateIDs {
    /// The files claiming each contested id, sorted by their UTF-8 bytes as the queue is.
    private let files: [String: [String]]

    /// The contested ids among `claims`: queue files (as shown to people) and the id each parsed to.
    init(_ claims: [(file: String, id: String)]) {
        var byID: [String: [String]] = [:]
        for claim in claims { byID[claim.id, default: []].append(claim.file) }
        files = byID.filter { $0.value.count > 1 }.mapValues {
            $0.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
    }

    var isEmpty: Bool { files.isEmpty }

    /// Whether two or more files claim `id`.
    func contains(_ id: String) -> Bool { files[id] != nil }

    /// The message for each file that claims an id a file before it claims too; only for `ids`, when given.
    func diagnostics(only ids: Set<String>? = nil) -> [Diagnostic] {
        files.filter { ids?.contains($0.key) ?? true }.sorted { $0.key < $1.key }.flatMap { id, files in
            files.dropFirst().map { file in
                Diagnostic(
                    area: .queue,
                    file: file,
                    line: 1,
                    field: "id",
                    message: "'\(id)' is already the id of \(files[0])",
                    hint: "give one of them another `id:`; neither is posted until then"
                )
            }
        }
    }

    /// Why an announcement with a contested id waits, for its deliveries' note.
    func note(for id: String) -> String? {
        files[id].map { "waiting: \($0.joined(separator: " and ")) have the same id; give one of them another `id:`" }
    }
}
