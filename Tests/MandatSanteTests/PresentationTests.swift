import MandatSante
import RuleKit
import Testing

@Suite("Présentation et rendus")
struct PresentationTests {
    static let nbsp = "\u{00A0}"

    static func present(_ spec: Fixture.ProfileSpec, recs: [Fixture.Rec] = Fixture.standard) throws -> RoadmapPresentation {
        let (base, roadmap) = try Fixture.plan(spec, recs: recs)
        return RoadmapPresentation(roadmap: roadmap, ruleBase: base)
    }

    static func item(_ id: String, in presentation: RoadmapPresentation) throws -> ItemPresentation {
        try #require(presentation.phases.flatMap(\.items).first { $0.id == id })
    }

    static func leftOutEntry(_ id: String, in presentation: RoadmapPresentation) -> (group: String, reason: String)? {
        for group in presentation.leftOut {
            if let entry = group.entries.first(where: { $0.id == id }) { return (group.title, entry.reason) }
        }
        return nil
    }

    // MARK: RoadmapPresentation

    @Test("les raisons d'une action lisent la condition en français avec la valeur du territoire")
    func reasonsWithValues() throws {
        let presentation = try Self.present(Fixture.smallCommune)
        let item = try Self.item("petite-commune-mutualiser", in: presentation)
        #expect(item.reasons == [
            "population : moins de 3\(Self.nbsp)500\(Self.nbsp)habitants — ici 420\(Self.nbsp)habitants",
            // A held membership already states the value.
            "densité : bourg rural ou rural à habitat dispersé",
        ])
        // Numbers are grouped with a no-break space, never a plain one.
        #expect(!item.reasons[0].contains("3 500"))
        #expect(item.leverTitle == "Coordination territoriale")
        #expect(item.phaseTitle == "Jusqu'à mi-mandat")
        #expect(item.effort == "moyen")
        #expect(item.horizon == "d'ici mi-mandat")
        #expect(item.sources == ["Livre blanc 2026 — Chapitre 1"])
        #expect(item.placementNote == nil)
    }

    @Test("les raisons nomment un fait booléen par son libellé et une liste par la valeur cherchée")
    func reasonsForBoolAndSet() throws {
        let presentation = try Self.present(Fixture.bourg)
        #expect(try Self.item("cpts-soutenir", in: presentation).reasons == [
            "aucune CPTS ne couvre le territoire",
            "population : au moins 2\(Self.nbsp)000\(Self.nbsp)habitants — ici 12\(Self.nbsp)000\(Self.nbsp)habitants",
        ])
        #expect(try Self.item("clsm-creer", in: presentation).reasons == ["priorités de l'équipe : comprend « santé mentale »"])
        #expect(try Self.item("seniors-canicule", in: presentation).reasons == [
            "part des 75 ans et plus : au moins 12\(Self.nbsp)% — ici 14\(Self.nbsp)%",
        ])
    }

    @Test("la ligne de score détaille les termes dans l'ordre")
    func scoreLine() throws {
        let presentation = try Self.present(Fixture.smallCommune)
        #expect(try Self.item("sante-mentale-relais", in: presentation).scoreLine
            == "55 (priorité de base) + 20 (une petite commune s'appuie sur des relais plutôt que sur un CLSM) = 75")
        #expect(try Self.item("diagnostic-partage", in: presentation).scoreLine == "50 (priorité de base)")
    }

    @Test("le calendrier, les préalables et les remplacements sont expliqués")
    func placementAndRelations() throws {
        let presentation = try Self.present(Fixture.bourg)
        let cpts = try Self.item("cpts-soutenir", in: presentation)
        #expect(cpts.placementNote == "placée en « La première année » pour venir après « Établir un diagnostic local de santé partagé »")
        #expect(cpts.relations == ["après : Établir un diagnostic local de santé partagé"])
        #expect(try Self.item("cls-renouveler", in: presentation).relations == ["remplace : Engager un contrat local de santé"])
        #expect(try Self.item("clsm-creer", in: presentation).relations == ["écarte : Former des relais en santé mentale"])
    }

    @Test("une action reportée faute de capacité le dit")
    func capacityNote() throws {
        let recs = [
            Fixture.Rec(id: "p1", title: "P1", when: "population >= 1", priority: 90, horizon: "100-jours", effort: "fort"),
            Fixture.Rec(id: "p2", title: "P2", when: "population >= 1", priority: 80, horizon: "100-jours", effort: "fort"),
        ]
        let presentation = try Self.present(Fixture.smallCommune, recs: recs)
        #expect(try Self.item("p2", in: presentation).placementNote
            == "prévue pour « Les 100 premiers jours », reportée en « La première année » : la capacité des phases précédentes était atteinte")
    }

    @Test("portrait, phases et compteurs")
    func portraitAndPhases() throws {
        let presentation = try Self.present(Fixture.smallCommune)
        #expect(presentation.portrait.title == "Saint-Petit")
        #expect(presentation.portrait.summary == "commune · 420\(Self.nbsp)habitants · rural à habitat dispersé")
        #expect(presentation.startMonth == "décembre 2026")
        #expect(presentation.phases.map(\.period) == ["déc. 2026 – févr. 2027", "mars 2027 – nov. 2027", "déc. 2027 – févr. 2029", "mars 2029 – févr. 2032"])
        #expect(presentation.phases.map(\.capacity) == Capacity(population: 420, engineeringStaff: 1, phases: try Fixture.calendar(2026, 12).phases).unitsPerPhase)
        #expect(presentation.phases.map(\.used) == [0, 2, 2, 1])
        #expect(presentation.phases.map { $0.items.map(\.id) } == [
            [], ["sante-mentale-relais", "diagnostic-partage"], ["petite-commune-mutualiser"], ["bilan-mandat"],
        ])
        #expect(presentation.itemCount == 4)
        #expect(presentation.recommendationCount == Fixture.standard.count)
        let line = try #require(presentation.portrait.lines.first { $0.label == "Capacité" })
        let capacity = Capacity(population: 420, engineeringStaff: 1, phases: [])
        #expect(line.text == "1 agent pour porter des projets : \(capacity.yearlyUnits) unités d'effort par an (\(capacity.sizeUnits) liées à la taille, 2 à l'équipe)")
        let priorities = try #require(presentation.portrait.lines.first { $0.label == "Priorités de l'équipe" })
        #expect(priorities.text == "santé mentale")
    }

    @Test("les constats qui retiennent ou renforcent des actions orientent la feuille de route, hors taille")
    func drivers() throws {
        let presentation = try Self.present(Fixture.bourg)
        #expect(presentation.drivers.map(\.text) == [
            "aucune CPTS ne couvre le territoire",
            "contrat local de santé : CLS en vigueur",
            "part des 75 ans et plus : au moins 12\(Self.nbsp)% — ici 14\(Self.nbsp)%",
            // From the boost of the CPTS action.
            "priorités de l'équipe : comprend « accès aux soins »",
            "priorités de l'équipe : comprend « santé mentale »",
        ])
        #expect(presentation.drivers.map(\.count) == [1, 1, 1, 1, 1])
        #expect(!presentation.drivers.contains { $0.text.hasPrefix("population") || $0.text.hasPrefix("densité") })
    }

    @Test("les recommandations écartées sont groupées avec leur raison")
    func leftOutGroups() throws {
        let presentation = try Self.present(Fixture.smallCommune)
        #expect(presentation.leftOut.map(\.title) == ["Remplacées ou écartées par une option plus adaptée", "Conditions non réunies pour ce territoire"])
        #expect(Self.leftOutEntry("clsm-creer", in: presentation)?.reason
            == "écartée au profit de « Former des relais en santé mentale », mieux classée")
        #expect(Self.leftOutEntry("cpts-soutenir", in: presentation)?.reason
            == "population : au moins 2\(Self.nbsp)000\(Self.nbsp)habitants — ici 420\(Self.nbsp)habitants")
        #expect(Self.leftOutEntry("cls-renouveler", in: presentation)?.reason
            == "contrat local de santé : CLS en vigueur — ici aucun CLS")
        #expect(Self.leftOutEntry("seniors-canicule", in: presentation)?.reason
            == "part des 75 ans et plus : au moins 12\(Self.nbsp)% — ici non renseigné (inconnu)")

        let bourg = try Self.present(Fixture.bourg)
        #expect(Self.leftOutEntry("cls-engager", in: bourg)?.reason == "remplacée par « Renouveler le contrat local de santé »")
        let top = RoadmapPresentation(roadmap: try Fixture.plan(Fixture.bourg, top: 5).roadmap, ruleBase: try Fixture.ruleBase())
        #expect(Self.leftOutEntry("bilan-mandat", in: top)?.group == "Au-delà du nombre d'actions demandé")
        #expect(Self.leftOutEntry("bilan-mandat", in: top)?.reason == "score 30, au-delà des 5 premières actions")
    }

    @Test("les écartées faute de capacité donnent leur score ou leur préalable")
    func leftOutForCapacity() throws {
        // Two big projects leave too little room in the two phases left from November 2031 for a third.
        let recs = [
            Fixture.Rec(id: "f1", title: "Grand projet 1", when: "population >= 1", priority: 99, horizon: "100-jours", effort: "fort"),
            Fixture.Rec(id: "f2", title: "Grand projet 2", when: "population >= 1", priority: 98, horizon: "100-jours", effort: "fort"),
            Fixture.Rec(id: "p1", title: "Premier", when: "population >= 1", priority: 90, horizon: "100-jours", effort: "fort"),
            Fixture.Rec(id: "p2", title: "Second", when: "population >= 1", priority: 80, horizon: "100-jours", after: ["p1"]),
        ]
        let (base, roadmap) = try Fixture.plan(Fixture.smallCommune, recs: recs, start: (2031, 11))
        let presentation = RoadmapPresentation(roadmap: roadmap, ruleBase: base)
        #expect(presentation.leftOut.map(\.title) == ["Faute de capacité pendant le mandat"])
        #expect(Self.leftOutEntry("p1", in: presentation)?.reason == "score 90 : les phases restantes sont pleines")
        #expect(Self.leftOutEntry("p2", in: presentation)?.reason == "son préalable « Premier » n'a pas pu être placé")
    }

    // MARK: Text renderer

    static let longTail = "en associant durablement les professionnels de santé du bassin de vie, les services de l'intercommunalité, les associations d'usagers et les partenaires institutionnels du département"

    static var longRecs: [Fixture.Rec] {
        Fixture.standard.map { rec in
            var rec = rec
            rec.title += " " + longTail
            rec.why = "Sur un territoire comme le vôtre, cette action compte parce qu'elle " + longTail + " ; " + longTail + "."
            rec.steps = ["Réunir " + longTail + ".", "Écrire avec eux une feuille de route " + longTail + "."]
            rec.partners = ["ARS (délégation départementale) " + longTail, "Conseil départemental"]
            return rec
        }
    }

    @Test("le rendu texte ne dépasse jamais 80 caractères par ligne", arguments: [Fixture.smallCommune, Fixture.bourg])
    func textWidth(spec: Fixture.ProfileSpec) throws {
        var spec = spec
        spec.name = "Communauté de communes du Haut-Pays des Trois Vallées, des Plateaux et de l'Arrière-Pays montagnard"
        let presentation = try Self.present(spec, recs: Self.longRecs)
        let text = TextRoadmapRenderer().render(presentation)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 50)
        for line in lines {
            #expect(line.count <= 80, "\(line.count) caractères : \(line)")
        }
        // Long titles are wrapped, not cut: every word is still there.
        #expect(Fixture.flattened(text).contains(Fixture.flattened(Self.longRecs[0].title)))
        #expect(Fixture.flattened(text).contains(Fixture.flattened(spec.name)))
    }

    @Test("le rendu texte présente les actions et liste les écartées avec leur raison")
    func textContent() throws {
        let presentation = try Self.present(Fixture.smallCommune)
        let text = TextRoadmapRenderer().render(presentation)
        #expect(text.hasPrefix("FEUILLE DE ROUTE SANTÉ DU MANDAT — Saint-Petit\n"))
        let flat = Fixture.flattened(text)
        #expect(flat.contains("1. Former des relais en santé mentale"))
        #expect(flat.contains("- population : moins de 3 500 habitants — ici 420 habitants"))
        #expect(flat.contains("Score : 55 (priorité de base) + 20 (une petite commune s'appuie sur des relais plutôt que sur un CLSM) = 75"))
        #expect(flat.contains("ÉCARTÉES ET POURQUOI"))
        #expect(flat.contains("Remplacées ou écartées par une option plus adaptée (1) :"))
        #expect(flat.contains("- Créer un conseil local de santé mentale [clsm-creer] — écartée au profit de « Former des relais en santé mentale », mieux classée"))
        #expect(flat.contains("Conditions non réunies pour ce territoire (4) :"))
        #expect(flat.contains("- Tenir un registre canicule des personnes âgées [seniors-canicule] — part des 75 ans et plus : au moins 12 % — ici non renseigné (inconnu)"))
        #expect(flat.contains("- Soutenir l'émergence d'une CPTS [cpts-soutenir] — population : au moins 2 000 habitants — ici 420 habitants"))
        // The « 3 500 » of a reason never breaks across lines.
        #expect(text.contains("3\(Self.nbsp)500\(Self.nbsp)habitants"))
    }

    // MARK: Markdown renderer

    @Test("le rendu Markdown échappe le nom venu du profil")
    func markdownEscapesProfileName() throws {
        var spec = Fixture.smallCommune
        spec.name = "Saint-*Bonnet*_le_<Froid>"
        let markdown = MarkdownRoadmapRenderer().render(try Self.present(spec))
        let firstLine = try #require(markdown.split(separator: "\n").first)
        #expect(firstLine == #"# Feuille de route santé du mandat — Saint-\*Bonnet\*\_le\_\<Froid\>"#)
        #expect(!markdown.contains("*Bonnet*"))
        #expect(!markdown.contains("_le_"))
        #expect(!markdown.contains("<Froid>"))
    }

    @Test("le rendu Markdown présente les actions et liste les écartées avec leur raison")
    func markdownContent() throws {
        let markdown = MarkdownRoadmapRenderer().render(try Self.present(Fixture.smallCommune))
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let capacity = Capacity(population: 420, engineeringStaff: 1, phases: try Fixture.calendar(2026, 12).phases).unitsPerPhase
        #expect(lines.contains("| Les 100 premiers jours | déc. 2026 – févr. 2027 | 0 | 0 / \(capacity[0]) |"))
        #expect(lines.contains("| La première année | mars 2027 – nov. 2027 | 2 | 2 / \(capacity[1]) |"))
        #expect(lines.contains("### 1. Former des relais en santé mentale"))
        #expect(lines.contains("- population : moins de 3\(Self.nbsp)500\(Self.nbsp)habitants — ici 420\(Self.nbsp)habitants"))
        #expect(lines.contains("## Écartées et pourquoi"))
        #expect(lines.contains("### Remplacées ou écartées par une option plus adaptée (1)"))
        #expect(lines.contains("- Créer un conseil local de santé mentale (`clsm-creer`) — écartée au profit de « Former des relais en santé mentale », mieux classée"))
        #expect(lines.contains("### Conditions non réunies pour ce territoire (4)"))
        #expect(lines.contains("- Renouveler le contrat local de santé (`cls-renouveler`) — contrat local de santé : CLS en vigueur — ici aucun CLS"))
        #expect(lines.contains("- Tenir un registre canicule des personnes âgées (`seniors-canicule`) — part des 75 ans et plus : au moins 12\(Self.nbsp)% — ici non renseigné (inconnu)"))
    }

    @Test("chaque format nommé a son moteur de rendu")
    func formats() throws {
        let presentation = try Self.present(Fixture.smallCommune)
        #expect(RoadmapFormat(rawValue: "texte")?.renderer.render(presentation) == TextRoadmapRenderer().render(presentation))
        #expect(RoadmapFormat(rawValue: "markdown")?.renderer.render(presentation) == MarkdownRoadmapRenderer().render(presentation))
    }
}
