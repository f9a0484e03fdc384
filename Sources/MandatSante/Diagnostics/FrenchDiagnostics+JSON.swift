import RuleKit

/// JSON syntax and types of every JSON input (profiles, rule base, tests).
extension FrenchDiagnostics {
    static func jsonSyntax(_ a: Arguments) -> String {
        switch a["reason"] {
        case "encodage-large": return "le fichier est encodé en \(a["encoding"]) ; enregistrez-le en UTF-8 (éditeur : Enregistrer sous, encodage UTF-8)"
        case "vide": return "le fichier est vide : un document JSON était attendu"
        case "contenu-apres": return "contenu inattendu après la fin du document JSON"
        case "fin-inattendue": return "fin de fichier inattendue : \(jsonExpected(a))"
        case "caractere-inattendu": return "caractère inattendu « \(a["character"]) » : \(jsonExpected(a))"
        case "apostrophe": return "un texte JSON s'écrit entre guillemets doubles (\"), pas entre apostrophes"
        case "commentaire": return "les commentaires ne sont pas permis en JSON"
        case "trop-profond": return "imbrication trop profonde : plus de \(a["maximum"]) niveaux d'objets ou de listes"
        case "champ-en-double": return "le champ « \(a["key"]) » apparaît deux fois dans le même objet"
        case "virgule-avant-crochet": return "virgule en trop avant « ] »"
        case "non-fini": return "« \(a["word"]) » n'est pas une valeur JSON : écrivez un nombre fini"
        case "mot-en-majuscules": return "« \(a["word"]) » n'est pas une valeur JSON ; vouliez-vous dire « \(a["suggestion"]) » ?"
        case "mot-inattendu": return "valeur inattendue « \(a["word"]) » : un texte doit être entre guillemets doubles"
        case "chiffre-apres-moins": return "un chiffre était attendu après « - »"
        case "zero-initial": return "un nombre JSON ne commence pas par un zéro inutile"
        case "chiffre-apres-point": return "un chiffre était attendu après la virgule décimale « . »"
        case "chiffre-exposant": return "un chiffre était attendu dans l'exposant du nombre"
        case "nombre-hors-limites": return "nombre hors limites : « \(a["literal"]) »"
        case "texte-non-termine": return "texte non terminé : le guillemet fermant manque"
        case "texte-non-termine-ligne": return "texte non terminé : le guillemet fermant manque avant la fin de la ligne"
        case "caractere-de-controle": return "caractère de contrôle non échappé dans un texte (une tabulation s'écrit \\t)"
        case "echappement-incomplet": return "séquence d'échappement incomplète en fin de fichier"
        case "seconde-moitie-manquante": return "demi-caractère UTF-16 isolé dans « \\u » : la seconde moitié manque"
        case "paire-utf16": return "paire UTF-16 invalide dans « \\u »"
        case "demi-caractere": return "demi-caractère UTF-16 isolé dans « \\u »"
        case "echappement-inconnu": return "séquence d'échappement inconnue « \\\(a["escape"]) »"
        case "hexadecimal": return "« \\u » doit être suivi de quatre chiffres hexadécimaux"
        case "utf8": return "octets invalides : le fichier doit être encodé en UTF-8"
        default: return "syntaxe JSON invalide (\(a["reason"]))"
        }
    }

    static func jsonExpected(_ a: Arguments) -> String {
        switch a["expected"] {
        case "valeur": return "une valeur JSON était attendue"
        case "valeur-detaillee": return "une valeur JSON (objet, liste, texte entre guillemets, nombre, true, false ou null) était attendue"
        case "virgule-avant-accolade": return "virgule en trop avant « } »"
        case "nom-de-champ": return "un nom de champ entre guillemets doubles était attendu"
        case "deux-points": return "« : » était attendu après le nom de champ « \(a["key"]) »"
        case "virgule-ou-accolade": return "« , » ou « } » était attendu dans l'objet ouvert en \(a["start"])"
        case "virgule-ou-crochet": return "« , » ou « ] » était attendu dans la liste ouverte en \(a["start"])"
        default: return a["expected"]
        }
    }

    static func jsonType(_ a: Arguments) -> String {
        let found = kind(a["found"])
        switch a["expected"] {
        case "object" where a.has("context"): return "\(a.context) doit être un objet JSON, pas \(found)"
        case "integer" where a.has("literal"): return "« \(a["key"]) » doit être un nombre entier, pas \(a["literal"])"
        case "non-empty-strings": return "« \(a["key"]) » ne doit contenir que des textes non vides, pas \(found)"
        default:
            let expected = ["string": "un texte", "integer": "un nombre entier", "number": "un nombre", "boolean": "true ou false",
                            "array": "une liste", "object": "un objet"][a["expected"]] ?? a["expected"]
            return "« \(a["key"]) » doit être \(expected), pas \(found)"
        }
    }
}
