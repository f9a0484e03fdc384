/// The French wording of what a professional weighs before taking an action up — its level of evidence and its
/// expected effect on health inequalities — for the cards and the decisions.
enum WeighingWording {
    /// « modérée »: the rung of the What Works for Health scale, in French, read after « Preuve : » — the evidence
    /// is solid or moderate, an action is not « probable ».
    static func evidence(_ level: EvidenceLevel) -> String {
        switch level {
        case .demonstrated: return "solide"
        case .likely: return "modérée"
        case .expertOpinion: return "avis d'experts"
        case .insufficient: return "insuffisante"
        case .mixed: return "contradictoire"
        }
    }

    /// What it does to health inequalities: « les réduit », « risque de les accroître »…
    static func inequality(_ effect: InequalityEffect) -> String {
        switch effect {
        case .reduces: return "les réduit"
        case .neutral: return "neutre"
        case .mayWiden: return "risque de les accroître"
        case .unknown: return "effet inconnu"
        }
    }
}
