/// The style sheet of the HTML roadmap: sober on screen, A4 on paper (body at 10.5 pt, nothing under 10 pt but the
/// edition line and the page numbers; page one the executive synthesis, cards that may break between their
/// sections). System fonts only, nothing to download.
enum HTMLStyle {
    static let css = """
    :root {
      --ink: #1d2733; --muted: #4f5b69; --line: #d5dce4; --paper: #ffffff; --wash: #f4f7fa;
      --accent: #1f4e79; --accent-soft: #e6eef6; --warn: #8a4b00; --warn-soft: #fff4e5;
    }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body {
      margin: 0; background: var(--wash); color: var(--ink);
      font: 16px/1.5 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
    }
    .page { max-width: 1000px; margin: 0 auto; padding: 32px 36px 48px; background: var(--paper); }
    h1, h2, h3, h4, h5 { line-height: 1.25; break-after: avoid; }
    h1 { font-size: 30px; margin: 4px 0 6px; color: var(--accent); }
    h2 { font-size: 22px; margin: 32px 0 10px; padding-bottom: 5px; border-bottom: 2px solid var(--accent); color: var(--accent); }
    h3 { font-size: 17px; margin: 18px 0 6px; color: var(--accent); }
    h4 { font-size: 17px; margin: 0; }
    h5 { font-size: 13px; margin: 10px 0 2px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
    p { margin: 5px 0; }
    ul, ol { margin: 3px 0; padding-left: 22px; }
    li { margin: 2px 0; }
    a { color: var(--accent); }
    a:focus { outline: 3px solid #f0b400; outline-offset: 1px; }
    .id { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .85em; color: var(--muted); }
    .kicker { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 12px; margin: 0; font-size: 13px; font-weight: 600; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
    .kicker .edition { font-weight: 400; letter-spacing: 0; text-transform: none; }
    .summary { font-size: 17px; margin: 0 0 4px; }
    .period { color: var(--muted); margin: 0; }
    .cover { border-bottom: 1px solid var(--line); padding-bottom: 12px; }
    table { width: 100%; border-collapse: collapse; margin: 6px 0; font-size: 15px; }
    th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
    th { background: var(--wash); font-weight: 600; }
    td.number, th.number { text-align: right; white-space: nowrap; }
    .note { color: var(--muted); }
    h3 .note { font-weight: 400; }
    ol.decisions li { margin: 4px 0; }
    ol.decisions a { color: inherit; text-decoration: none; }
    .decision-line { color: var(--ink); } /* who, when, how much, who pays: what an élu reads the page for */
    .findings li { margin: 3px 0; }
    .priorities, .size-note, .also-first { margin-top: 6px; }
    .timeline { margin: 6px 0; }
    .bar { display: flex; gap: 2px; margin-bottom: 4px; }
    .segment { display: block; padding: 2px 6px; font-size: 12px; color: #fff; background: var(--accent); white-space: nowrap; overflow: hidden; }
    .segment-1 { background: #2f6b9e; } .segment-2 { background: #4f86b5; } .segment-3 { background: #6f9cc4; }
    .phases { display: grid; gap: 8px; }
    .columns-1 { grid-template-columns: 1fr; } .columns-2 { grid-template-columns: 1fr 1fr; }
    .columns-3 { grid-template-columns: repeat(3, 1fr); } .columns-4 { grid-template-columns: repeat(4, 1fr); }
    .phase-column { border-top: 3px solid var(--accent); background: var(--wash); padding: 4px 8px 6px; font-size: 14px; }
    .phase-title { font-weight: 700; margin: 0; }
    .phase-period { color: var(--muted); margin: 0; }
    .milestones { font-size: 13px; color: var(--warn); margin: 2px 0; }
    .phase-column ol { padding-left: 24px; }
    .phase-column a { color: inherit; text-decoration: none; }
    .phase-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 14px; margin-top: 22px; }
    .phase-head .when { font-size: 15px; font-weight: 400; color: var(--muted); }
    .card { border: 1px solid var(--line); border-left: 5px solid var(--accent); border-radius: 6px; padding: 12px 16px 10px; margin: 12px 0; background: var(--paper); }
    .card-head { display: flex; gap: 12px; align-items: flex-start; break-inside: avoid; break-after: avoid; }
    .rank { flex: none; min-width: 34px; height: 34px; padding: 0 6px; border-radius: 17px; background: var(--accent); color: #fff; font-weight: 700; font-size: 16px; display: flex; align-items: center; justify-content: center; }
    .meta { margin: 3px 0 0; font-size: 14px; color: var(--muted); }
    .meta span + span::before { content: " · "; }
    .block { break-inside: avoid; }
    .for-you { background: var(--accent-soft); border-radius: 5px; padding: 2px 10px 6px; margin-top: 8px; }
    .for-you h5 { color: var(--accent); }
    .caution { background: var(--warn-soft); border-left: 3px solid var(--warn); padding: 4px 10px; }
    .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 24px; }
    .source { font-size: 14px; color: var(--muted); border-top: 1px dashed var(--line); margin-top: 8px; padding-top: 5px; }
    .later li, .annex li { margin: 3px 0; }
    dl.portrait { display: grid; grid-template-columns: 200px 1fr; gap: 5px 16px; margin: 0; }
    dl.portrait dt { font-weight: 600; }
    dl.portrait dd { margin: 0; }
    footer { margin-top: 30px; padding-top: 8px; border-top: 1px solid var(--line); font-size: 14px; color: var(--muted); }
    @media screen and (max-width: 760px) {
      .page { padding: 16px; }
      dl.portrait, .columns, .phases { grid-template-columns: 1fr; }
    }
    @page {
      /* 6 and 8 mm above and below (8 and 10 before 2026-12-04): the overseas commune's page one needed two more
         lines, its three findings and eight decisions stating longer seasons and funders. */
      size: A4; margin: 6mm 11mm 8mm;
      @bottom-right { content: counter(page) " / " counter(pages); font: 8pt sans-serif; color: #4f5b69; }
    }
    @media print {
      body { background: none; font-size: 10.5pt; line-height: 1.3; }
      .page { max-width: none; padding: 0; }
      a { color: inherit; text-decoration: none; }
      h1 { font-size: 17pt; margin: 0 0 1pt; } h2 { font-size: 14pt; margin: 10pt 0 5pt; } h3 { font-size: 11.5pt; margin: 7pt 0 3pt; }
      h4 { font-size: 11.5pt; } h5 { font-size: 8.5pt; margin: 5pt 0 1pt; }
      p { margin: 2pt 0; } li { margin: 0.5pt 0; } ul, ol { padding-left: 14pt; }
      .kicker { font-size: 8.5pt; } .summary { font-size: 11pt; margin: 0; } .period { font-size: 10pt; }
      .cover { padding-bottom: 2pt; }
      .cover .summary, .cover .period { display: inline; }
      .cover .period::before { content: " · "; }
      table { font-size: 10pt; margin: 3pt 0; } th, td { padding: 2pt 4pt; }
      .synthesis { break-after: page; }
      /* Page one holds the synthesis of the largest territories (eight decisions, 16 to 17 titles in the
         calendar) at 10 pt by tight lines and spacing rather than smaller type (issue 12). A smaller synthesis
         (class spacious: at most six decisions and ten actions) leaves a fifth of the page blank at that
         spacing: its findings and decisions take lines closer to the body's, for some 6 % of the page. */
      .synthesis { line-height: 1; }
      .synthesis.spacious { line-height: 1.2; }
      .synthesis h2 { margin: 3pt 0 2pt; }
      .synthesis h3 { margin: 3pt 0 1pt; }
      .findings li { margin: 0.5pt 0; }
      ol.decisions, ol.bibliography { padding-left: 19pt; } /* room for « 10. » (narrower, Chromium clips the first digit) */
      ol.decisions li { margin: 0.5pt 0; }
      .decision-line { font-size: 10pt; }
      /* On paper each phase is a band across the page, its titles in two columns: four columns side by side
         wrapped each title over three or four lines. The bar would only repeat the periods. */
      .bar { display: none; }
      .phases { display: block; }
      .phase-column { font-size: 10pt; line-height: 1.05; padding: 0 3pt 1pt; margin-bottom: 1.5pt; border-top-width: 2px; }
      .phase-title, .phase-period, .milestones { display: inline; }
      .phase-period::before { content: " · "; }
      .milestones { font-size: 10pt; }
      .milestones::before { content: " · "; }
      .phase-column ol { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); column-gap: 20pt; /* the second column's numbers hang in the gap */ margin: 0; padding-left: 13pt; }
      .phase-column li { margin: 0; break-inside: avoid; }
      .size-note, .also-first { margin: 1pt 0; }
      .meta, .source, .note { font-size: 10pt; }
      .card { padding: 6pt 9pt 5pt; margin: 6pt 0; border-left-width: 4px; }
      .card-head { gap: 8pt; }
      .rank { min-width: 22px; height: 22px; font-size: 10.5pt; }
      .for-you { padding: 1pt 7pt 3pt; margin-top: 4pt; }
      .columns { gap: 0 14pt; }
      /* A card's steps may break across pages (a long list kept whole left 40 % of a page blank); a heading
         stays with what follows it and a step with itself. */
      .columns .block { break-inside: auto; } h5 { break-after: avoid; } .columns li { break-inside: avoid; }
      dl.portrait { grid-template-columns: 40mm 1fr; gap: 2pt 10pt; }
      /* On paper the closing line only repeated the header's edition, alone on a last page (reader22, reader23);
         a source is kept whole on one page, its address never cut between two. */
      footer { display: none; }
      .bibliography li { break-inside: avoid; }
    }
    """

    /// Whether page one has room for the spacious lines of `.synthesis.spacious`: at most six decisions and ten
    /// actions in the calendar. Measured on the 27 example profiles (December 2026, Chromium, A4): such a synthesis
    /// leaves 19 to 39 % of page one blank at the tight spacing, 13 to 35 % at the spacious one, while a synthesis of
    /// seven or eight decisions may fill the page within 1 % (commune-antilles-dengue).
    static func isSpacious(_ synthesis: RoadmapDocument.Synthesis, actions: Int) -> Bool {
        synthesis.decisions.count <= 6 && actions <= 10
    }
}
