import MandatSante

/// A hash of everything the planner decides (ranks, phases, placements, scores, what was left out and why)
/// and of the rendered text: two builds that print the same fingerprint give the same roadmaps, which is how
/// a performance change is checked not to change behaviour.
struct RoadmapFingerprint {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    /// FNV-1a over the bytes of `text`.
    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01B3
        }
    }

    mutating func add(_ roadmap: Roadmap) {
        for item in roadmap.items {
            add("\(item.rank) \(item.recommendation.id) \(item.phaseIndex) \(item.placement) \(item.scoreTerms.map(\.points)) \(item.prerequisites) \(item.supersedes)\n")
        }
        for entry in roadmap.leftOut {
            add("- \(entry.recommendation.id) \(entry.reason) \(entry.score.total)\n")
        }
        add("\(roadmap.capacity.unitsPerPhase)\n")
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The fingerprint of the plans of `profiles` and of the text of the first `rendered` of them.
    static func of(_ profiles: ArraySlice<Profile>, planner: Planner, calendar: MandateCalendar, rendered: Int) -> String {
        var fingerprint = RoadmapFingerprint()
        for (offset, profile) in profiles.enumerated() {
            let roadmap = planner.plan(profile, calendar: calendar)
            fingerprint.add(roadmap)
            if offset < rendered {
                fingerprint.add(TextRoadmapRenderer().render(RoadmapPresenter(ruleBase: planner.ruleBase).document(roadmap)))
            }
        }
        return fingerprint.hex
    }
}
