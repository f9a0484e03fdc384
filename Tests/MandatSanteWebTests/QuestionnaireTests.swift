import LoopbackHTTP
import MandatSante
import MandatSanteWeb
import RuleKit
import Testing

@Suite("questionnaire web")
struct QuestionnaireTests {
    @Test("une question par fait du vocabulaire, un libellé lié à chaque champ, l'aide, « je ne sais pas » quand l'inconnu est permis")
    func generatedFromVocabulary() throws {
        let page = get("/questionnaire").text
        for fact in ruleBase.vocabulary.facts {
            #expect(page.contains("name=\"\(fact.name)\""), "\(fact.name)")
            #expect(page.contains("for=\"f-\(fact.name)\"") || page.contains("<legend>"), "\(fact.name)")
            // In French typography: « 50 000 » and « « zonage inconnu » » never split across lines.
            if !fact.help.isEmpty { #expect(page.contains(HTMLText.escape(Typography.french(fact.help))), "\(fact.name)") }
            if !fact.required && fact.defaultValue == nil {
                let offered = [.bool, .enum].contains(fact.type)
                    ? page.contains("name=\"\(fact.name)\" id=\"f-\(fact.name)-\(fact.choices.count + 1)\" value=\"?\"") || page.contains("name=\"\(fact.name)\" id=\"f-\(fact.name)-3\" value=\"?\"")
                    : page.contains("id=\"format-\(fact.name)\">") && page.contains("Laissez vide si vous ne savez pas.")
                #expect(offered, "« je ne sais pas » pour \(fact.name)")
            }
        }
        #expect(page.contains("sous 50\u{A0}000"), "l'aide du nombre d'agents garde « 50 000 » sur une ligne")
        #expect(!page.contains("sous 50 000"))
        #expect(page.contains("Question posée seulement si « population : au moins 5"))
        #expect(page.contains("sinon elle est sans objet et la réponse reste « aucun quartier prioritaire (QPV) »."))
        // Required facts have no default answer: nothing is ticked for them.
        #expect(!page.contains("name=\"kind\" id=\"f-kind\" value=\"commune\" checked"))
        #expect(page.contains("name=\"cls\" id=\"f-cls\" value=\"aucun\" checked"))
        // The home page announces as many questions as the form asks (it said « une trentaine » for 42).
        let questions = ruleBase.vocabulary.facts.count
        #expect(page.contains("<span class=\"number\">\(questions).") && !page.contains("<span class=\"number\">\(questions + 1)."))
        #expect(get("/").text.contains("<p>\(questions) questions : taille, densité"))
    }

    @Test("un questionnaire valide mène à la feuille de route ; l'adresse décrit le profil")
    func valid() throws {
        let page = post("/questionnaire", validAnswers)
        #expect(page.status == 303)
        let target = location(page)
        #expect(target.hasPrefix("/feuille-de-route?name=Saint-Martin&kind=commune&population=4800&density=bourg-rural&medicalZoning=zac&priorities=acces-aux-soins&priorities=bien-vieillir"))
        #expect(target.hasSuffix("&depart=2026-12"))
        #expect(get(target).status == 200)
    }

    @Test("réponses invalides : 422, le message de la ligne de commande à côté du champ et en tête, les réponses gardées")
    func invalid() {
        let answers = validAnswers.filter { $0.0 != "population" && $0.0 != "density" } + [("population", "douze"), ("cls", "signe")]
        let page = post("/questionnaire", answers)
        #expect(page.status == 422)
        let text = page.text
        #expect(text.contains("3 réponses à corriger"))
        #expect(text.contains("<p class=\"error-message\" id=\"erreur-population\">Erreur : « douze » n&#39;est pas un nombre ; un nombre entier entre 1 et 3\u{00A0}000\u{00A0}000 était attendu</p>"))
        #expect(text.contains("id=\"f-population\" name=\"population\" value=\"douze\""))
        #expect(text.contains("aria-invalid=\"true\""))
        #expect(text.contains("id=\"erreur-density\">Erreur : une réponse est obligatoire pour cette question.</p>"))
        #expect(text.contains("id=\"erreur-cls\">Erreur : valeur inconnue « signe »"))
        #expect(text.contains("value=\"Saint-Martin\""))
        #expect(text.contains("<a href=\"#f-population\">Population</a>"))
    }

    @Test("un champ inconnu est refusé avec « vouliez-vous dire » ; une valeur hors du vocabulaire aussi")
    func unknownFieldAndValue() {
        let page = post("/questionnaire", validAnswers + [("populaton", "12")])
        #expect(page.status == 422)
        #expect(page.text.contains("Champ inconnu « populaton » : ce n&#39;est pas un fait du vocabulaire ; vouliez-vous dire « population » ?"))
        let forged = post("/questionnaire", validAnswers + (0..<5000).map { ("x\($0)", "1") })
        #expect(forged.status == 422 && forged.text.contains("… et 4990 autres champs inconnus"))
        #expect(forged.text.components(separatedBy: "Champ inconnu").count == 11)
        let outside = post("/questionnaire", validAnswers.filter { $0.0 != "kind" } + [("kind", "village")])
        #expect(outside.status == 422 && outside.text.contains("valeur inconnue « village »"))
        let twice = post("/questionnaire", validAnswers + [("population", "12")])
        #expect(twice.text.contains("une seule valeur était attendue, 2 ont été envoyées"))
        let longName = post("/questionnaire", validAnswers.filter { $0.0 != "name" } + [("name", String(repeating: "x", count: 201))])
        #expect(longName.text.contains("id=\"erreur-name\">Erreur : texte trop long (201 caractères) ; 200 au plus</p>"))
        let control = post("/questionnaire", validAnswers.filter { $0.0 != "name" } + [("name", "A\nB")])
        #expect(control.text.contains("id=\"erreur-name\">Erreur : saut de ligne U+000A (retour à la ligne) en position 2 : ce texte tient sur une ligne</p>"))
        let month = post("/questionnaire", validAnswers.filter { $0.0 != "depart" } + [("depart", "2033-01")])
        #expect(month.status == 422 && month.text.contains("2033-01 est après la fin du mandat"))
    }

    @Test("askWhen : une question sans objet garde sa valeur par défaut, comme avec init")
    func askWhen() {
        let village = validAnswers.filter { $0.0 != "population" } + [("population", "420"), ("qpv", "oui"), ("clsm", "oui")]
        let target = location(post("/questionnaire", village))
        #expect(!target.contains("qpv=") && !target.contains("clsm="))
        let town = validAnswers.filter { $0.0 != "population" } + [("population", "12000"), ("qpv", "oui"), ("clsm", "oui")]
        let townTarget = location(post("/questionnaire", town))
        #expect(townTarget.contains("qpv=oui") && townTarget.contains("clsm=oui"))
    }

    @Test("toute valeur est échappée : dans le formulaire, la feuille de route, « Et si ? »")
    func escaping() {
        let name = "<script>alert('x')</script> & \"Co\""
        let answers = validAnswers.filter { $0.0 != "name" } + [("name", name)]
        let target = location(post("/questionnaire", answers))
        let escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;"
        let query = String(target.split(separator: "?")[1])
        for page in [get(target), get("/questionnaire?" + query), get("/et-si?" + query), post("/questionnaire", answers + [("population", "x")])] {
            #expect(!page.text.contains("<script>alert"))
            #expect(page.text.contains(escaped))
        }
    }
}

/// The escaping the pages use, for expectations.
enum HTMLText {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
