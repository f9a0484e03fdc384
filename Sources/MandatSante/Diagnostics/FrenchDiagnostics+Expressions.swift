import RuleKit

/// Conditions and their types (`condition:`, `bonus:`, named definitions).
extension FrenchDiagnostics {
    static func expression(_ code: String, _ a: Arguments) -> String {
        switch code {
        case "expression.operateur-inconnu":
            switch a["operator"] {
            case "=": return "opérateur inconnu « = » ; vouliez-vous dire « == » ?"
            case "!": return "opérateur inconnu « ! » ; pour la négation, écrivez « not »"
            case "&", "&&": return "opérateur inconnu « \(a["operator"]) » ; écrivez « and »"
            default: return "opérateur inconnu « \(a["operator"]) » ; écrivez « or »"
            }
        case "expression.caractere-inattendu":
            return a["in"] == "name"
                ? "caractère inattendu « \(a["character"]) » dans un nom de fait (lettres sans accent, chiffres et _ seulement)"
                : "caractère inattendu « \(a["character"]) »"
        case "expression.texte-non-termine": return "texte non terminé : l'apostrophe fermante manque"
        case "expression.nombre-invalide":
            return a["reason"] == "letter" ? "nombre invalide : une lettre suit directement « \(a["digits"]) »" : "nombre invalide « \(a["digits"]) »"
        case "expression.identifiant-trop-long": return "nom trop long (\(a["length"]) caractères ; \(a["maximum"]) au plus)"
        case "expression.mot-cle": return "« \(a["word"]) » : les mots-clés s'écrivent en minuscules ; vouliez-vous dire « \(a["suggestion"]) » ?"
        case "expression.trop-longue":
            return "condition trop longue (\(a["length"]) caractères ; \(a["maximum"]) au plus) : découpez-la en plusieurs recommandations ou simplifiez-la"
        case "expression.vide": return "condition vide : écrivez par exemple « true » pour une recommandation qui vaut partout"
        case "expression.jeton-inattendu":
            switch a["expected"] {
            case "connective": return "« \(a["token"]) » inattendu : « and » ou « or » était attendu entre deux conditions"
            case "not-placement": return "« not » inattendu ici : écrivez « not » devant la condition, ou « not in » pour l'appartenance"
            case "closing-parenthesis": return "« \(a["token"]) » inattendu : « ) » était attendue"
            case "list-separator": return "« \(a["token"]) » inattendu dans la liste : « , » ou « ] » était attendu"
            default: return "« \(a["token"]) » inattendu : une valeur ou un nom de fait était attendu"
            }
        case "expression.comparaison-enchainee": return "comparaisons enchaînées : écrivez deux comparaisons reliées par « and »"
        case "expression.nombre-attendu": return "un nombre était attendu après « - »"
        case "expression.parenthese-non-fermee": return "parenthèse ouverte ici mais jamais fermée : « ) » manquante"
        case "expression.incomplete":
            let place = a.has("after") ? "après « \(a["after"]) »" : "au début"
            return "condition incomplète : une valeur ou un nom de fait était attendu \(place)"
        case "expression.parenthese-en-trop": return "« ) » sans parenthèse ouvrante correspondante"
        case "expression.liste-imbriquee": return "une liste ne peut pas contenir de liste"
        case "expression.crochet-non-ferme": return "liste ouverte ici mais jamais fermée : « ] » manquant"
        case "expression.trop-imbriquee": return "condition trop imbriquée (plus de \(a["maximum"]) niveaux de parenthèses ou de « not »)"
        case "expression.type": return expressionType(a)
        case "expression.valeur-inconnue":
            return "valeur inconnue « \(a["value"]) » pour « \(a["fact"]) »\(a.hint) (valeurs permises : \(a["allowed"]))"
        case "expression.fait-inconnu": return "fait inconnu « \(a["name"]) »\(a.hint)"
        case "expression.definition-inconnue": return "condition nommée inconnue « \(a["name"]) »\(a.hint) (voir Rules/definitions.json)"
        default: return "condition invalide (\(code))"
        }
    }

    static func expressionType(_ a: Arguments) -> String {
        switch a["reason"] {
        case "not-a-condition":
            let choice = a["choice"].isEmpty ? "valeur" : a["choice"]
            let type = ["int": "un nombre entier", "number": "un nombre", "text": "un texte", "enum": "une valeur parmi une liste",
                        "set": "une liste de valeurs"][a["factType"]] ?? a["factType"]
            let example: String
            switch a["factType"] {
            case "int", "number": example = "comparez-le, par exemple « \(a["fact"]) >= 1000 »"
            case "enum": example = "comparez-le, par exemple « \(a["fact"]) == '\(choice)' »"
            case "set": example = "testez une valeur, par exemple « '\(choice)' in \(a["fact"]) »"
            default: example = "comparez-le, par exemple « \(a["fact"]) == 'texte' »"
            }
            return "« \(a["fact"]) » est \(type) et non une condition : \(example)"
        case "lone-value": return "une valeur seule n'est pas une condition : comparez-la à un fait"
        case "lone-list": return "une liste n'est permise qu'à droite de « in »"
        case "not-a-number": return "« \(a["operator"]) » compare des nombres, or « \(a["operand"]) » est de type \(staticType(a["operandType"]))"
        case "set-equality": return "« \(a["fact"]) » est une liste de valeurs : écrivez « 'valeur' in \(a["fact"]) »"
        case "mismatch":
            return "impossible de comparer « \(a["left"]) » (\(staticType(a["leftType"]))) avec « \(a["right"]) » (\(staticType(a["rightType"])))"
        case "list-item-mismatch":
            return "« \(a["item"]) » (\(staticType(a["itemType"]))) ne peut pas être comparé à « \(a["left"]) » (\(staticType(a["leftType"])))"
        case "set-membership-left":
            let choice = a["choice"].isEmpty ? "valeur" : a["choice"]
            return "à gauche de « \(a["operator"]) \(a["fact"]) », une valeur entre apostrophes était attendue (par exemple « '\(choice)' in \(a["fact"]) »)"
        case "membership-right":
            return "« \(a["operator"]) » attend à droite une liste entre crochets ou un fait de type liste, pas « \(a["right"]) » (\(staticType(a["rightType"])))"
        default: return "types incompatibles"
        }
    }

    static func staticType(_ name: String) -> String {
        ["boolean": "booléen", "number": "nombre", "text": "texte", "choice": "valeur parmi une liste", "set": "liste de valeurs",
         "list": "liste", "invalid": "invalide"][name] ?? name
    }
}
