/// How strong the evidence is that an action works, on the scale of What Works for Health (County Health
/// Rankings & Roadmaps, University of Wisconsin), a US database that rates strategies — in French terms.
public enum EvidenceLevel: String, Sendable, CaseIterable, Comparable {
    /// « Scientifically supported »: consistent positive results of strong studies.
    case demonstrated = "demontre"
    /// « Some evidence »: positive results, from fewer or weaker studies.
    case likely = "probable"
    /// « Expert opinion »: recommended by credible bodies, little evaluated.
    case expertOpinion = "avis-d-experts"
    /// « Insufficient evidence »: too little evaluation to conclude.
    case insufficient = "insuffisant"
    /// « Mixed evidence »: results that point both ways.
    case mixed = "mitige"

    private var ordinal: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Strongest first.
    public static func < (lhs: EvidenceLevel, rhs: EvidenceLevel) -> Bool { lhs.ordinal < rhs.ordinal }
}
