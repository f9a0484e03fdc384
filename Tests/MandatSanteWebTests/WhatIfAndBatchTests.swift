import Foundation
import LoopbackHTTP
import MandatSante
import MandatSanteWeb
import RuleKit
import Testing

@Suite("« Et si ? » et plusieurs territoires")
struct WhatIfAndBatchTests {
    @Test("« Et si ? » : la comparaison de compare, côte à côte, avec les raisons")
    func whatIf() throws {
        let before = exampleQuery("communaute-communes-rurale")
        let form = get("/et-si?" + before)
        #expect(form.status == 200 && form.text.contains("name=\"avant\" value=\"\(HTMLText.escape(before))\""))
        #expect(!form.text.contains("Ce qui change dans le profil"))
        let after = before.replacingOccurrences(of: "&depart=", with: "&cls=en-vigueur&depart=")
        let page = get("/et-si?avant=\(URLEncoding.encode(before))&" + after)
        #expect(page.status == 200)
        // The same comparison as `compare PROFILE --set cls=en-vigueur`.
        let (profile, _) = ProfileLoader.load(try file("Profiles/communaute-communes-rurale.json"), file: "p", vocabulary: ruleBase.vocabulary)
        let changed = try ProfileLoader.override(try #require(profile), with: ["cls=en-vigueur"]).get()
        let planner = Planner(ruleBase: ruleBase)
        let calendar = try MandateCalendar(start: YearMonth(year: 2026, month: 12))
        let comparison = RoadmapComparison(before: planner.plan(try #require(profile), calendar: calendar), after: planner.plan(changed, calendar: calendar), presenter: RoadmapPresenter(ruleBase: ruleBase))
        #expect(page.text.contains("<strong>\(comparison.summary)</strong>"))
        #expect(page.text.contains("<th scope=\"row\">Contrat local de santé (CLS)</th><td>aucun CLS</td><td>CLS signé et en vigueur</td>"))
        for change in comparison.removed + comparison.added {
            #expect(page.text.contains(HTMLText.escape(change.title)))
            for reason in change.reasons { #expect(page.text.contains("<li>\(HTMLText.escape(reason))</li>")) }
        }
        #expect(page.text.contains("<span class=\"mark removed\">retirée</span>"))
        #expect(page.text.contains("&amp;cls=en-vigueur&amp;cptsProject=oui&amp;msp=oui&amp;"))
        let unchanged = get("/et-si?avant=\(URLEncoding.encode(before))&" + before)
        #expect(unchanged.text.contains("Aucune réponse n'a changé"))
        let invalid = get("/et-si?avant=\(URLEncoding.encode(before))&" + before.replacingOccurrences(of: "population=24000", with: "population=-3"))
        #expect(invalid.status == 422 && invalid.text.contains("-3 est hors limites"))
    }

    @Test("un fichier CSV de territoires : synthèse, liens vers chaque feuille de route, archive zip")
    func batch() throws {
        let page = upload("/lot", file: try file("Profiles/territoires-exemple.csv"), fileName: "territoires-exemple.csv", fields: [("depart", "2026-12"), ("format", "markdown")])
        #expect(page.status == 200)
        #expect(page.text.contains("12 feuilles de route établies."))
        #expect(page.text.components(separatedBy: "<a href=\"/feuille-de-route?").count == 13)
        #expect(page.text.contains("LES RECOMMANDATIONS LES PLUS SOUVENT RETENUES"))
        let link = String(page.text[try #require(page.text.range(of: #"/lot/[0-9a-f]+\.zip"#, options: .regularExpression))])
        let archive = get(link)
        #expect(archive.header("Content-Type") == "application/zip")
        let bytes = archive.response.body
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let names = ZipNames.read(bytes)
        #expect(names.count == 16 && names.contains("synthese.csv") && names.contains("resume.txt"))
        #expect(names.contains("actions.csv") && names.contains("leviers.csv") && !names.contains("erreurs.csv"))
        #expect(names.contains("002-village-de-sainte-ondine-des-landes-exemple.md"))
        // The page says what the archive holds.
        #expect(page.text.contains("une feuille de route par territoire (format markdown), synthese.csv, actions.csv, leviers.csv et resume.txt"))
        #expect(get("/lot/0000.zip").status == 404)
    }

    @Test("CSV refusé ou en partie : Windows-1252 lu, encodages mélangés refusés, ligne fautive, UTF-16, vide, en-tête inconnu, mois invalide")
    func badBatches() throws {
        var latin1 = Array("name;kind;population;density\n".utf8)
        latin1 += Array("Bourg;commune;1200;bourg-rural\n".utf8) + [0x45, 0x76, 0xE9, 0x6E] + Array(";commune;300;rural-disperse\n".utf8)
        let windows = upload("/lot", file: latin1, fileName: "communes.csv", fields: [("depart", "2026-12")])
        #expect(windows.status == 200 && windows.text.contains("2 feuilles de route établies"))
        let mixed = upload("/lot", file: latin1 + Array("Forêt;commune;300;rural-disperse\n".utf8), fileName: "communes.csv", fields: [("depart", "2026-12")])
        #expect(mixed.status == 422 && mixed.text.contains("le fichier mélange deux encodages"))
        #expect(mixed.text.contains("communes.csv:4:1: erreur: [csv.encodages-melanges]"))
        let badRow = Array("name;kind;population;density\nBourg;commune;1200;bourg-rural\nVal;commune;douze;rural-disperse\n".utf8)
        let partly = upload("/lot", file: badRow, fileName: "communes.csv", fields: [("depart", "2026-12")])
        #expect(partly.status == 200 && partly.text.contains("1 feuille de route établie, 1 ligne refusée."))
        #expect(partly.text.contains("communes.csv:3:3: erreur: [csv.valeur]"))
        let utf16 = upload("/lot", file: [0xFF, 0xFE] + Array("n\0a\0".utf8), fileName: "u.csv", fields: [("depart", "2026-12")])
        #expect(utf16.status == 422 && utf16.text.contains("UTF-16"))
        let empty = upload("/lot", file: [], fileName: "vide.csv", fields: [("depart", "2026-12")])
        #expect(empty.status == 422 && empty.text.contains("fichier vide"))
        let header = upload("/lot", file: Array("nome;kind\nX;commune\n".utf8), fileName: "h.csv", fields: [("depart", "2026-12")])
        #expect(header.status == 422 && header.text.contains("fait inconnu « nome »"))
        // The page's own help, not the command line's.
        #expect(header.text.contains("les colonnes portent le nom d&#39;un fait du vocabulaire ou son libellé (le formulaire « Nouveau profil » en montre les libellés)"))
        #expect(!header.text.contains("mandat-sante batch --modele") && !header.text.contains("Rules/"))
        let month = upload("/lot", file: latin1, fileName: "c.csv", fields: [("depart", "demain")])
        #expect(month.status == 422 && month.text.contains("« demain » n&#39;est pas un mois"))
    }
}

/// The file names of a zip's central directory, read the way an unzip tool does, with its CRCs checked.
enum ZipNames {
    static func read(_ bytes: [UInt8]) -> [String] {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard bytes.count >= 22, u32(bytes.count - 22) == 0x0605_4B50 else { return [] }
        var offset = u32(bytes.count - 22 + 16)
        var names: [String] = []
        for _ in 0..<u16(bytes.count - 22 + 10) {
            guard u32(offset) == 0x0201_4B50 else { return [] }
            let nameLength = u16(offset + 28)
            names.append(String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self))
            offset += 46 + nameLength + u16(offset + 30) + u16(offset + 32)
        }
        return names
    }
}
