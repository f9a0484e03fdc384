/// The style sheet of the HTML roadmap: sober on screen, A4 on paper. System fonts only, nothing to download.
enum HTMLStyle {
    static let css = """
    :root {
      --ink: #1d2733; --muted: #5a6675; --line: #d5dce4; --paper: #ffffff; --wash: #f4f7fa;
      --accent: #1f4e79; --accent-soft: #e3ecf5; --effort-low: #dce8f3; --effort-mid: #8fb1d3; --effort-high: #1f4e79;
    }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body {
      margin: 0; background: var(--wash); color: var(--ink);
      font: 15px/1.5 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
    }
    .page { max-width: 1000px; margin: 0 auto; padding: 32px 36px 48px; background: var(--paper); }
    h1, h2, h3, h4 { line-height: 1.25; break-after: avoid; }
    h1 { font-size: 30px; margin: 4px 0 8px; color: var(--accent); }
    h2 { font-size: 21px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--accent); color: var(--accent); }
    h3 { font-size: 17px; margin: 0; }
    h4 { font-size: 12px; margin: 14px 0 4px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
    p { margin: 6px 0; }
    ul, ol { margin: 4px 0; padding-left: 22px; }
    li { margin: 2px 0; }
    a { color: var(--accent); }
    code, .id { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .85em; color: var(--muted); white-space: nowrap; }
    .kicker { margin: 0; font-size: 13px; font-weight: 600; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
    .summary { font-size: 17px; margin: 0 0 6px; }
    .period { color: var(--muted); }
    .cover { border-bottom: 1px solid var(--line); padding-bottom: 18px; }
    .figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0 0; padding: 0; list-style: none; }
    .figures li { flex: 1 1 150px; margin: 0; padding: 10px 14px; background: var(--accent-soft); border-radius: 6px; }
    .figures strong { display: block; font-size: 24px; color: var(--accent); }
    .toc { margin: 14px 0 0; font-size: 14px; }
    .toc a { margin-right: 14px; white-space: nowrap; }
    dl.portrait { display: grid; grid-template-columns: 210px 1fr; gap: 6px 18px; margin: 0; }
    dl.portrait dt { font-weight: 600; }
    dl.portrait dd { margin: 0; }
    table { width: 100%; border-collapse: collapse; margin: 10px 0; font-size: 14px; break-inside: avoid; }
    th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--line); }
    th { background: var(--wash); font-weight: 600; }
    td.number, th.number { text-align: right; white-space: nowrap; }
    figure { margin: 8px 0 0; break-inside: avoid; }
    figcaption { font-size: 13px; color: var(--muted); }
    svg.timeline { display: block; width: 100%; height: auto; font-family: inherit; }
    svg .band-0 { fill: #eef3f8; } svg .band-1 { fill: #f8fafc; }
    svg .band-0, svg .band-1 { stroke: #c4cfdb; stroke-width: 1; }
    svg .leader, svg .boundary { stroke: #9aa8b8; stroke-width: 1; }
    svg .phase-title { font-size: 13px; font-weight: 700; fill: var(--ink); }
    svg .phase-period { font-size: 11.5px; fill: var(--muted); }
    svg .axis { stroke: var(--ink); stroke-width: 1.2; }
    svg .tick { stroke: var(--muted); stroke-width: .8; } svg .tick-year { stroke: var(--ink); stroke-width: 1.2; }
    svg .year, svg .bound { font-size: 12px; fill: var(--ink); text-anchor: middle; }
    svg .bound { font-weight: 600; } svg .bound-start { text-anchor: start; } svg .bound-end { text-anchor: end; }
    svg .legend { font-size: 12px; fill: var(--muted); }
    svg .mark rect { stroke: var(--accent); stroke-width: 1; }
    svg .mark text { font-size: 12px; font-weight: 700; text-anchor: middle; fill: var(--ink); }
    svg .effort-faible rect { fill: var(--effort-low); }
    svg .effort-moyen rect { fill: var(--effort-mid); }
    svg .effort-fort rect { fill: var(--effort-high); } svg .effort-fort text { fill: #ffffff; }
    svg a:hover rect { stroke-width: 2.5; }
    .phase-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 14px; }
    .phase-head .when { font-size: 15px; font-weight: 400; color: var(--muted); }
    .phase-intro { color: var(--muted); margin-top: -4px; }
    .card { border: 1px solid var(--line); border-left: 5px solid var(--accent); border-radius: 6px; padding: 14px 18px 12px; margin: 16px 0; break-inside: avoid; background: var(--paper); }
    .card-head { display: flex; gap: 14px; align-items: flex-start; }
    .rank { flex: none; min-width: 38px; height: 38px; padding: 0 6px; border-radius: 19px; background: var(--accent); color: #fff; font-weight: 700; font-size: 17px; display: flex; align-items: center; justify-content: center; }
    .meta { margin: 4px 0 0; font-size: 13px; color: var(--muted); }
    .meta span { white-space: nowrap; }
    .meta span + span::before { content: " · "; }
    .why-you { background: var(--accent-soft); border-radius: 5px; padding: 4px 12px 8px; margin-top: 10px; }
    .why-you h4 { color: var(--accent); margin-top: 6px; }
    .note { font-size: 14px; color: var(--muted); }
    .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 28px; }
    ul.inline { padding: 0; list-style: none; }
    ul.inline li { display: inline; margin: 0; }
    ul.inline li + li::before { content: " ; "; }
    .source { font-size: 13px; color: var(--muted); border-top: 1px dashed var(--line); margin-top: 12px; padding-top: 6px; }
    .left-out li { font-size: 14px; }
    footer { margin-top: 36px; padding-top: 10px; border-top: 1px solid var(--line); font-size: 13px; color: var(--muted); }
    @media (max-width: 700px) {
      .page { padding: 18px; }
      dl.portrait, .columns { grid-template-columns: 1fr; }
    }
    @page {
      size: A4; margin: 16mm 15mm 18mm;
      @bottom-right { content: counter(page) " / " counter(pages); font: 8pt sans-serif; color: #5a6675; }
    }
    @media print {
      body { background: none; font-size: 8.6pt; line-height: 1.32; }
      .page { max-width: none; padding: 0; }
      dl.portrait { grid-template-columns: 42mm 1fr; gap: 3pt 12pt; }
      .toc { display: none; }
      a { color: inherit; text-decoration: none; }
      h1 { font-size: 21pt; } h2 { font-size: 14pt; margin-top: 18pt; } h3 { font-size: 11.5pt; }
      h4 { font-size: 7pt; margin: 6pt 0 1pt; }
      p { margin: 3pt 0; } li { margin: 1pt 0; } ul, ol { padding-left: 15pt; }
      .columns { gap: 0 16pt; }
      .why-you { padding: 1pt 8pt 4pt; margin-top: 5pt; }
      table { font-size: 9pt; }
      .figures strong { font-size: 16pt; }
      .card { padding: 7pt 10pt 5pt; margin: 7pt 0; }
      .card-head { gap: 9pt; }
      .rank { min-width: 26px; height: 26px; font-size: 11pt; }
      .meta, .note, .source, .left-out li, figcaption { font-size: 7.8pt; }
      .phase, .left-out { break-before: page; }
      .phase-start, #calendrier { break-inside: avoid; }
      .phase-head { margin-top: 0; }
      section, .cover { break-inside: auto; }
    }
    """
}
