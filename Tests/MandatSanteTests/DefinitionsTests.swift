import MandatSante
import RuleKit
import Testing

@Suite("Définitions partagées : conditions et bonus nommés")
struct DefinitionsTests {
    typealias Rec = Fixture.Rec

    static let definitions = """
    {
      "conditions": [
        { "name": "petite-commune", "when": "kind == 'commune' and population < 3500", "description": "Une commune de moins de 3 500 habitants." },
        { "name": "tres-petite-commune", "when": "petite-commune and population < 500" }
      ],
      "boosts": [
        { "name": "priorite-acces-aux-soins", "when": "'acces-aux-soins' in priorities", "points": 10, "reason": "l'accès aux soins est une priorité de l'équipe" },
        { "name": "priorite-sante-mentale", "when": "'sante-mentale' in priorities", "points": 15, "reason": "la santé mentale est une priorité de l'équipe" }
      ]
    }
    """

    /// Two recommendations that use every definition.
    static let users: [Rec] = [
        Rec(id: "relais-village", title: "Former des relais", when: "tres-petite-commune",
            boosts: [], extraHeader: ["bonus:", "  - priorite-sante-mentale", "  - priorite-acces-aux-soins (+20)"]),
        Rec(id: "mutualiser", title: "Mutualiser", when: "petite-commune or cpts", extraHeader: ["bonus:", "  - priorite-acces-aux-soins"]),
    ]

    @Test("une recommandation cite un bonus par son nom, avec ses points ou les siens ; une condition nommée s'évalue comme ce qu'elle remplace")
    func namedBoostsAndConditions() throws {
        let result = Fixture.load(Self.users, definitions: Self.definitions)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.summary))")
        let base = try #require(result.ruleBase)
        let relais = try #require(base.recommendation("relais-village"))
        #expect(relais.boosts.map(\.name) == ["priorite-sante-mentale", "priorite-acces-aux-soins"])
        #expect(relais.boosts.map(\.points) == [15, 20])
        #expect(relais.boosts.map(\.reason) == ["la santé mentale est une priorité de l'équipe", "l'accès aux soins est une priorité de l'équipe"])
        #expect(try #require(base.recommendation("mutualiser")).boosts.map(\.points) == [10])
        #expect(relais.condition.resolvedSource == "((kind == 'commune' and population < 3500) and population < 500)")
        // The boost's condition is positioned in the definitions file.
        #expect(relais.boosts[0].conditionText.location.file == Fixture.definitionsPath)
        let (_, roadmap) = try Fixture.plan(Fixture.smallCommune, recs: Self.users, definitions: Self.definitions)
        #expect(roadmap.item("relais-village") != nil, "420 habitants : une très petite commune")
    }

    @Test("changer le poids d'une priorité se fait en un endroit")
    func oneEdit() throws {
        let heavier = Self.definitions.replacingOccurrences(of: "\"points\": 10", with: "\"points\": 12")
        let base = try #require(Fixture.load(Self.users, definitions: heavier).ruleBase)
        #expect(try #require(base.recommendation("mutualiser")).boosts.map(\.points) == [12])
        // An explicit weight for one recommendation stays.
        #expect(try #require(base.recommendation("relais-village")).boosts.map(\.points) == [15, 20])
    }

    @Test("un bonus nommé inconnu, une condition nommée inconnue : erreurs positionnées avec suggestion")
    func unknownNames() throws {
        var boost = Self.users[1]
        boost.extraHeader = ["bonus:", "  - priorite-acces-au-soins"]
        let result = Fixture.load([Self.users[0], boost], definitions: Self.definitions)
        #expect(result.diagnostics.map(\.code) == ["regles.bonus-inconnu"], "\(result.diagnostics.map(\.summary))")
        #expect(result.diagnostics.first?.message.hasPrefix("bonus nommé inconnu « priorite-acces-au-soins » ; vouliez-vous dire « priorite-acces-aux-soins » ?") == true)
        #expect(result.diagnostics.first?.location.lineColumn == Fixture.location(of: "priorite-acces-au-soins", in: boost.markdown))

        var condition = Self.users[1]
        condition.when = "petite-comune or cpts"
        let conditionResult = Fixture.load([Self.users[0], condition], definitions: Self.definitions)
        #expect(conditionResult.diagnostics.map(\.code) == ["expression.definition-inconnue"])
        #expect(conditionResult.diagnostics.first?.message.contains("vouliez-vous dire « petite-commune » ?") == true)
        #expect(conditionResult.diagnostics.first?.location.lineColumn == Fixture.location(of: "petite-comune", in: condition.markdown))
    }

    @Test("le document d'une situation (findingSource) doit être un document de sources.json : sinon erreur à sa place, avec le plus proche")
    func unknownFindingSource() throws {
        let situated = Self.definitions.replacingOccurrences(
            of: "\"description\": \"Une commune de moins de 3 500 habitants.\"",
            with: "\"finding\": \"petite commune\", \"findingSource\": \"livre-blanc-2025\"")
        let result = Fixture.load(Self.users, definitions: situated)
        let diagnostic = try #require(result.diagnostics.first { $0.code == "regles.source-inconnue" }, "\(result.diagnostics.map(\.summary))")
        #expect(diagnostic.message.hasPrefix("document source inconnu « livre-blanc-2025 » ; vouliez-vous dire « livre-blanc-2026 » ?"))
        #expect(diagnostic.file == Fixture.definitionsPath)
        #expect(diagnostic.location.lineColumn == Fixture.location(of: "livre-blanc-2025", in: situated))

        let known = Fixture.load(Self.users, definitions: situated.replacingOccurrences(of: "livre-blanc-2025", with: "livre-blanc-2026"))
        #expect(known.diagnostics.isEmpty, "\(known.diagnostics.map(\.summary))")
        #expect(known.ruleBase?.definitions.findings.map(\.source) == ["livre-blanc-2026"])
    }

    @Test("une définition en double, une définition que rien n'utilise : erreur et avertissement à leur place")
    func duplicateAndUnused() throws {
        let twice = Self.definitions.replacingOccurrences(of: "\"name\": \"priorite-sante-mentale\"", with: "\"name\": \"priorite-acces-aux-soins\"")
        let duplicate = Fixture.load(Self.users, definitions: twice)
        #expect(duplicate.diagnostics.map(\.code).contains("definitions.doublon"))
        let doubled = try #require(duplicate.diagnostics.first { $0.code == "definitions.doublon" })
        #expect(doubled.file == Fixture.definitionsPath)
        #expect(doubled.notes.first?.location?.line == 7)

        let unused = Fixture.load([Self.users[1]], definitions: Self.definitions)
        #expect(unused.diagnostics.map(\.code) == ["definitions.inutilisee", "definitions.inutilisee"], "\(unused.diagnostics.map(\.summary))")
        #expect(unused.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(unused.diagnostics.map(\.message) == [
            "la condition nommée « tres-petite-commune » n'est utilisée par aucune condition : retirez-la ou utilisez-la",
            "le bonus nommé « priorite-sante-mentale » n'est utilisé par aucune recommandation : retirez-le ou citez-le dans un « bonus: »",
        ])
        #expect(unused.diagnostics.map { $0.location.line } == [4, 8])
    }

    @Test("un bonus nommé suivi d'autre chose que ses points entre parenthèses est refusé")
    func malformedOverride() throws {
        var rec = Self.users[1]
        rec.extraHeader = ["bonus:", "  - priorite-acces-aux-soins +20"]
        let result = Fixture.load([Self.users[0], rec], definitions: Self.definitions)
        #expect(result.diagnostics.map(\.code) == ["regles.bonus"])
    }
}
