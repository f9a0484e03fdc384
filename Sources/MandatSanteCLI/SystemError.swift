import Foundation

/// The usual causes of a failed system call, in French: messages never carry the English text of the C library
/// or of Foundation (« There isn't enough space », « NSCocoaErrorDomain error 256 »).
enum SystemError {
    /// What `code` (an `errno` value) means for the person who ran the command.
    static func french(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "plus de place sur le disque"
        case EDQUOT: return "quota d'espace disque dépassé"
        case EACCES, EPERM: return "permission refusée"
        case EROFS: return "le système de fichiers est en lecture seule"
        case ENOENT: return "fichier ou dossier introuvable"
        case ENOTDIR: return "un élément du chemin n'est pas un dossier"
        case EISDIR: return "c'est un dossier"
        case ENAMETOOLONG: return "nom de fichier trop long"
        case ELOOP: return "boucle de liens symboliques"
        case EIO: return "erreur d'entrée-sortie du périphérique"
        case EFBIG: return "fichier trop grand pour ce système de fichiers"
        case EMFILE, ENFILE: return "trop de fichiers ouverts"
        case ENXIO: return "aucun processus ne lit à l'autre bout"
        case EPIPE: return "le lecteur a fermé le tube"
        case EBADF: return "flux fermé"
        case EBUSY, ETXTBSY: return "fichier occupé"
        case EEXIST: return "le fichier existe déjà"
        case EXDEV: return "le fichier temporaire et la cible sont sur deux systèmes de fichiers différents"
        case EINVAL: return "opération impossible sur ce fichier"
        case ENOMEM: return "mémoire insuffisante"
        case EAGAIN: return "ressource temporairement indisponible"
        case ENODEV, ENOTSUP: return "opération non permise sur ce type de fichier"
        default: return "erreur système n° \(code)"
        }
    }
}
