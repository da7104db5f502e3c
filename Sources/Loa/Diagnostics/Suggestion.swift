/// "Did you mean" suggestions for misspelt keys and names.
public enum Suggestion {
    /// The candidate closest to `word`, when it is close enough to be a likely typo.
    ///
    /// Case, diacritics and the kind of dash are ignored first (`Zalo-nhom` is `zalo-nhom`, `Đoàn` is `doan`), then
    /// letters typed wrong count by edit distance.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let lowered = key(word)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, key(candidate))
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(1, min(3, lowered.count / 3))
        return best.distance <= allowed ? best.candidate : nil
    }

    /// The phrase " (did you mean 'x'?)", or an empty string.
    public static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String {
        closest(to: word, among: candidates).map { Message.suggestionDidYouMean(["word": $0]) } ?? ""
    }

    /// The message for a name that is not one of `candidates`, the one wording every command uses:
    /// "there is no channel 'Zalo-nhom' in loa.yml (did you mean 'zalo-nhom'?)", in the process's language. `kind`
    /// names what it should be (``Message/kindChannel``, ``Message/kindMetric``), `place` where the names come from
    /// (``Message/placeInConfig``), or nil. Without a likely candidate, the names are listed when they are few.
    public static func unknown(_ kind: Message, _ word: String, among candidates: [String], place: Message? = nil)
        -> String
    {
        let values = ["kind": kind(), "word": word, "place": place.map { " " + $0() } ?? ""]
        if let near = closest(to: word, among: candidates) {
            return Message.suggestionNoSuch(values) + Message.suggestionDidYouMean(["word": near])
        }
        if candidates.isEmpty { return Message.suggestionNoSuch(values) }
        let listed = candidates.count <= 12 ? candidates.joined(separator: ", ") : Message.suggestionSeeCheck()
        return Message.suggestionNoSuchKnown(values.merging(["known": listed]) { $1 })
    }

    /// A word as compared: lowercase, without diacritics, any dash or underscore as `-`.
    private static func key(_ word: String) -> String {
        String(
            VietnameseText.folded(word).lowercased().map { character in
                "_–—‐‑−".contains(character) ? "-" : character
            }
        )
    }

    /// Levenshtein distance over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
