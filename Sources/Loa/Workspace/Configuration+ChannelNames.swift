extension Configuration {
    /// Why `pattern` (a `--channel` option: an id or a glob) names no channel, in words that suggest the one
    /// meant; nil when it names one. `alsoKnown` are channels the archive still has records of after they left
    /// loa.yml, which count as existing.
    ///
    /// Channel ids are compared exactly, as the archive stores them; a pattern that differs only in case is
    /// refused with the right spelling rather than taken, so that a command never acts on a channel the
    /// operator did not type.
    public func problem(withChannel pattern: String, alsoKnown: [String] = []) -> String? {
        let names = channels.map(\.id) + alsoKnown.filter { known in !channels.contains { $0.id == known } }
        if names.contains(where: { Glob.matches(pattern, $0) }) { return nil }
        if pattern.contains(where: { "*?[".contains($0) }) {
            return "no channel in loa.yml matches '\(pattern)' (channels: \(names.joined(separator: ", ")))"
        }
        return Suggestion.unknown(.kindChannel, pattern, among: names, place: .placeInConfig)
    }
}
