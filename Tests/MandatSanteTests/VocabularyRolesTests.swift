import MandatSante
import RuleKit
import Testing

@Suite("Rôles du vocabulaire : ce que l'application lit elle-même")
struct VocabularyRolesTests {
    static func load(vocabulary: String) -> RuleBaseLoader.Result {
        var files = Fixture.files(Fixture.recommendationFiles(Fixture.standard))
        files.vocabulary = Fixture.file("Rules/vocabulary.json", vocabulary)
        return RuleBaseLoader.load(files)
    }

    @Test("le nom, le type, la population, les agents et les priorités se trouvent par leur rôle")
    func rolesFound() throws {
        let base = try Fixture.ruleBase()
        #expect(FactRole.allCases.filter(\.isRequired).map(base.vocabulary.factName) == ["name", "kind", "population", "engineeringStaff", "priorities"])
        #expect(base.vocabulary.communeKind == "commune")
    }

    @Test("un fait renommé garde son rôle : la capacité et le nom suivent, sans nom de fait dans le code")
    func renamedFact() throws {
        let renamed = Fixture.vocabularyJSON.replacingOccurrences(of: "\"name\": \"population\"", with: "\"name\": \"habitants\"")
            .replacingOccurrences(of: "\"name\": \"engineeringStaff\"", with: "\"name\": \"agents\"")
        let recs = Fixture.standard.map { rec -> Fixture.Rec in
            var copy = rec
            copy.when = rec.when.replacingOccurrences(of: "population", with: "habitants")
            copy.boosts = rec.boosts.map { Fixture.boost($0.when.replacingOccurrences(of: "population", with: "habitants"), $0.points, $0.reason) }
            return copy
        }
        var files = Fixture.files(Fixture.recommendationFiles(recs))
        files.vocabulary = Fixture.file("Rules/vocabulary.json", renamed)
        let result = RuleBaseLoader.load(files)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.summary))")
        let base = try #require(result.ruleBase)
        let json = Fixture.bourg.json.replacingOccurrences(of: "\"population\"", with: "\"habitants\"")
            .replacingOccurrences(of: "\"engineeringStaff\"", with: "\"agents\"")
        let profile = try #require(ProfileLoader.load(Array(json.utf8), file: "p.json", vocabulary: base.vocabulary).0)
        let roadmap = Planner(ruleBase: base).plan(profile, calendar: try Fixture.calendar(2026, 12))
        let (_, original) = try Fixture.plan(Fixture.bourg)
        // Same capacity, same roadmap: the 12,000 inhabitants and 2 agents are read through their roles.
        #expect(roadmap.ids == original.ids)
        #expect(profile.name == "Communauté du Bourg")
    }

    @Test("les saisons se lisent par rôle : un fait outre-mer ou de saison de pointe renommé garde la saison chaude et la saison touristique")
    func seasonsFoundByRole() throws {
        let renamed = Fixture.vocabularyJSON.replacingOccurrences(of: "\"name\": \"outreMer\"", with: "\"name\": \"situationOutreMer\"")
            .replacingOccurrences(of: "\"name\": \"peakSeason\"", with: "\"name\": \"saisonDePointe\"")
        let base = try #require(Self.load(vocabulary: renamed).ruleBase)
        let json = #"{ "name": "Station", "kind": "commune", "population": 2800, "density": "rural-disperse", "situationOutreMer": "reunion", "saisonDePointe": "hiver" }"#
        let profile = try #require(ProfileLoader.load(Array(json.utf8), file: "p.json", vocabulary: base.vocabulary).0)
        #expect(HotSeason(profile: profile).name == "l'été austral")
        // Both read by role: a tropical territory's single tourist peak is « la haute saison touristique » (plan41).
        #expect(HotSeason.peakSeasons(profile: profile).map(\.name) == ["la haute saison touristique"])
    }

    @Test("un rôle manquant, inconnu, en double ou du mauvais type : erreurs positionnées au chargement")
    func roleErrors() throws {
        let missing = Self.load(vocabulary: Fixture.vocabularyJSON.replacingOccurrences(of: ", \"role\": \"population\"", with: ""))
        #expect(missing.diagnostics.map(\.message) == ["aucun fait n'a le rôle « population » : l'application le lit elle-même ; ajoutez \"role\": \"population\" au fait qui le porte (de type int)"])
        #expect(missing.ruleBase == nil)

        let unknown = Self.load(vocabulary: Fixture.vocabularyJSON.replacingOccurrences(of: "\"role\": \"agents\"", with: "\"role\": \"agent\""))
        #expect(unknown.diagnostics.map(\.code) == ["vocabulaire.role-inconnu"])
        #expect(unknown.diagnostics.last?.message.contains("vouliez-vous dire « agents » ?") == true)

        let twice = Self.load(vocabulary: Fixture.vocabularyJSON.replacingOccurrences(of: "\"name\": \"cls\", \"type\": \"enum\",", with: "\"name\": \"cls\", \"type\": \"enum\", \"role\": \"densite\","))
        #expect(twice.diagnostics.map(\.code) == ["vocabulaire.role-en-double"])
        #expect(twice.diagnostics.first?.notes.first?.location?.line == Fixture.location(of: "\"name\": \"density\"", in: Fixture.vocabularyJSON)?.line)

        let type = Self.load(vocabulary: Fixture.vocabularyJSON.replacingOccurrences(of: ", \"role\": \"nom\"", with: "")
            .replacingOccurrences(of: "\"name\": \"cls\", \"type\": \"enum\",", with: "\"name\": \"cls\", \"type\": \"enum\", \"role\": \"nom\","))
        #expect(type.diagnostics.map(\.message) == ["le fait « cls » a le rôle « nom » mais le type enum ; le type text était attendu"])

        let commune = Self.load(vocabulary: Fixture.vocabularyJSON.replacingOccurrences(of: ", \"role\": \"commune\"", with: ""))
        #expect(commune.diagnostics.map(\.code) == ["vocabulaire.role-commune"])
    }
}
