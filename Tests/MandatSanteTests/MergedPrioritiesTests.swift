import Testing
@testable import MandatSante

/// Two of the team's priorities among a card's reasons are said once (read39f).
@Suite("Pourquoi : deux priorités de l'équipe dites ensemble")
struct MergedPrioritiesTests {
    @Test("deux priorités : « … et … sont des priorités de l'équipe », à la place de la première ; les autres raisons restent")
    func twoPriorities() {
        let lines = ["la santé environnementale est une priorité de l'équipe", "territoire exposé à la chaleur",
                     "l'adaptation au changement climatique est une priorité de l'équipe"]
        #expect(RoadmapPresenter.Context.mergedPriorities(lines)
                == ["la santé environnementale et l'adaptation au changement climatique sont des priorités de l'équipe", "territoire exposé à la chaleur"])
    }

    @Test("une priorité qui contient déjà « et » : « ainsi que » plutôt que deux « et » ; une seule priorité : rien ne change")
    func subjectWithAnd() {
        #expect(RoadmapPresenter.Context.mergedPriorities(["l'enfance et la jeunesse sont une priorité de l'équipe", "la santé mentale est une priorité de l'équipe"])
                == ["l'enfance et la jeunesse ainsi que la santé mentale sont des priorités de l'équipe"])
        let one = ["la prévention est une priorité de l'équipe et une mission de la CPTS", "le bien vieillir est une priorité de l'équipe"]
        #expect(RoadmapPresenter.Context.mergedPriorities(one) == one)
    }

    @Test("les profils d'exemple : aucune fiche ne dit deux fois « est une priorité de l'équipe »", arguments: ["ceinture-urbaine-chaleur-ecole", "commune-guyane-croissance"])
    func examples(name: String) throws {
        let document = try ExampleSynthesisTests.document(name)
        for card in document.cards {
            let why = card.forYou.map(Plan24Tests.plain).joined(separator: " ; ")
            #expect(why.components(separatedBy: "une priorité de l'équipe").count <= 2, "\(card.id) : \(why)")
        }
        #expect(document.cards.contains { $0.forYou.map(Plan24Tests.plain).contains { $0.hasSuffix("sont des priorités de l'équipe") } })
    }
}
