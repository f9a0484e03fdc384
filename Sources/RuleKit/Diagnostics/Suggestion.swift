/// Finds the closest known name to a misspelt one, for « vouliez-vous dire … » hints.
public enum Suggestion {
    /// The candidate nearest to `word` by edit distance, when it is close enough to be a plausible typo.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        guard !target.isEmpty, target.count <= 200 else { return nil }
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if let current = best, (current.distance, current.name) <= (distance, candidate) { continue }
            best = (candidate, distance)
        }
        guard let best else { return nil }
        let allowed = max(2, target.count / 3)
        return best.distance <= allowed ? best.name : nil
    }

    /// The arguments of a diagnostic about a name that is not among `candidates`: the name under `key`, every
    /// candidate (`allowed`, joined by « , ») and the closest one (`suggestion`), when there is one.
    public static func arguments(_ key: String, _ name: String, among candidates: [String]) -> [String: String] {
        var arguments = [key: name, "allowed": candidates.joined(separator: ", ")]
        arguments["suggestion"] = closest(to: name, among: candidates)
        return arguments
    }

    /// Insertions, deletions, substitutions and swaps of two adjacent characters (the commonest typo) each
    /// count as one edit (optimal string alignment distance).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
