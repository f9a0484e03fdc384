import Foundation
import LoopbackHTTP
import MandatSante
import MandatSanteWeb
import RuleKit
import Testing

/// The profile of an example file, and its address in the application.
func exampleQuery(_ id: String) -> String {
    let target = location(get("/exemples/\(id)"))
    return String(target.split(separator: "?", maxSplits: 1).last ?? "")
}

/// The export of `mandat-sante roadmap PROFILE --start 2026-12 --format FORMAT`, made with the domain directly.
func export(_ path: String, _ format: RoadmapFormat) throws -> String {
    let (profile, _) = ProfileLoader.load(try file(path), file: path, vocabulary: ruleBase.vocabulary)
    let roadmap = Planner(ruleBase: ruleBase).plan(try #require(profile), calendar: try MandateCalendar(start: YearMonth(year: 2026, month: 12)))
    return format.renderer.render(RoadmapPresenter(ruleBase: ruleBase).document(roadmap))
}

@Suite("feuille de route, impression et téléchargements")
struct RoadmapPageTests {
    @Test("un exemple mène à sa feuille de route : le document de l'export, sous la barre d'actions")
    func examplePage() throws {
        let query = exampleQuery("village-rural-zip")
        #expect(query.hasPrefix("name=Village%20de%20Saint-Aubin-des-Landes%20%28exemple%29&kind=commune&population=420"))
        let page = get("/feuille-de-route?" + query)
        #expect(page.status == 200)
        let html = try export("Profiles/village-rural-zip.json", .html)
        // The document is the export itself, with the bar added after <body> and its style sheet in the head.
        let bar = try #require(page.text.range(of: "<nav class=\"ms-bar\"")).lowerBound
        let barEnd = try #require(page.text.range(of: "</div></nav>\n")).upperBound
        let withoutBar = page.text[..<bar] + page.text[barEnd...]
        #expect(withoutBar.replacingOccurrences(of: "<link rel=\"stylesheet\" href=\"/barre.css\">\n", with: "").replacingOccurrences(of: "<body>\n\n", with: "<body>\n") == html)
        for link in ["/questionnaire?", "/et-si?", "/imprimer?", "/telecharger/html?", "/telecharger/markdown?", "/telecharger/csv?", "/telecharger/json?", "/telecharger/detaillee?", "/telecharger/profil?"] {
            #expect(page.text.contains("href=\"\(link)"), "\(link)")
        }
    }

    @Test("les avertissements de la ligne de commande sur la situation outre-mer paraissent au-dessus de la feuille de route, avec les libellés du questionnaire")
    func overseasNotices() throws {
        let village = exampleQuery("village-rural-zip")
        // The village's Haute-Loire would contradict an overseas situation (refused, see the next test): left out.
        func with(_ overseas: String) -> String {
            let placeless = village.replacingOccurrences(of: "departement=Haute-Loire", with: "departement=")
            return placeless.contains("outreMer=") ? placeless.replacingOccurrences(of: "outreMer=non", with: "outreMer=\(overseas)") : placeless + "&outreMer=\(overseas)"
        }
        let other = get("/feuille-de-route?" + with("autre"))
        #expect(other.status == 200)
        #expect(other.text.contains("<div class=\"ms-note ms-warning\" role=\"alert\"><strong>Attention :</strong> situation outre-mer « Saint-Martin ou Saint-Barthélemy » sans que la région ou le département nomme l&#39;une de ces deux îles : la feuille de route suit l&#39;ARS de Guadeloupe. Pour la Nouvelle-Calédonie, la Polynésie française ou Wallis-et-Futuna, choisissez « Nouvelle-Calédonie, Polynésie française ou Wallis-et-Futuna » : sinon la feuille de route y parle d&#39;ARS et d&#39;Assurance Maladie, qui n&#39;y existent pas. <a href=\"/questionnaire?"), "\(other.text.prefix(3000))")
        #expect(other.text.components(separatedBy: "ms-warning\"").count == 2)
        #expect(other.text.contains("Modifier le profil</a></div>"))
        // The village declares a ZIP: in the Pacific, the zoning notice instead.
        let pacific = get("/feuille-de-route?" + with("pacifique"))
        #expect(pacific.text.contains("<strong>Attention :</strong> zonage médical de l&#39;ARS « zone d&#39;intervention prioritaire (ZIP) » : ce zonage des ARS n&#39;existe pas dans le Pacifique") && pacific.text.contains("Choisissez « hors zonage »"))
        #expect(!pacific.text.contains("Saint-Martin ou Saint-Barthélemy » sans"))
        // Saint-Martin named, or mainland France: nothing; the printable page never shows them.
        for query in [with("autre") + "&region=Saint-Martin", village] {
            #expect(!get("/feuille-de-route?" + query).text.contains("ms-warning\""), "\(query)")
        }
        #expect(!get("/imprimer?" + with("autre")).text.contains("ms-warning\""))
    }

    @Test("un lieu qui contredit la situation outre-mer est refusé, comme par la ligne de commande, et le questionnaire le montre au bon champ")
    func overseasConflict() throws {
        let village = exampleQuery("village-rural-zip")
        #expect(village.contains("departement=Haute-Loire"))
        let reunion = village.contains("outreMer=") ? village.replacingOccurrences(of: "outreMer=non", with: "outreMer=reunion") : village + "&outreMer=reunion"
        let page = get("/feuille-de-route?" + reunion)
        #expect(page.status == 400)
        #expect(page.text.contains("departement : « Haute-Loire » relève de la situation outre-mer « Hexagone ou Corse », or la réponse à « situation outre-mer » est « La Réunion » : corrigez l&#39;une des deux réponses."), "\(page.text.prefix(3000))")
        #expect(get("/telecharger/json?" + reunion).status == 400)
        let questionnaire = get("/questionnaire?" + reunion)
        #expect(questionnaire.text.contains("relève de la situation outre-mer"))
        // The same place in mainland France, or no place at all: a roadmap.
        #expect(get("/feuille-de-route?" + village).status == 200)
        #expect(get("/feuille-de-route?" + reunion.replacingOccurrences(of: "departement=Haute-Loire", with: "departement=La%20R%C3%A9union")).status == 200)
    }

    @Test("chaque téléchargement est l'export de la ligne de commande, en pièce jointe nommée d'après le territoire")
    func downloads() throws {
        let query = exampleQuery("village-rural-zip")
        for (kind, format, ext) in [("html", RoadmapFormat.html, "html"), ("markdown", .markdown, "md"), ("csv", .csv, "csv"), ("json", .json, "json")] {
            let page = get("/telecharger/\(kind)?" + query)
            #expect(page.status == 200)
            #expect(page.header("Content-Disposition") == "attachment; filename=\"feuille-de-route-village-de-saint-aubin-des-landes-exemple.\(ext)\"")
            #expect(page.text == (try export("Profiles/village-rural-zip.json", format)), "\(kind)")
        }
        #expect(get("/telecharger/pdf?" + query).status == 404)
    }

    @Test("l'édition détaillée, que la ligne « à envisager ensuite » du document annonce, se télécharge : celle de « roadmap --detail » en HTML")
    func detailedEdition() throws {
        let query = exampleQuery("village-rural-zip")
        let page = get("/telecharger/detaillee?" + query)
        #expect(page.status == 200)
        #expect(page.header("Content-Disposition") == "attachment; filename=\"feuille-de-route-village-de-saint-aubin-des-landes-exemple-detaillee.html\"")
        let path = "Profiles/village-rural-zip.json"
        let (profile, _) = ProfileLoader.load(try file(path), file: path, vocabulary: ruleBase.vocabulary)
        let roadmap = Planner(ruleBase: ruleBase).plan(try #require(profile), calendar: try MandateCalendar(start: YearMonth(year: 2026, month: 12)))
        #expect(page.text == RoadmapFormat.html.renderer.render(RoadmapPresenter(ruleBase: ruleBase, detail: true).document(roadmap)))
        #expect(page.text != (try export(path, .html)))
        #expect(get("/feuille-de-route?" + query).text.contains(">Édition détaillée (HTML)</a>"))
    }

    @Test("le profil téléchargé se relit et donne les mêmes faits ; rouvert, il mène à la même adresse")
    func profileRoundTrip() throws {
        for id in ["village-rural-zip", "communaute-communes-rurale", "metropole-cls-clsm"] {
            let query = exampleQuery(id)
            let downloaded = get("/telecharger/profil?" + query)
            #expect(downloaded.header("Content-Type") == "application/json; charset=utf-8")
            let (reread, diagnostics) = ProfileLoader.load(downloaded.response.body, file: "p.json", vocabulary: ruleBase.vocabulary)
            #expect(diagnostics.isEmpty)
            let (original, _) = ProfileLoader.load(try file("Profiles/\(id).json"), file: "o.json", vocabulary: ruleBase.vocabulary)
            #expect(reread?.facts == original?.facts, "\(id)")
            let reopened = upload("/profil", file: downloaded.response.body, fileName: "\(id).json")
            #expect(reopened.status == 303 && location(reopened) == "/feuille-de-route?" + query)
        }
    }

    @Test("un profil inconnu (« je ne sais pas ») fait l'aller-retour par l'adresse")
    func unknownValues() throws {
        let answers = validAnswers.filter { $0.0 != "medicalZoning" } + [("medicalZoning", "?"), ("share75Plus", "")]
        let target = location(post("/questionnaire", answers))
        #expect(target.contains("medicalZoning=%3F"))
        let downloaded = get("/telecharger/profil?" + String(target.split(separator: "?")[1])).text
        #expect(downloaded.contains("\"medicalZoning\": null"))
        #expect(!downloaded.contains("share75Plus"))
    }

    @Test("profil ouvert depuis un fichier : invalide → 422 avec ligne et colonne ; aucun fichier → 422")
    func openProfile() {
        let invalid = upload("/profil", file: Array("{\n  \"name\": \"X\",\n  \"kind\": \"village\"\n}".utf8), fileName: "mon-profil.json")
        #expect(invalid.status == 422)
        #expect(invalid.text.contains("mon-profil.json:3:11: erreur: [faits.valeur-inconnue] $.kind : valeur inconnue « village »"))
        #expect(invalid.text.contains("mon-profil.json:1:1: erreur: [faits.manquant] fait obligatoire « population »"))
        let none = upload("/profil", file: [], fileName: "")
        #expect(none.status == 422 && none.text.contains("Choisissez d&#39;abord un fichier"))
        let notJSON = upload("/profil", file: [0xFF, 0xFE, 0x00], fileName: "x.json")
        #expect(notJSON.status == 422)
    }

    @Test("une adresse de feuille de route incomplète : 400, et le questionnaire pour corriger")
    func invalidAddress() {
        let page = get("/feuille-de-route?name=X&kind=commune")
        #expect(page.status == 400)
        #expect(page.text.contains("population : une réponse est obligatoire"))
        #expect(page.text.contains("href=\"/questionnaire?name=X&amp;kind=commune\""))
        let unknown = get("/feuille-de-route?" + exampleQuery("village-rural-zip") + "&cpt=oui")
        #expect(unknown.status == 400 && unknown.text.contains("champ inconnu « cpt » : ce n&#39;est pas un fait du vocabulaire ; vouliez-vous dire « cpts » ?"))
    }
}
