import Foundation
import Testing

@Suite("mandat-sante compare")
struct CompareCommandTests {
    /// The lines of the section titled `heading` (« AJOUTÉES », « RETIRÉES »…) of a text comparison.
    private func section(_ heading: String, in text: String) -> String {
        var lines: [Substring] = []
        var inside = false
        for line in text.replacingOccurrences(of: "\u{A0}", with: " ").split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(heading + " (") { inside = true; continue }
            if inside && line.isEmpty { break }
            if inside { lines.append(line) }
        }
        return lines.joined(separator: "\n")
    }

    private func unwrapped(_ text: String) -> String {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// The entries of a section (each starts with « + », « - », « → », « ↑ » or « ↓ »), unwrapped to one line each.
    private func entries(_ heading: String, in text: String) -> [String] {
        var result: [String] = []
        for line in section(heading, in: text).split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("  ") && !line.hasPrefix("   ") { result.append(trimmed) } else if !result.isEmpty { result[result.count - 1] += " " + trimmed }
        }
        return result
    }

    private func entry(_ id: String, _ heading: String, in text: String) -> String? {
        entries(heading, in: text).first { $0.contains("[\(id)]") }
    }

    static let clsInForce = ["compare", "Profiles/communaute-communes-rurale.json", "--set", "cls=en-vigueur", "--start", "2026-12"]

    @Test("un fait oui/non que la raison dit déjà n'est pas redit en « non → oui » ; le changement reste dans le profil")
    func yesNoFactSaidOnce() throws {
        let result = runCLI(["compare", "Profiles/banlieue-centre-sante-deficit.json", "--set", "clsm=true", "--start", "2026-12"])
        #expect(result.exitCode == 0, "\(result.error)")
        #expect(result.output.contains("  - un conseil local de santé mentale (CLSM) existe : non → oui"))
        let removed = try #require(entry("clsm-creer", "RETIRÉES", in: result.output))
        #expect(removed.hasSuffix("Pourquoi : sa condition n'est plus remplie : un conseil local de santé mentale (CLSM) existe"), "\(removed)")
        #expect(!removed.contains("ce qui a changé"))
    }

    @Test("un agent de plus : l'action retirée nomme celle, mieux notée, qui prend sa place ; la cour oasis tenait déjà son échéance")
    func moreStaffReasonsNameTheActions() throws {
        let result = runCLI(["compare", "Profiles/petite-ville-pvd-msp.json", "--set", "engineeringStaff=3", "--start", "2026-12"])
        #expect(result.exitCode == 0, "\(result.error)")
        let removed = try #require(entry("perturbateurs-endocriniens-achats", "RETIRÉES", in: result.output))
        #expect(removed.contains("(capacité : 2,6 → 2,9 unités d'effort par an) ; sa place va désormais à [docteurs-juniors] (ajoutée), mieux notée"), "\(removed)")
        // Since session 30 the school yard keeps its deadline with two agents (the seniors' council follows it).
        #expect(entry("ecole-cour-oasis", "CHANGENT DE PHASE", in: result.output) == nil)
    }

    @Test("--set cls=en-vigueur sur la communauté de communes rurale : retire le CLS et son diagnostic, libère de la place, avec les raisons")
    func clsInForce() throws {
        let result = runCLI(Self.clsInForce)
        #expect(result.exitCode == 0, "\(result.error)")
        let text = result.output
        #expect(text.hasPrefix("COMPARAISON DE FEUILLES DE ROUTE\n"))
        #expect(text.contains("Après : le même profil avec --set cls=en-vigueur"))
        #expect(text.contains("  - contrat local de santé (CLS) : aucun CLS → CLS signé et en vigueur"))
        let change = "ce qui a changé : contrat local de santé (CLS) : aucun CLS → CLS signé et en vigueur"

        let removed = try #require(entry("cls-engager", "RETIRÉES", in: text))
        #expect(removed.hasPrefix("- Engager un contrat local de santé avec l'ARS [cls-engager] était au rang "))
        #expect(removed.contains("Pourquoi : sa condition n'est plus remplie : contrat local de santé (CLS) : "))
        // The value it now has, not « autre que CLS signé et en vigueur — ici CLS signé et en vigueur ».
        #expect(removed.contains("sa condition n'est plus remplie : contrat local de santé (CLS) : CLS signé et en vigueur ; " + change))
        #expect(!removed.contains("autre que"))

        let diagnostic = try #require(entry("diagnostic-sante-partage", "RETIRÉES", in: text))
        #expect(diagnostic.hasSuffix(change))
        // The room the CLS and its diagnostic took goes first to the team's priorities (the « bien vieillir »
        // strategy, smoothed out of an overfilled 2027 before, now in 2027), then to the best action that fits what
        // is left: the autonomy residence open to its neighbourhood (95). The PLU action, due before the arrêt of the
        // plan, was already placed before the mid-mandate review (since plan39, in the place of a lighter action) and
        // stays there.
        let strategy = try #require(entry("bien-vieillir-strategie-territoriale", "CHANGENT DE PHASE", in: text))
        #expect(strategy.contains("Jusqu'au bilan de mi-mandat → D'ici fin 2027"))
        let residence = try #require(entry("residence-autonomie-habitat-inclusif", "AJOUTÉES", in: text))
        #expect(residence.contains("Jusqu'au bilan de mi-mandat"))
        #expect(residence.contains("Pourquoi : de la place s'est libérée dans le calendrier"))
        #expect(entry("urbanisme-favorable-sante-plu", "AJOUTÉES", in: text) == nil)
        #expect(entry("urbanisme-favorable-sante-plu", "CHANGENT DE PHASE", in: text) == nil)
        // The coordinator stays in 2027 (a CLS in force without coordination is what it answers); an action of the
        // first quarter that the freed room lets in may put it one rank lower, never in another phase.
        #expect(entry("cls-coordinateur", "RETIRÉES", in: text) == nil)
        #expect(entry("cls-coordinateur", "CHANGENT DE PHASE", in: text) == nil)
        // Its score rose: the rank it lost is said by what now comes before it, not by the score.
        if let coordinator = entry("cls-coordinateur", "DESCENDENT", in: text) {
            #expect(coordinator.contains("D'ici fin 2027") && coordinator.contains("passe désormais après"), "\(coordinator)")
        }

        #expect(entry("cls-engager", "AJOUTÉES", in: text) == nil)
        #expect(text.contains("EN BREF : "))
        for line in text.split(separator: "\n") {
            #expect(line.count <= 80, "ligne trop longue : \(line)")
        }
    }

    @Test("chaque action qui change de phase ou de rang dit de combien et pourquoi")
    func movesHaveReasons() {
        let text = runCLI(Self.clsInForce).output
        let moves = ["CHANGENT DE PHASE", "MONTENT", "DESCENDENT"].flatMap { entries($0, in: text) }
        #expect(!moves.isEmpty)
        for move in moves {
            // A change of phase at the same rank says its rank and the two phases (« rang 12 · A → B »).
            #expect(move.range(of: #"rang \d+( → \d+)? · "#, options: .regularExpression) != nil, "\(move)")
            #expect(move.contains(" Pourquoi : "), "\(move)")
        }
        for move in entries("CHANGENT DE PHASE", in: text) {
            #expect(move.contains("avant : « ") && move.contains("désormais : « "), "\(move)")
        }
        #expect(!entries("MONTENT", in: text).isEmpty)
    }

    @Test("deux profils : ce qui change dans le profil, puis dans la feuille de route")
    func twoProfiles() {
        let result = runCLI(["compare", "Profiles/village-rural-zip.json", "Profiles/petite-ville-pvd-msp.json", "--start", "2026-12"])
        #expect(result.exitCode == 0, "\(result.error)")
        let text = result.output
        #expect(unwrapped(text).contains("Avant : Village de Saint-Aubin-des-Landes (exemple) (Profiles/village-rural-zip.json) Après : Petite ville de Montclar-sur-Vienne (exemple) (Profiles/petite-ville-pvd-msp.json)"))
        #expect(text.replacingOccurrences(of: "\u{A0}", with: " ").contains("  - population : 420 habitants → 8 200 habitants"))
        #expect(text.contains("  - capacité : "))
        #expect(!section("AJOUTÉES", in: text).isEmpty)
        #expect(!section("RETIRÉES", in: text).isEmpty)
    }

    @Test("le même profil deux fois : aucune différence")
    func sameProfile() {
        let result = runCLI(["compare", "Profiles/village-rural-zip.json", "Profiles/village-rural-zip.json", "--start", "2026-12"])
        #expect(result.exitCode == 0)
        #expect(result.output.contains("Aucune différence"))
    }

    @Test("--format markdown : tableau des faits et sections")
    func markdown() {
        let result = runCLI(["compare", "Profiles/communaute-communes-rurale.json", "--set", "cls=en-vigueur", "--start", "2026-12", "--format", "markdown"])
        #expect(result.exitCode == 0)
        #expect(result.output.hasPrefix("# Comparaison de feuilles de route\n"))
        #expect(result.output.contains("| contrat local de santé (CLS) | aucun CLS | CLS signé et en vigueur |"))
        #expect(result.output.contains("## Ajoutées ("))
        #expect(result.output.contains("(`participation-habitants-diagnostic`)"))
    }

    struct BadCase: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var fragment: String
        var testDescription: String { name }
    }

    @Test("erreurs de ligne de commande : français clair, code 2", arguments: [
        BadCase(name: "fait inconnu dans --set", arguments: ["Profiles/communaute-communes-rurale.json", "--set", "clss=en-vigueur"],
                fragment: "mandat-sante : erreur : --set fait inconnu « clss » ; vouliez-vous dire « cls » ?\nVoir « mandat-sante help compare »."),
        BadCase(name: "valeur inconnue dans --set", arguments: ["Profiles/communaute-communes-rurale.json", "--set", "cls=signe"],
                fragment: "--set cls : valeur inconnue « signe »"),
        BadCase(name: "--set sans signe égal", arguments: ["Profiles/communaute-communes-rurale.json", "--set", "cls"],
                fragment: "la forme fait=valeur était attendue"),
        BadCase(name: "nombre hors limites dans --set", arguments: ["Profiles/communaute-communes-rurale.json", "--set", "population=0"],
                fragment: "--set population : 0 est hors limites"),
        BadCase(name: "rien à comparer", arguments: ["Profiles/communaute-communes-rurale.json"], fragment: "rien à comparer"),
        BadCase(name: "--set avec deux profils", arguments: ["Profiles/village-rural-zip.json", "Profiles/metropole-cls-clsm.json", "--set", "cls=aucun"],
                fragment: "--set ne s'emploie qu'avec un seul profil"),
        BadCase(name: "format inconnu", arguments: ["Profiles/village-rural-zip.json", "--set", "cpts=true", "--format", "markdwn"],
                fragment: "format inconnu « markdwn » ; vouliez-vous dire « markdown » ?"),
    ])
    func badCommandLines(_ example: BadCase) {
        let result = runCLI(["compare"] + example.arguments + ["--start", "2026-12"])
        #expect(result.exitCode == 2)
        #expect(result.error.contains(example.fragment), "\(result.error)")
        #expect(result.output.isEmpty)
    }

    @Test("--set d'un fait inconnu sur roadmap et explain : code 2 et « vouliez-vous dire »")
    func setOnOtherCommands() {
        for command in ["roadmap", "explain"] {
            let result = runCLI([command, "Profiles/village-rural-zip.json", "--set", "populaton=1200", "--start", "2026-12"])
            #expect(result.exitCode == 2)
            #expect(result.error.contains("fait inconnu « populaton » ; vouliez-vous dire « population » ?"))
        }
    }
}
