/// Named conditions — `petite-commune` for `kind == 'commune' and population < 3500` — that other conditions
/// use by name, so that a threshold or a zoning test is written once. A definition may use other definitions;
/// a circle of definitions is an error.
public struct ConditionDefinitions: Sendable {
    /// One named condition as written, and what it stands for once the definitions it uses are resolved.
    public struct Definition: Sendable {
        public let name: LocatedText
        public let text: LocatedText
        public let expression: Expression
        /// The definitions its text names directly.
        public let references: [String]
        /// What it means and what its negation means, for explanations (`NamedCondition.label`).
        public let label: String?
        public let falseLabel: String?
    }

    /// A name and the condition it stands for, as read from a file.
    public struct Entry: Sendable {
        public var name: LocatedText
        public var condition: LocatedText
        public var label: String?
        public var falseLabel: String?

        public init(name: LocatedText, condition: LocatedText, label: String? = nil, falseLabel: String? = nil) {
            self.name = name
            self.condition = condition
            self.label = label
            self.falseLabel = falseLabel
        }
    }

    private var byName: [String: Definition] = [:]
    /// Names declared but whose condition is invalid: their own problem is reported, conditions using them are
    /// set aside without another.
    private var invalid: Set<String> = []
    /// Every declared name, in the order written.
    public private(set) var names: [String] = []

    public init() {}

    public func definition(_ name: String) -> Definition? { byName[name] }

    public var definitions: [Definition] { names.compactMap { byName[$0] } }

    /// Checks and resolves `entries` against the vocabulary; every problem is returned with its position.
    public static func compile(_ entries: [Entry], vocabulary: Vocabulary) -> (ConditionDefinitions, [Diagnostic]) {
        var result = ConditionDefinitions()
        var problems: [Diagnostic] = []
        var parsed: [String: (entry: Entry, expression: Expression, references: [String])] = [:]
        var firstLocation: [String: SourceLocation] = [:]
        for entry in entries {
            let name = entry.name.text
            guard isValidName(name) else {
                problems.append(.error("definitions.nom-invalide", ["name": name], at: entry.name.location))
                continue
            }
            if let first = firstLocation[name] {
                problems.append(.error("definitions.doublon", ["name": name], at: entry.name.location, notes: [Diagnostic.Note("note.premiere-definition", at: first)]))
                continue
            }
            firstLocation[name] = entry.name.location
            result.names.append(name)
            if vocabulary.fact(named: name) != nil {
                problems.append(.error("definitions.nom-de-fait", ["name": name], at: entry.name.location))
                result.invalid.insert(name)
                continue
            }
            do {
                let expression = try Parser.parse(entry.condition.text)
                parsed[name] = (entry, expression, [])
            } catch {
                problems.append(error.diagnostic(in: entry.condition))
                result.invalid.insert(name)
            }
        }
        for (name, value) in parsed {
            let references = value.expression.identifiers.filter { firstLocation[$0] != nil && vocabulary.fact(named: $0) == nil }
            parsed[name]?.references = references
        }
        let graph = DependencyGraph(prerequisites: parsed.mapValues { $0.references })
        var inCycle: Set<String> = []
        for cycle in graph.cycles() {
            inCycle.formUnion(cycle)
            guard let first = cycle.first, let entry = parsed[first]?.entry else { continue }
            let links = cycle.dropFirst().dropLast().compactMap { name in
                parsed[name].map { Diagnostic.Note("note.maillon", ["name": name], at: $0.entry.name.location) }
            }
            problems.append(.error("definitions.cycle", ["cycle": cycle.joined(separator: " → ")], at: entry.name.location, notes: Array(links)))
        }
        result.invalid.formUnion(inCycle)
        for name in graph.order(result.names.filter { parsed[$0] != nil }, by: { _, _ in false }) where !inCycle.contains(name) {
            guard let (entry, expression, references) = parsed[name] else { continue }
            switch result.resolveAndCheck(expression, vocabulary: vocabulary) {
            case .success(let resolved):
                result.byName[name] = Definition(name: entry.name, text: entry.condition, expression: resolved, references: references,
                                                 label: entry.label, falseLabel: entry.falseLabel)
            case .failure(let failure):
                problems += failure.errors.map { $0.diagnostic(in: entry.condition) }
                result.invalid.insert(name)
            }
        }
        return (result, problems)
    }

    /// `expression` with the definitions it names resolved, then type-checked; fails without errors when it uses
    /// a definition that is itself invalid.
    func resolveAndCheck(_ expression: Expression, vocabulary: Vocabulary) -> Result<Expression, ExpressionFailure> {
        let names = expression.identifiers.filter { vocabulary.fact(named: $0) == nil }
        if names.contains(where: invalid.contains) { return .failure(ExpressionFailure([])) }
        let resolved = resolve(expression)
        let errors = TypeChecker.check(resolved, vocabulary: vocabulary, definitionNames: self.names)
        if errors.contains(where: { $0.severity == .error }) { return .failure(ExpressionFailure(errors)) }
        return .success(resolved)
    }

    /// Each name of a valid definition becomes a `.named` node standing for it.
    private func resolve(_ expression: Expression) -> Expression {
        func rebuild(_ node: Expression) -> Expression {
            switch node.kind {
            case .fact(let name):
                guard let definition = byName[name] else { return node }
                return Expression(.named(NamedCondition(name: name, expression: definition.expression, source: definition.text.text,
                                                        label: definition.label, falseLabel: definition.falseLabel)), range: node.range)
            case .not(let inner): return Expression(.not(rebuild(inner)), range: node.range)
            case .and(let items): return Expression(.and(items.map(rebuild)), range: node.range)
            case .or(let items): return Expression(.or(items.map(rebuild)), range: node.range)
            case .comparison(let op, let left, let right): return Expression(.comparison(op, rebuild(left), rebuild(right)), range: node.range)
            case .list, .bool, .number, .string, .named: return node
            }
        }
        return rebuild(expression)
    }

    /// `source` with every named condition of `expression` written out, between parentheses when it joins
    /// conditions with `and` or `or`.
    public static func resolvedText(of expression: Expression, source: String) -> String {
        var scalars = Array(source.unicodeScalars)
        var replacements: [(Range<Int>, String)] = []
        func visit(_ node: Expression) {
            if case .named(let reference) = node.kind {
                var text = resolvedText(of: reference.expression, source: reference.source)
                switch reference.expression.kind {
                case .and, .or: text = "(" + text + ")"
                default: break
                }
                replacements.append((node.range, text))
                return
            }
            node.children.forEach(visit)
        }
        visit(expression)
        for (range, text) in replacements.sorted(by: { $0.0.lowerBound > $1.0.lowerBound })
        where range.lowerBound >= 0 && range.upperBound <= scalars.count {
            scalars.replaceSubrange(range, with: Array(text.unicodeScalars))
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Lowercase words without accents joined by hyphens, starting with a letter: `petite-commune`.
    public static func isValidName(_ name: String) -> Bool {
        Identifier.isValid(name, maxLength: 60) && Token.Keyword(rawValue: name) == nil
    }
}

extension Expression {
    /// Every name a parsed expression reads (facts, and named conditions not yet resolved), in the order written.
    var identifiers: [String] {
        var names: [String] = []
        func visit(_ node: Expression) {
            if case .fact(let name) = node.kind, !names.contains(name) { names.append(name) }
            node.children.forEach(visit)
        }
        visit(self)
        return names
    }
}
