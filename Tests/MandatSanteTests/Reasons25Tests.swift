import Foundation
@testable import MandatSante
import Testing

/// « Pourquoi » gives the strongest reasons first (issue 12): a test that only leaves some overseas territories out
/// says nothing of the territory; a boost that says an alternative of an `or` takes its place, and the alternatives
/// written after it (the rule base lists them strongest first) come after the boosts.
@Suite("Pourquoi : les raisons les plus fortes d'abord")
struct Reasons25Tests {
    /// The reasons of card `id` as the default text edition prints them, and all of them.
    private static func reasons(_ profile: String, _ id: String) throws -> (shown: [String], all: [String]) {
        let (_, document) = try Plan24Tests.plan(profile)
        let phase = try #require(document.phases.first { $0.cards.contains { $0.id == id } })
        let card = try #require(phase.cards.first { $0.id == id })
        let shown = DocumentLabels.forYou(card, edition: CardEdition(detail: false, outlined: phase.outlined))
        return (shown.map(Plan24Tests.plain), card.forYou.map(Plan24Tests.plain))
    }

    @Test("« À envisager ensuite » : ne pas être déjà membre d'un réseau n'est pas une raison d'y adhérer")
    func missingMemberIsNoReason() throws {
        let (_, document) = try Plan24Tests.plan("banlieue-qpv-centre-sante")
        let espt = try #require(document.considerLater.first { $0.id == "rejoindre-espt" })
        // No reason: the line says what the network is (its stakes, `Present41Tests`), never « pourquoi ».
        #expect(espt.line?.hasPrefix("enjeu\u{00A0}: ") == true, "\(espt.line ?? "")")
        let villesSante = try #require(document.considerLater.first { $0.id == "rejoindre-villes-sante-oms" })
        #expect(villesSante.line?.hasPrefix("enjeu\u{00A0}: ") == true, "\(villesSante.line ?? "")")
        #expect(!document.considerLater.contains { ($0.line ?? "").contains("pas «") })
    }

    @Test("Mayotte : agir à l'échelle intercommunale ne se justifie pas par la « situation outre-mer »")
    func overseasExclusionIsNoReason() throws {
        let (shown, all) = try Self.reasons("village-mayotte-zip", "agir-echelle-intercommunale")
        #expect(shown == ["l'intercommunalité n'a pas encore de démarche santé, que la commune peut provoquer",
                          "aucune CPTS, dont l'émergence se joue à l'échelle du bassin de vie"])
        #expect(!all.contains { $0.hasPrefix("situation outre-mer") })
    }

    @Test("Mayotte : la lutte antivectorielle, réservée à l'outre-mer, garde pour raison la situation qui l'appelle (la dengue), non le seul lieu")
    func overseasConditionStaysAReason() throws {
        let (shown, _) = try Self.reasons("village-mayotte-zip", "lutte-antivectorielle-outre-mer")
        #expect(shown == ["risque de dengue et de chikungunya à chaque saison des pluies", "la prévention est une priorité de l'équipe"])
    }

    @Test("Mayotte : le bus de santé se justifie par la ZIP, les départs de médecins et l'hôpital loin, la croissance ensuite")
    func zoningBeforePopulationGrowth() throws {
        let (shown, all) = try Self.reasons("village-mayotte-zip", "medicobus-aller-vers")
        #expect(shown == ["zone d'intervention prioritaire, où l'accès aux soins est critique"])
        #expect(all == ["zone d'intervention prioritaire, où l'accès aux soins est critique",
                        "des départs de médecins généralistes sont attendus d'ici cinq ans",
                        "aucun hôpital à moins de 30 minutes",
                        "bourg rural sans maison ni centre de santé, dont les habitants font de longs trajets vers les soins",
                        "population en croissance", "priorité de l'équipe — accès aux soins"])
    }

    @Test("agglomération : l'accès aux droits se justifie par les quartiers prioritaires avant le taux de pauvreté")
    func priorityNeighbourhoodsBeforePovertyRate() throws {
        let (shown, all) = try Self.reasons("agglomeration-qpv-cls-en-preparation", "acces-aux-droits-sante")
        #expect(shown == ["quartier prioritaire, où les inégalités de santé se cumulent"])
        #expect(all == ["quartier prioritaire, où les inégalités de santé se cumulent",
                        "l'accès aux soins et la cohésion sociale sont des priorités de l'équipe",
                        "taux de pauvreté — 17 %"])
    }

    @Test("une condition que dit un bonus ne recule pas les raisons qui la précèdent : la ZIP reste en tête des soins non programmés")
    func earlierAlternativeStaysFirst() throws {
        let (_, all) = try Self.reasons("banlieue-centre-sante-deficit", "soins-non-programmes")
        #expect(all.first == "territoire en zone d'intervention prioritaire (ZIP)")
    }

    @Test("reader26a : la démarche intercommunale, le cabinet et le bien vieillir disent d'abord ce qui décide")
    func decidingReasonFirst() throws {
        let (village, _) = try Self.reasons("tres-petite-commune-rurale", "agir-echelle-intercommunale")
        #expect(village.first == "l'intercommunalité porte déjà une démarche santé, où la commune s'inscrit", "\(village)")
        let (cabinet, _) = try Self.reasons("station-balneaire-saisonniere", "cabinet-medical-logement")
        #expect(cabinet.first == "des départs de médecins généralistes sont attendus d'ici cinq ans", "\(cabinet)")
        let (elders, _) = try Self.reasons("station-balneaire-saisonniere", "bien-vieillir-petite-commune")
        #expect(elders == ["le bien vieillir est une priorité de l'équipe", "beaucoup d'habitants de 75 ans ou plus (17 %)"], "\(elders)")
    }
}
