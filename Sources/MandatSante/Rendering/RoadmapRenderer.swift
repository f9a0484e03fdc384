/// An output format of the roadmap. Each format is one renderer over the same presentation.
public protocol RoadmapRenderer: Sendable {
    func render(_ presentation: RoadmapPresentation) -> String
}

/// The formats the command line offers, by their French names.
public enum RoadmapFormat: String, CaseIterable, Sendable {
    case text = "texte"
    case markdown = "markdown"
    case html = "html"
    case json = "json"
    case csv = "csv"

    public var renderer: any RoadmapRenderer {
        switch self {
        case .text: return TextRoadmapRenderer()
        case .markdown: return MarkdownRoadmapRenderer()
        case .html: return HTMLRoadmapRenderer()
        case .json: return JSONRoadmapRenderer()
        case .csv: return CSVRoadmapRenderer()
        }
    }
}
