import Foundation
@testable import MandatSante
import RuleKit
import Testing

/// Session 22 (issue 14, content): sources a reader can trace — a national mechanism cites a national, dated
/// source; a regional page is printed only in its region, as a Repère.
@Suite("Contenu 22 : des sources qu'un lecteur peut suivre")
struct Content22Tests {
    /// Regional pages that used to be cited to every territory.
    static let regionalPages: Set<String> = ["ars-hdf-guide-cls", "ars-paca-cnfpt-convention-2025", "ars-occitanie-mcs", "paps-ara-projet-de-sante-msp", "prefecture-indre-et-loire-ambroisies-2024", "ars-ara-cls-essentiel", "prefecture-vienne-plan-communal-de-sauvegarde", "prefecture-64-mildeca-aap-2023"]

    @Test("un mécanisme national cite une source nationale datée : la loi 3DS pour le CLS intercommunal, l'arrêté de 2007 pour les médecins correspondants du SAMU, le code de la santé publique pour le projet de santé d'une MSP, l'instruction de 2018 pour l'ambroisie, la réponse ministérielle de 2022 pour le CNFPT ; aucune page régionale sous « Sources »")
    func nationalSourcesForNationalMechanisms() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let expected = [
            "agir-echelle-intercommunale": "loi-3ds-2022-article-122",
            "medecins-correspondants-samu": "arrete-medecins-correspondants-samu-2007",
            "msp-projet-de-sante": "csp-l6323-3-maisons-de-sante",
            "ambroisie-lutte": "instruction-ambroisie-2018",
            "formation-cnfpt-agents": "gazette-cnfpt-cotisation-2022",
            "evenements-extremes-continuite-services": "decret-2022-1532-exercices-plans-de-sauvegarde",
        ]
        for (id, national) in expected {
            let recommendation = try #require(ruleBase.recommendation(id))
            #expect(recommendation.sources.contains { $0.document == national }, "\(id)")
            #expect(recommendation.sources.allSatisfy { !Self.regionalPages.contains($0.document) }, "\(id)")
            #expect(ruleBase.source(national)?.date != nil, "\(national)")
        }
        let samu = try #require(ruleBase.recommendation("medecins-correspondants-samu"))
        #expect(samu.steps.allSatisfy { !$0.text.contains("formation gratuite") })
        let coordination = try #require(ruleBase.recommendation("coordination-securiser-poste"))
        #expect(coordination.steps.allSatisfy { !$0.text.contains("certaines ARS") })
    }

    @Test("un village sans région déclarée ne lit aucune page d'ARS d'une région ; déclaré en Hauts-de-France, il lit la doctrine de son ARS sur le CLS intercommunal comme un repère")
    func regionalPagesOnlyInTheirRegion() throws {
        let village = try ExampleSynthesisTests.document("tres-petite-commune-rurale", detail: true)
        let documents = Fix20Tests.documents(village)
        #expect(documents.isDisjoint(with: Self.regionalPages), "\(documents.intersection(Self.regionalPages))")
        #expect(documents.isSuperset(of: ["loi-3ds-2022-article-122"]))
        let intercommunal = try #require(village.card("agir-echelle-intercommunale"))
        #expect(!intercommunal.facts.map(\.id).contains("ars-hdf-cls-echelle-intercommunale"))
        let hautsDeFrance = try ExampleSynthesisTests.document("tres-petite-commune-rurale", overrides: ["region=Hauts-de-France"], detail: true)
        let card = try #require(hautsDeFrance.card("agir-echelle-intercommunale"))
        #expect(card.facts.map(\.id).contains("ars-hdf-cls-echelle-intercommunale"))
        #expect(Content16Tests.documents(card).contains("ars-hdf-guide-cls"))
        // The SAMU correspondents, whose card read Occitanie's page, are « à envisager ensuite » in every example since
        // plan31 (the transport to care takes their place).
    }
}

extension Content22Tests {
    @Test("une métropole et une communauté urbaine lisent leur propre budget : « budget métropolitain », « budget mobilité de la communauté urbaine », jamais « budget de l'intercommunalité » ; les adultes relais se réunissent au CLSM ou au CLS, pas « à l'échelle de l'intercommunalité »")
    func carrierNamedByItsLevel() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        let metropole = try Content16Tests.facts(Fixture.ProfileSpec(name: "Métropole du Fleuve", kind: "metropole", population: 520_000, density: "grand-centre-urbain", engineeringStaff: 20))
        let urban = try Content16Tests.facts(Fixture.ProfileSpec(name: "Communauté urbaine du Littoral", kind: "communaute-urbaine", population: 200_000, density: "grand-centre-urbain", engineeringStaff: 12))
        let heat = try #require(ruleBase.recommendation("canicule-appui-communes"))
        #expect(heat.funding.texts(for: metropole) == ["Budget de la métropole, et ceux des CCAS des communes pour leurs registres et leurs appels"])
        #expect(heat.funding.texts(for: urban) == ["Budget communautaire"])
        let mobility = try #require(ruleBase.recommendation("mobilites-actives-sante"))
        #expect(mobility.funding.texts(for: urban).first?.hasPrefix("Budget mobilité de la communauté urbaine") == true)
        let youth = try #require(ruleBase.recommendation("sante-mentale-jeunes"))
        #expect(youth.steps.texts(for: metropole).allSatisfy { !$0.contains("l'intercommunalité") })
        for name in ["metropole-cls-clsm", "communaute-urbaine-cls-clsm-plui"] {
            let text = try ExampleSynthesisTests.document(name, detail: true)
            for card in text.cards {
                #expect(card.funding.allSatisfy { !$0.contains("de l'intercommunalité") }, "\(name) \(card.id) \(card.funding)")
            }
        }
    }
}

extension Content22Tests {
    @Test("une raison de bonus, imprimée après « Pourquoi … : », ne contient pas d'autre deux-points")
    func bonusReasonsWithoutInnerColon() throws {
        let ruleBase = try #require(PlanningInvariantTests.ruleBase)
        for recommendation in ruleBase.recommendations {
            for boost in recommendation.boosts {
                #expect(!boost.reason.contains(" : "), "\(recommendation.id) : \(boost.reason)")
            }
        }
        let village = try #require(ruleBase.recommendation("villages-d-avenir-sante"))
        #expect(village.boosts.contains { $0.reason == "commune lauréate, qui peut solliciter le chef de projet et l'appui du Cerema tant que dure son accompagnement" })
    }
}

extension Content22Tests {
    @Test("une communauté de communes rurale lit, sous son diagnostic de santé, l'exemple daté d'une intercommunalité rurale (Aubrac, Carladez et Viadène, diagnostic partagé de 2024) ; une ville moyenne ne le lit pas")
    func ruralCommunityDiagnosisExample() throws {
        let rural = try ExampleSynthesisTests.document("communaute-communes-rurale")
        let diagnosis = try #require(rural.card("diagnostic-sante-partage"))
        #expect(diagnosis.examples.map(\.territory) == ["Communauté de communes Aubrac, Carladez et Viadène (Aveyron)"], "\(diagnosis.examples.map(\.territory))")
        #expect(Content16Tests.documents(diagnosis).contains("cc-aubrac-carladez-viadene-cls-2025"))
        let town = try ExampleSynthesisTests.document("ville-moyenne-qpv-cls", detail: true)
        #expect(town.card("diagnostic-sante-partage")?.examples.allSatisfy { !$0.territory.contains("Aubrac") } ?? true)
    }
}
