import Foundation
import Testing

@Suite("mandat-sante roadmap")
struct RoadmapCommandTests {
    static let profiles = ["village-rural-zip", "petite-ville-pvd-msp", "ville-moyenne-qpv-cls", "metropole-cls-clsm", "communaute-communes-rurale"]

    private func roadmap(_ profile: String, _ extra: [String] = []) -> (ids: [(id: String, phase: String)], text: String) {
        let result = runCLI(["roadmap", "Profiles/\(profile).json", "--start", "2026-12"] + extra)
        #expect(result.exitCode == 0, "\(result.error)")
        let json = runCLI(["roadmap", "Profiles/\(profile).json", "--start", "2026-12", "--format", "json"] + extra)
        return (rankedIDs(json.output), result.output)
    }

    private func rank(_ id: String, in ids: [(id: String, phase: String)]) -> Int? {
        ids.firstIndex { $0.id == id }.map { $0 + 1 }
    }

    @Test("un village rural en ZIP agit à l'échelle intercommunale, avec un cabinet médical et des soins mobiles, les aides à l'installation à envisager ensuite, sans centre de santé ni CLSM")
    func villageInPriorityZone() throws {
        let (ids, text) = roadmap("village-rural-zip")
        let names = ids.map(\.id)
        #expect(names.contains("medicobus-aller-vers"))
        #expect(names.contains("cabinet-medical-logement"))
        // Eight actions at most for a team of one agent: the aids wait, said so.
        #expect(!names.contains("aides-installation-medecins"))
        #expect(flattenedText(text).contains("Articuler des aides locales à l'installation avec le zonage médical"))
        #expect(ids.first { $0.id == "agir-echelle-intercommunale" }?.phase == "Les trois prochains mois")
        #expect(!names.contains("centre-sante-salaries"))
        #expect(!names.contains("clsm-creer"))
        #expect(!names.contains("cls-engager"))
        #expect(text.contains("zone d'intervention prioritaire (ZIP)"))
        #expect(text.contains("À ENVISAGER ENSUITE"))
    }

    @Test("une ville moyenne avec QPV et CLS crée un ASV et un CLSM, n'engage pas de nouveau CLS, et garde l'approfondissement pour plus tard")
    func mediumCityWithPriorityDistricts() {
        let (ids, text) = roadmap("ville-moyenne-qpv-cls")
        let names = ids.map(\.id)
        #expect(names.contains("asv-creer"))
        #expect(names.contains("clsm-creer"))
        #expect(!names.contains("cls-engager"))
        #expect(flattenedText(text).contains("À ENVISAGER ENSUITE"))
        // The QPV is named where it drives an action (the ASV's « pour vous »), whether or not it is among the
        // three findings of page 1, which are ranked by what they make decided now.
        #expect(flattenedText(text).localizedCaseInsensitiveContains("au moins un quartier prioritaire de la politique de la ville (QPV)"))
    }

    @Test("une métropole au CLS échu le renouvelle (et n'en engage pas un), renforce son CLSM sans en créer")
    func metropolisRenewsItsContract() {
        let (ids, text) = roadmap("metropole-cls-clsm")
        let names = ids.map(\.id)
        #expect(names.contains("cls-renouveler"))
        #expect(!names.contains("cls-engager"))
        #expect(!names.contains("clsm-creer"))
        let detail = runCLI(["roadmap", "Profiles/metropole-cls-clsm.json", "--start", "2026-12", "--detail"]).output
        #expect(flattenedText(detail).contains("[cls-engager] — remplacée par"))
        #expect(!text.contains("[cls-engager]"))
    }

    @Test("une communauté de communes rurale recrute son coordinateur, qui mène le diagnostic partagé, avant d'engager la CPTS et le CLS, dans la même phase")
    func ruralCommunityOrdersPrerequisites() throws {
        let (ids, _) = roadmap("communaute-communes-rurale")
        let diagnostic = try #require(rank("diagnostic-sante-partage", in: ids))
        let cpts = try #require(rank("cpts-soutenir-emergence", in: ids))
        let cls = try #require(rank("cls-engager", in: ids))
        let coordinator = try #require(rank("cls-coordinateur", in: ids))
        #expect(diagnostic < cpts)
        #expect(coordinator < diagnostic && diagnostic < cls)
        #expect(ids[cls - 1].phase == ids[coordinator - 1].phase)
    }

    @Test("une petite ville qui construit une école commence par l'EIS, avant la cour")
    func smallTownStartsWithHealthImpactAssessment() throws {
        let (ids, _) = roadmap("petite-ville-pvd-msp")
        let eis = try #require(rank("eis-ecole", in: ids))
        #expect(ids[eis - 1].phase == "D'ici fin 2027")
        let schoolyard = try #require(rank("ecole-cour-oasis", in: ids))
        #expect(schoolyard > eis)
    }

    @Test("les feuilles de route des cinq profils diffèrent", arguments: [0, 1, 2, 3])
    func roadmapsDiffer(index: Int) {
        let a = roadmap(Self.profiles[index]).ids.prefix(8).map(\.id)
        let b = roadmap(Self.profiles[index + 1]).ids.prefix(8).map(\.id)
        #expect(a != b)
    }

    @Test("le texte tient en 80 colonnes et la sortie est identique d'une exécution à l'autre", arguments: profiles)
    func textFitsAndIsDeterministic(profile: String) {
        let first = roadmap(profile).text
        let second = roadmap(profile).text
        #expect(first == second)
        // A web address of the sources cannot be cut without breaking it: it stands alone on its line.
        let wide = first.split(separator: "\n").filter { $0.count > 80 }
        let tooWide = wide.filter { line in !(line.split(separator: " ").count == 1 && line.contains("://")) }
        #expect(tooWide.isEmpty, "lignes trop longues : \(tooWide.prefix(3))")
        #expect(wide.allSatisfy { String($0).trimmingCharacters(in: .whitespaces).hasPrefix("https://") }, "\(wide.prefix(3))")
    }

    @Test("le Markdown a un titre, la synthèse, une section par phase, à envisager ensuite")
    func markdownStructure() {
        let text = runCLI(["roadmap", "Profiles/village-rural-zip.json", "--start", "2026-12", "--format", "markdown"]).output
        #expect(text.hasPrefix("# Feuille de route santé du mandat — "))
        #expect(text.contains("## Synthèse pour l'exécutif"))
        #expect(text.contains("### Les trois prochains mois (déc. 2026 – févr. 2027)"))
        #expect(text.contains("**Premiers pas**\u{A0}:"))
        #expect(text.contains("## À envisager ensuite"))
    }

    @Test("--top garde les N premières actions")
    func topKeepsFirstActions() {
        let all = roadmap("metropole-cls-clsm").ids
        let top = roadmap("metropole-cls-clsm", ["--top", "5"]).ids
        #expect(top.map(\.id) == all.prefix(5).map(\.id))
    }

    @Test("--set modifie un fait : avec un CLS en vigueur, le village ne l'engage plus")
    func setOverridesFact() {
        let result = runCLI(["roadmap", "Profiles/communaute-communes-rurale.json", "--start", "2026-12", "--set", "cls=en-vigueur", "--format", "json"])
        let names = rankedIDs(result.output).map(\.id)
        #expect(!names.contains("cls-engager"))
        #expect(!names.contains("diagnostic-sante-partage"))
        #expect(names.contains("cls-coordinateur"))
    }

    @Test("une date de départ tardive ne garde que les phases restantes")
    func lateStart() {
        let text = runCLI(["roadmap", "Profiles/village-rural-zip.json", "--start", "2031-06"]).output
        #expect(text.contains("Les trois prochains mois (juin 2031 – août 2031)"))
        #expect(text.contains("Jusqu'à la fin du mandat (sept. 2031 – févr. 2032)"))
        #expect(!text.contains("Jusqu'au bilan de mi-mandat ("))
        #expect(!text.contains("100 premiers jours"))
    }

    @Test("--output écrit le fichier de façon atomique")
    func outputWritesFile() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("feuille.md").path
        let result = runCLI(["roadmap", "Profiles/village-rural-zip.json", "--start", "2026-12", "--format", "markdown", "--output", path])
        #expect(result.exitCode == 0)
        #expect(result.output.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.hasPrefix("# Feuille de route"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["feuille.md"])
    }

    @Test("outreMer « autre » sans lieu qui le confirme : la feuille de route sort, un avertissement sur stderr dit ce que « autre » veut dire désormais")
    func formerOverseasOtherNotice() throws {
        let directory = try temporaryDirectory()
        let profile = directory.appendingPathComponent("pacifique-ancien.json").path
        try Data("""
        {
          "name": "Commune du Pacifique (test)",
          "kind": "commune",
          "population": 9000,
          "density": "petite-ville",
          "outreMer": "autre"
        }
        """.utf8).write(to: URL(fileURLWithPath: profile))
        let result = runCLI(["roadmap", profile, "--start", "2026-12"])
        #expect(result.exitCode == 0, "\(result.error)")
        #expect(result.output.hasPrefix("FEUILLE DE ROUTE SANTÉ DU MANDAT — Commune du Pacifique (test)"))
        #expect(!result.output.contains("avertissement"))
        #expect(result.error == """
        \(profile):6:15: avertissement: [faits.outre-mer-autre] outreMer « autre » désigne désormais Saint-Martin ou Saint-Barthélemy, où l'ARS de Guadeloupe est compétente ; pour la Nouvelle-Calédonie, la Polynésie française ou Wallis-et-Futuna, indiquez « pacifique » : sinon la feuille de route y parle d'ARS et d'Assurance Maladie, qui n'y existent pas
              "outreMer": "autre"
                          ^

        """)
        // Saint-Martin named, or « pacifique » given: nothing to say.
        let saintMartin = runCLI(["roadmap", profile, "--start", "2026-12", "--set", "region=Saint-Martin"])
        #expect(saintMartin.exitCode == 0 && saintMartin.error.isEmpty, "\(saintMartin.error)")
        let pacific = runCLI(["roadmap", profile, "--start", "2026-12", "--set", "outreMer=pacifique"])
        #expect(pacific.exitCode == 0 && pacific.error.isEmpty, "\(pacific.error)")
    }

    @Test("un profil du Pacifique qui déclare une ZIP : la feuille de route sort, un avertissement placé au zonage dit que ce zonage n'y existe pas")
    func pacificZoningNotice() throws {
        let directory = try temporaryDirectory()
        let profile = directory.appendingPathComponent("pacifique-zip.json").path
        try Data("""
        {
          "name": "Commune du Pacifique (test)",
          "kind": "commune",
          "population": 9000,
          "density": "petite-ville",
          "outreMer": "pacifique",
          "medicalZoning": "zip"
        }
        """.utf8).write(to: URL(fileURLWithPath: profile))
        let result = runCLI(["roadmap", profile, "--start", "2026-12"])
        #expect(result.exitCode == 0, "\(result.error)")
        #expect(result.output.hasPrefix("FEUILLE DE ROUTE SANTÉ DU MANDAT — Commune du Pacifique (test)"))
        #expect(result.error == """
        \(profile):7:20: avertissement: [faits.zonage-pacifique] medicalZoning « zip » : le zonage médecins des ARS (ZIP, ZAC) n'existe pas dans le Pacifique (Nouvelle-Calédonie, Polynésie française, Wallis-et-Futuna), ni les aides à l'installation qui en dépendent ; indiquez « aucun » : un manque de médecins se dit par les départs de médecins, la part d'habitants sans médecin traitant ou la priorité « acces-aux-soins »
              "medicalZoning": "zip"
                               ^

        """)
        let none = runCLI(["roadmap", profile, "--start", "2026-12", "--set", "medicalZoning=aucun"])
        #expect(none.exitCode == 0 && none.error.isEmpty, "\(none.error)")
    }

}
