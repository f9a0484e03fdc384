import RuleKit

/// Loads and checks a whole rule base, collecting every problem with its position instead of stopping.
public enum RuleBaseLoader {
    public struct Result: Sendable {
        /// Nil only when the vocabulary itself cannot be read; otherwise holds every valid recommendation.
        public var ruleBase: RuleBase?
        /// Sorted by file and position.
        public var diagnostics: [Diagnostic]
    }

    /// The extension of recommendation files; any other file of their folder is reported and ignored.
    public static let recommendationExtension = ".md"

    public static func load(_ files: RuleFiles) -> Result {
        var diagnostics: [Diagnostic] = []
        guard let vocabularyRoot = parse(files.vocabulary, &diagnostics) else {
            return Result(ruleBase: nil, diagnostics: diagnostics.sorted())
        }
        let (vocabulary, loaded) = VocabularyLoader.load(vocabularyRoot, file: files.vocabulary.path)
        var vocabularyDiagnostics = loaded
        if !vocabularyDiagnostics.hasErrors {
            vocabularyDiagnostics += FactRole.check(vocabulary, file: files.vocabulary.path)
        }
        diagnostics += vocabularyDiagnostics
        if vocabularyDiagnostics.hasErrors {
            return Result(ruleBase: nil, diagnostics: diagnostics.sorted())
        }
        let levers = parse(files.levers, &diagnostics).map { readLevers($0, file: files.levers.path, &diagnostics) } ?? []
        let sources = parse(files.sources, &diagnostics).map { SourceRegisterReader.documents($0, file: files.sources.path, &diagnostics) } ?? []
        diagnostics += VocabularyReferenceCheck.check(vocabulary, sourceIDs: sources.map(\.id), file: files.vocabulary.path)
        let facts = files.facts.flatMap { file in
            parse(file, &diagnostics).map { SourceRegisterReader.facts($0, file: file.path, sourceIDs: sources.map(\.id), &diagnostics) }
        } ?? []
        let definitions = files.definitions.flatMap { file in
            parse(file, &diagnostics).map { RuleDefinitionsReader.read($0, file: file.path, vocabulary: vocabulary, sourceIDs: sources.map(\.id), &diagnostics) }
        } ?? RuleDefinitions()
        let portrait = files.portrait.flatMap { file in
            parse(file, &diagnostics).map { PortraitLayoutReader.read($0, file: file.path, vocabulary: vocabulary, &diagnostics) }
        } ?? PortraitLayout()
        var reader = RecommendationReader(
            vocabulary: vocabulary, leverIDs: levers.map(\.id), sourceIDs: sources.map(\.id), factIDs: facts.map(\.id), definitions: definitions)
        var recommendations: [Recommendation] = []
        for file in files.recommendations.sorted(by: { $0.path < $1.path }) {
            guard file.path.hasSuffix(recommendationExtension) else {
                diagnostics.append(.warning("regles.fichier-ignore", ["extension": recommendationExtension], at: .wholeFile(file.path)))
                continue
            }
            if let recommendation = reader.readFile(file.bytes, file: file.path) {
                recommendations.append(recommendation)
            }
        }
        diagnostics += reader.diagnostics
        diagnostics += RuleBaseCrossCheck.check(recommendations, references: reader.references)
        if !diagnostics.hasErrors {
            diagnostics += RuleDefinitionsReader.unused(definitions, recommendations: recommendations)
        }
        let declared = files.version.flatMap { file in parse(file, &diagnostics).map { readVersion($0, file: file.path, &diagnostics) } }
        let version = RuleBaseVersion(label: declared?.label ?? "non versionnée", fingerprint: RuleBaseVersion.fingerprint(of: files.all),
                                      date: declared?.date)
        let ruleBase = RuleBase(vocabulary: vocabulary, levers: levers, sources: sources, recommendations: recommendations, version: version,
                                definitions: definitions, facts: facts, portrait: portrait)
        diagnostics += SourceAgeCheck.check(ruleBase, sourcesFile: files.sources.path, reportsUnusedFacts: !diagnostics.hasErrors)
        return Result(ruleBase: ruleBase, diagnostics: diagnostics.sorted())
    }

    private static func parse(_ file: RuleFile, _ diagnostics: inout [Diagnostic]) -> JSONNode? {
        do {
            return try JSONParser.parse(file.bytes)
        } catch {
            diagnostics.append(error.diagnostic(file: file.path))
            return nil
        }
    }

    /// `version.json`: `{ "version": "2026.12", "date": "2026-12-01" }`.
    private static func readVersion(_ root: JSONNode, file: String, _ diagnostics: inout [Diagnostic]) -> (label: String?, date: SourceDate?) {
        guard var reader = JSONObjectReader(root, file: file, context: "le fichier de version", diagnostics: &diagnostics) else { return (nil, nil) }
        _ = reader.member("$schema")
        let version = reader.string("version", required: true)
        let date = SourceRegisterReader.date(&reader, key: "date", file: file, required: false)
        reader.reportUnknownFields()
        diagnostics += reader.diagnostics
        return (version, date)
    }

    private static func readLevers(_ root: JSONNode, file: String, _ diagnostics: inout [Diagnostic]) -> [Lever] {
        JSONListReader.read(root, key: "levers", file: file, context: "un levier", &diagnostics) { reader in
            let id = reader.string("id", required: true)
            let title = reader.string("title", required: true)
            let description = reader.string("description", required: true)
            let isMethod = reader.bool("method") ?? false
            guard let id, let title, let description else { return nil }
            return Lever(id: id, title: title, description: description, isMethod: isMethod)
        }
    }
}
