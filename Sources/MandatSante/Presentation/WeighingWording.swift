/// The French wording of what a professional weighs before taking an action up — its level of evidence and its
/// expected effect on health inequalities — for the cards and the decisions.
enum WeighingWording {
    /// « avis d'experts »: the rung of the What Works for Health scale, in French.
    static func evidence(_ level: EvidenceLevel) -> String {
        switch level {
        case .demonstrated: return "démontré"
        case .likely: return "probable"
        case .expertOpinion: return "avis d'experts"
        case .insufficient: return "insuffisant"
        case .mixed: return "mitigé"
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
