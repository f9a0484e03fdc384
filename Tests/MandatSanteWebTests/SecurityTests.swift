import LoopbackHTTP
import MandatSanteWeb
import Testing

@Suite("application web : adresses, méthodes et sécurité")
struct SecurityTests {
    @Test("Host : seulement 127.0.0.1, localhost ou [::1] avec le bon port (pas de DNS rebinding)")
    func hostCheck() {
        for host in ["127.0.0.1:8426", "localhost:8426", "LOCALHOST:8426", "[::1]:8426"] {
            #expect(get("/", host: host).status == 200, "\(host)")
        }
        for host in ["evil.example:8426", "127.0.0.1:9999", "127.0.0.1", "attacker.test", "127.0.0.1:8426.evil.example", ""] {
            let page = get("/", host: host)
            #expect(page.status == 403, "\(host)")
            #expect(page.text.contains("Adresse refusée"))
        }
    }

    @Test("en-têtes de sécurité sur chaque réponse, erreurs comprises")
    func securityHeaders() {
        for page in [get("/"), get("/inconnu"), get("/", host: "evil.example")] {
            let policy = page.header("Content-Security-Policy") ?? ""
            #expect(policy.contains("default-src 'none'") && policy.contains("form-action 'self'") && policy.contains("frame-ancestors 'none'"))
            #expect(page.header("X-Content-Type-Options") == "nosniff")
            #expect(page.header("Cache-Control") == "no-store")
            #expect(page.header("Referrer-Policy") == "same-origin")
        }
        let rejected = application.reject(HTTPRequestError(.bodyTooLarge, limit: 8 << 20))
        #expect(rejected.status.code == 413 && rejected.headers["Content-Security-Policy"] != nil)
        #expect(String(decoding: rejected.body, as: UTF8.self).contains("trop volumineux (8 Mio au plus)"))
    }

    @Test("404 pour une adresse inconnue, 405 avec Allow pour une méthode refusée, HEAD comme GET")
    func routing() {
        #expect(get("/nulle-part").status == 404)
        #expect(get("/exemples/inconnu").status == 404)
        #expect(get("/exemples/../../etc/passwd").status == 404)
        let refused = post("/", [])
        #expect(refused.status == 405 && refused.header("Allow") == "GET, HEAD")
        #expect(get("/feuille-de-route", method: "DELETE").header("Allow") == "GET, HEAD")
        #expect(get("/", method: "HEAD").status == 200)
        #expect(get("/questionnaire?population=%ZZ").status == 400)
    }

    @Test("POST refusé s'il vient d'un autre site, même avec le jeton ; ou sans le bon jeton")
    func crossSitePost() {
        let crossSite: [[(String, String)]] = [
            [("Sec-Fetch-Site", "cross-site")], [("Origin", "http://evil.example")], [("Origin", "null")],
            [("Referer", "http://evil.example/page")], [("Sec-Fetch-Site", "same-site"), ("Origin", "http://127.0.0.1:8426")],
        ]
        for headers in crossSite {
            let page = post("/questionnaire", validAnswers, headers: headers)
            #expect(page.status == 403, "\(headers)")
            #expect(page.text.contains("Envoi refusé"))
        }
        for token in [nil, "", "jeton-de-tesT", "autre"] as [String?] {
            let page = post("/questionnaire", validAnswers, token: token)
            #expect(page.status == 403 && page.text.contains("Formulaire expiré"), "\(token ?? "nil")")
        }
        #expect(post("/questionnaire", validAnswers).status == 303)
        #expect(post("/questionnaire", validAnswers, headers: [("Referer", "http://127.0.0.1:8426/questionnaire")]).status == 303)
        #expect(post("/questionnaire", validAnswers, headers: []).status == 303)
        let upload = upload("/profil", file: [], fileName: "p.json", token: "mauvais")
        #expect(upload.status == 403)
    }

    @Test("les pages n'ont pas de script, sauf la page à imprimer (qui marche sans lui)")
    func noScripts() {
        let query = location(post("/questionnaire", validAnswers)).split(separator: "?").last.map(String.init) ?? ""
        for target in ["/", "/questionnaire", "/lot", "/feuille-de-route?" + query, "/et-si?" + query] {
            let page = get(target)
            #expect(page.status == 200, "\(target)")
            #expect(!page.text.contains("<script"), "\(target)")
        }
        let printing = get("/imprimer?" + query).text
        #expect(printing.contains("<script src=\"/imprimer.js\" defer></script>"))
        #expect(printing.contains("Ctrl+P"))
        #expect(get("/imprimer.js").text.contains("window.print()"))
    }
}
