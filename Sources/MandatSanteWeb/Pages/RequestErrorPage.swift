import LoopbackHTTP

/// The answer to bytes that are not an acceptable request: the status of the protocol and a French sentence.
enum RequestErrorPage {
    static func response(_ error: HTTPRequestError) -> HTTPResponse {
        WebResponse.problem(error.status, title: "Requête refusée", message: message(error) + ".", next: nil)
    }

    static func message(_ error: HTTPRequestError) -> String {
        let limit = error.limit ?? 0
        switch error.kind {
        case .malformedRequestLine: return "La première ligne de la requête n'est pas de la forme « MÉTHODE /chemin HTTP/1.1 »"
        case .unsupportedVersion: return "Seules les versions HTTP/1.0 et HTTP/1.1 du protocole sont acceptées"
        case .requestLineTooLong: return "L'adresse demandée est trop longue (\(limit) octets au plus)"
        case .headersTooLarge: return "Les en-têtes de la requête sont trop volumineux (\(limit) octets au plus)"
        case .tooManyHeaders: return "La requête a trop d'en-têtes (\(limit) au plus)"
        case .malformedHeader: return "Un en-tête de la requête est mal formé (« Nom: valeur » sur une ligne, sans caractère de contrôle)"
        case .missingHost: return "L'en-tête « Host » manque ; il est obligatoire en HTTP/1.1"
        case .repeatedHost: return "L'en-tête « Host » est donné plusieurs fois"
        case .invalidContentLength: return "L'en-tête « Content-Length » n'est pas un nombre, ou plusieurs valeurs différentes sont données"
        case .lengthRequired: return "Le corps de la requête doit annoncer sa longueur (« Content-Length »)"
        case .unsupportedTransferEncoding: return "L'envoi par morceaux (« Transfer-Encoding ») n'est pas pris en charge : envoyez le corps avec « Content-Length »"
        case .bodyTooLarge: return "Le fichier ou le formulaire envoyé est trop volumineux (\(limit / 1024 / 1024) Mio au plus)"
        case .timeout: return "La requête n'est pas arrivée entière dans le délai imparti ; la connexion est fermée"
        }
    }
}
