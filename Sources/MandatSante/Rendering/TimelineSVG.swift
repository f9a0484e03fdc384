/// The mandate as an inline SVG time axis: one band per phase from the start month to March 2032, month and
/// year ticks, and each action as a mark labelled by its rank in its phase (shaded by effort, linked to its
/// card). Sizes are in user units of a 760-wide view box; the picture scales to the page.
struct TimelineSVG {
    struct Phase {
        var title: String
        var period: String
        var start: YearMonth
        var end: YearMonth
        var items: [Mark]
    }

    struct Mark {
        var rank: Int
        var title: String
        var effort: String
    }

    var caption: String
    var start: YearMonth
    var end: YearMonth
    var phases: [Phase]

    static let width = 760.0
    static let margin = 12.0
    static let labelRowHeight = 34.0
    static let markPitch = 30.0
    static let markHeight = 22.0

    func render() -> String {
        let labels = labelRows()
        let rowCount = (labels.map(\.row).max() ?? 0) + 1
        let bandTop = 8 + Double(rowCount) * Self.labelRowHeight + 6
        let layouts = phases.map { layout($0) }
        let bandHeight = max(44, (layouts.map(\.rows).max() ?? 1).double * Self.markPitch + 14)
        let axis = bandTop + bandHeight
        let height = axis + 62

        var out: [String] = []
        out.append(#"<svg class="timeline" viewBox="0 0 \#(Self.width.svg) \#(height.svg)" role="img" aria-labelledby="timeline-title">"#)
        out.append(#"<title id="timeline-title">\#(HTMLEscaping.escape(caption))</title>"#)
        for (index, phase) in phases.enumerated() {
            let x0 = x(phase.start), x1 = x(phase.end)
            out.append(#"<rect class="band band-\#(index % 2)" x="\#(x0.svg)" y="\#(bandTop.svg)" width="\#((x1 - x0).svg)" height="\#(bandHeight.svg)"/>"#)
            let label = labels[index]
            let top = 8 + Double(label.row) * Self.labelRowHeight
            out.append(#"<line class="leader" x1="\#(x0.svg)" y1="\#((top + 2).svg)" x2="\#(x0.svg)" y2="\#(bandTop.svg)"/>"#)
            out.append(#"<text class="phase-title" x="\#((x0 + 5).svg)" y="\#((top + 12).svg)">\#(HTMLEscaping.escape(phase.title))</text>"#)
            out.append(#"<text class="phase-period" x="\#((x0 + 5).svg)" y="\#((top + 26).svg)">\#(HTMLEscaping.escape(phase.period))</text>"#)
            out += marks(phase, layouts[index], x0: x0, x1: x1, top: bandTop)
        }
        out.append(#"<line class="boundary" x1="\#(x(end).svg)" y1="\#(bandTop.svg)" x2="\#(x(end).svg)" y2="\#(axis.svg)"/>"#)
        out += ticks(axis: axis)
        out += legend(y: axis + 48)
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    // MARK: Geometry

    private var totalMonths: Double { Double(max(1, start.months(until: end))) }

    private func x(_ month: YearMonth) -> Double {
        Self.margin + Double(start.months(until: month)) / totalMonths * (Self.width - 2 * Self.margin)
    }

    /// Phase labels sit above their band, starting at its left edge; a label that would run into the previous
    /// one on its row goes down a row (the 100 days are too short for their title).
    private func labelRows() -> [(row: Int, end: Double)] {
        var rowEnds: [Double] = []
        var result: [(Int, Double)] = []
        for phase in phases {
            let left = x(phase.start)
            let textWidth = max(Double(phase.title.count) * 7.4, Double(phase.period.count) * 6.2) + 14
            let row = rowEnds.firstIndex { $0 <= left } ?? rowEnds.count
            if row == rowEnds.count { rowEnds.append(0) }
            rowEnds[row] = left + textWidth
            result.append((row, left + textWidth))
        }
        return result
    }

    private func layout(_ phase: Phase) -> (columns: Int, rows: Int) {
        let width = x(phase.end) - x(phase.start)
        let fitting = max(1, Int((width - 4) / Self.markPitch))
        let columns = max(1, min(phase.items.count, fitting))
        return (columns, (phase.items.count + columns - 1) / columns)
    }

    /// Marks spread evenly across the phase, in rank order, left to right then top to bottom.
    private func marks(_ phase: Phase, _ layout: (columns: Int, rows: Int), x0: Double, x1: Double, top: Double) -> [String] {
        let pitch = (x1 - x0) / Double(layout.columns)
        return phase.items.enumerated().map { offset, mark in
            let centerX = x0 + (Double(offset % layout.columns) + 0.5) * pitch
            let centerY = top + 7 + (Double(offset / layout.columns) + 0.5) * Self.markPitch
            let width = mark.rank >= 100 ? 30.0 : 24.0
            return ##"<a href="#action-\##(mark.rank)"><g class="mark effort-\##(HTMLEscaping.escape(mark.effort))">"##
                + #"<title>\#(mark.rank). \#(HTMLEscaping.escape(mark.title)) (effort \#(HTMLEscaping.escape(mark.effort)))</title>"#
                + #"<rect x="\#((centerX - width / 2).svg)" y="\#((centerY - Self.markHeight / 2).svg)" width="\#(width.svg)" height="\#(Self.markHeight.svg)" rx="4"/>"#
                + #"<text x="\#(centerX.svg)" y="\#((centerY + 4.5).svg)">\#(mark.rank)</text></g></a>"#
        }
    }

    /// A short tick each month, a long one each January with the year, the start and end months named.
    private func ticks(axis: Double) -> [String] {
        var out = [#"<line class="axis" x1="\#(x(start).svg)" y1="\#(axis.svg)" x2="\#(x(end).svg)" y2="\#(axis.svg)"/>"#]
        let endX = x(end), startX = x(start)
        var month = start
        while month <= end {
            let position = x(month)
            let major = month.month == 1
            out.append(#"<line class="\#(major ? "tick-year" : "tick")" x1="\#(position.svg)" y1="\#(axis.svg)" x2="\#(position.svg)" y2="\#((axis + (major ? 9 : 4)).svg)"/>"#)
            if major, position - startX > 56, endX - position > 56 {
                out.append(#"<text class="year" x="\#(position.svg)" y="\#((axis + 22).svg)">\#(month.year)</text>"#)
            }
            month = month.adding(months: 1)
        }
        out.append(#"<text class="bound bound-start" x="\#(startX.svg)" y="\#((axis + 22).svg)">\#(HTMLEscaping.escape(start.shortFrench))</text>"#)
        out.append(#"<text class="bound bound-end" x="\#(endX.svg)" y="\#((axis + 22).svg)">\#(HTMLEscaping.escape(end.shortFrench))</text>"#)
        return out
    }

    private func legend(y: Double) -> [String] {
        var out = [#"<text class="legend" x="\#(Self.margin.svg)" y="\#((y + 4).svg)">Effort :</text>"#]
        var left = Self.margin + 56
        for effort in Effort.allCases {
            out.append(#"<g class="mark effort-\#(effort.rawValue)"><rect x="\#(left.svg)" y="\#((y - 7).svg)" width="16" height="14" rx="3"/></g>"#)
            out.append(#"<text class="legend" x="\#((left + 22).svg)" y="\#((y + 4).svg)">\#(effort.rawValue)</text>"#)
            left += 90
        }
        out.append(#"<text class="legend" x="\#((left + 10).svg)" y="\#((y + 4).svg)">Chaque repère porte le rang de l'action ; il renvoie à sa fiche.</text>"#)
        return out
    }
}

private extension Double {
    /// A coordinate with at most one decimal, without a trailing « .0 ».
    var svg: String {
        let tenths = (self * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
    }
}

private extension Int {
    var double: Double { Double(self) }
}
