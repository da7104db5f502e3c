import Foundation

extension ConfigurationLoader {
    /// `archive: postgres://user@host:port/database?sslmode=…`: the URL without its password, and the password
    /// from `${NAME}` in its place (the credentials file or the environment) or from `PGPASSWORD`. A password
    /// written in loa.yml itself is refused, without repeating it: loa.yml is shared and kept in git.
    func readPostgresArchive(
        _ entry: YAMLReader.Entry,
        _ configuration: inout Configuration,
        _ reader: inout YAMLReader,
        _ resolver: inout SecretResolver
    ) {
        guard let raw = reader.string(entry) else { return }
        let parsed: (location: PostgresLocation, password: String?)
        switch PostgresLocation.parse(raw) {
        case .success(let value): parsed = value
        case .failure(let problem):
            reader.report(at: entry.value, field: entry.field, problem.message)
            return
        }
        configuration.archive = parsed.location.display
        guard let written = parsed.password else {
            configuration.archivePassword = environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : Secret($0) }
            return
        }
        guard written.hasPrefix("${"), written.hasSuffix("}"), raw.components(separatedBy: "${").count == 2,
            let start = raw.range(of: "${"), let end = raw[start.upperBound...].firstIndex(of: "}")
        else {
            reader.report(
                at: entry.value,
                field: entry.field,
                Message.cfgArchivePassword(),
                hint: "postgres://\(parsed.location.user):${LOA_ARCHIVE_PASSWORD}@\(parsed.location.host):"
                    + "\(parsed.location.port)/\(parsed.location.database)"
            )
            return
        }
        guard let resolved = resolver.resolve(entry, &reader)?.reveal() else { return }
        let prefix = raw[..<start.lowerBound].count
        let suffix = raw[raw.index(after: end)...].count
        configuration.archivePassword = Secret(String(resolved.dropFirst(prefix).dropLast(suffix)))
    }
}
