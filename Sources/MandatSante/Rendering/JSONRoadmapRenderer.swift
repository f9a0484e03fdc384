import RuleKit

/// The whole roadmap as JSON, for other tools: the words of the document beside ids and raw values, keys in a
/// fixed order, every key always present (`null` or `[]` when empty). `Rules/schema/roadmap.schema.json`
/// documents each key; `schemaVersion` changes when a key is renamed or removed.
public struct JSONRoadmapRenderer: RoadmapRenderer {
    public static let schemaVersion = 3

    public init() {}

    public func render(_ document: RoadmapDocument) -> String {
        var json = JSONWriter(capacity: 1 << 17)
        write(document, into: &json)
        return json.finish()
    }

    /// Of the right size already (a batch holds hundreds of rendered roadmaps on their way to the disk), written
    /// in a buffer kept from an earlier roadmap (`buffers`).
    public func renderBytes(_ document: RoadmapDocument) -> [UInt8] {
        JSONWriter.document(capacity: 1 << 17, reusing: Self.buffers) { json in write(document, into: &json) }
    }

    /// The writing buffers of the roadmaps of a batch: as many as the threads that render at once, usually.
    private static let buffers = JSONWriter.BufferPool(keeping: 8)

    /// Written as it goes, without a tree of values (the same layout as `JSONOutput`).
    func write(_ document: RoadmapDocument, into json: inout JSONWriter) {
        let data = document.data
        json.object { json in
            json.field("schemaVersion", Self.schemaVersion)
            json.object("edition") { json in
                json.field("text", document.header.edition)
                json.field("month", data.editionMonth)
                json.field("toolVersion", data.toolVersion)
                json.field("ruleBaseVersion", data.ruleBaseVersion)
                json.field("ruleBaseFingerprint", data.ruleBaseFingerprint)
            }
            json.object("profile") { json in
                json.field("name", document.header.title)
                json.field("summary", document.header.summary)
                json.array("portrait") { json in
                    for line in document.portrait.lines {
                        json.object { json in
                            json.field("label", line.label)
                            json.field("text", line.text)
                        }
                    }
                }
                json.object("facts") { json in
                    for fact in data.facts {
                        json.key(fact.name)
                        if let value = fact.value { json.value(VocabularySchema.output(value)) } else { json.null() }
                    }
                }
            }
            json.object("synthesis") { json in
                let synthesis = document.synthesis
                json.field("findings", synthesis.findings)
                json.field("priorities", synthesis.priorities)
                json.array("decisions") { json in
                    for decision in synthesis.decisions {
                        json.object { json in
                            json.field("rank", decision.rank)
                            json.field("id", decision.id)
                            json.field("title", decision.title)
                            json.field("carrier", decision.carrier)
                            json.field("when", decision.when)
                            json.field("effort", decision.effort)
                            json.field("costRange", decision.costRange)
                            json.field("evidenceLevel", decision.evidenceLevel)
                            json.field("inequalityEffect", decision.inequalityEffect)
                            json.field("funder", decision.funder)
                            json.field("note", decision.note)
                        }
                    }
                }
                json.field("alsoFirst", synthesis.alsoFirst)
                json.field("sizeNote", synthesis.sizeNote)
            }
            json.field("start", data.start)
            json.field("end", data.end)
            json.object("capacity") { json in
                json.field("staff", data.staff)
                json.key("staffEstimated")
                json.value(.bool(data.staffEstimated))
                json.field("yearlyUnits", tenths: data.yearlyTenths)
                json.field("totalUnits", data.totalUnits)
                json.field("methodLimit", data.methodLimit)
            }
            json.array("phases") { json in
                for phase in document.phases {
                    json.object { json in
                        json.field("id", phase.id)
                        json.field("horizons", phase.horizons)
                        json.field("title", phase.title)
                        json.field("period", phase.period)
                        json.field("start", phase.start)
                        json.field("end", phase.end)
                        json.field("months", phase.months)
                        json.field("capacity", phase.capacity)
                        json.field("used", phase.used)
                        json.field("milestones", phase.milestones)
                        json.key("items")
                        json.integers(phase.cards.map(\.rank))
                    }
                }
            }
            json.array("items") { json in
                for card in document.cards { item(card, into: &json) }
            }
            json.array("considerLater") { json in
                for entry in document.considerLater { self.entry(entry, into: &json) }
            }
            json.array("leftOut") { json in
                for group in document.leftOut {
                    for entry in group.entries { self.entry(entry, into: &json) }
                }
            }
            json.field("recommendationCount", data.recommendationCount)
        }
    }

    private func item(_ card: RoadmapDocument.Card, into json: inout JSONWriter) {
        json.object { json in
            json.field("rank", card.rank)
            json.field("id", card.id)
            json.field("title", card.title)
            json.field("lever", card.lever)
            json.field("leverTitle", card.leverTitle)
            json.field("phase", card.phaseID)
            json.object("carrier") { json in
                json.field("id", card.carrierID)
                json.field("text", card.carrier)
            }
            coded("costRange", card.costRangeID, card.costRange, into: &json)
            coded("evidenceLevel", card.evidenceLevelID, card.evidenceLevel, into: &json)
            coded("inequalityEffect", card.inequalityEffectID, card.inequalityEffect, into: &json)
            json.key("deadline")
            if let text = card.deadline {
                json.object { json in
                    json.field("before", card.deadlineMonth)
                    json.field("text", text)
                    json.field("missed", card.deadlineMissed)
                }
            } else {
                json.null()
            }
            json.field("effort", card.effortID)
            json.field("horizon", card.horizonID)
            json.object("score") { json in
                json.field("total", card.score)
                json.array("terms") { json in
                    for term in card.scoreTerms {
                        json.object { json in
                            json.field("points", term.points)
                            json.field("reason", term.reason)
                        }
                    }
                }
            }
            json.field("forYou", card.forYou)
            json.field("selection", card.selection)
            json.field("cautions", card.cautions)
            json.object("placement") { json in
                json.field("kind", card.placementKind)
                json.field("note", card.placement)
            }
            json.field("relations", card.relations)
            json.field("prerequisites", card.prerequisites)
            json.field("assumedPrerequisites", card.assumedPrerequisites)
            json.field("together", card.together)
            json.field("supersedes", card.supersedes)
            json.field("why", card.why)
            json.field("steps", card.steps)
            json.field("partners", card.partners)
            json.field("funding", card.funding)
            json.array("examples") { json in
                for example in card.examples {
                    json.object { json in
                        json.field("territory", example.territory)
                        json.field("what", example.what)
                        json.key("source")
                        if let source = example.source { self.source(source, into: &json) } else { json.null() }
                    }
                }
            }
            json.field("evidence", card.evidence)
            json.array("facts") { json in
                for fact in card.facts {
                    json.object { json in
                        json.field("id", fact.id)
                        json.field("statement", fact.statement)
                        json.key("source")
                        self.source(fact.source, into: &json)
                    }
                }
            }
            json.array("sources") { json in
                for source in card.sources { self.source(source, into: &json) }
            }
            json.field("indicators", card.indicators)
        }
    }

    private func entry(_ entry: RoadmapDocument.Entry, into json: inout JSONWriter) {
        json.object { json in
            json.field("id", entry.id)
            json.field("title", entry.title)
            json.field("reason", entry.reasonCode)
            json.field("reasonText", entry.reason)
            json.field("by", entry.by)
            json.field("score", entry.score)
            json.field("line", entry.line)
            json.field("effort", entry.effort)
        }
    }

    /// The codes of `reason`, in the order of the left-out annex.
    static let reasonCodes = ["faute-de-capacite", "limite-methode", "remplacee", "exclue", "echeance", "au-dela-du-top",
                              "autre-niveau", "condition-non-remplie", "condition-indeterminee", "autre-territoire"]

    private func source(_ source: RoadmapDocument.Source, into json: inout JSONWriter) {
        json.object { json in
            json.field("document", source.document)
            json.field("title", source.title)
            json.field("section", source.section)
            json.field("publisher", source.publisher)
            json.field("date", source.date)
            json.field("consulted", source.consulted)
            json.field("url", source.url)
        }
    }

    /// `{ "id": …, "text": … }` for a value of the rule base and its wording, or null when the rule base says nothing.
    private func coded(_ name: StaticString, _ id: String?, _ text: String?, into json: inout JSONWriter) {
        json.key(name)
        guard let id else { json.null(); return }
        json.object { json in
            json.field("id", id)
            json.field("text", text)
        }
    }
}
