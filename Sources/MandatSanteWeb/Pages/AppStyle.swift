/// The style sheets served by the application: `/app.css` for its pages, `/barre.css` for the bar added above
/// the roadmap document. Contrasts are at least 4.5:1 (WCAG AA); focus is always visible.
enum AppStyle {
    static let pages = """
    :root { --ink: #1d2733; --muted: #4a5563; --line: #c5ced8; --paper: #ffffff; --wash: #eef2f6;
      --accent: #1f4e79; --accent-dark: #143552; --error: #b3261e; --error-wash: #fdecea; --ok-wash: #e7f3ec; --focus: #c77700; }
    * { box-sizing: border-box; }
    body { margin: 0; background: var(--wash); color: var(--ink);
      font: 16px/1.55 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
    a { color: var(--accent); }
    a:hover { color: var(--accent-dark); }
    :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .skip { position: absolute; left: -9999px; top: 8px; background: var(--paper); padding: 8px 12px; z-index: 10; }
    .skip:focus { left: 8px; }
    header.site { background: var(--accent); color: #fff; }
    header.site .inner { max-width: 1040px; margin: 0 auto; padding: 12px 24px; display: flex; flex-wrap: wrap; gap: 8px 28px; align-items: center; }
    header.site a { color: #fff; }
    header.site nav { display: flex; flex-wrap: wrap; gap: 4px 20px; }
    header.site nav a[aria-current] { font-weight: 700; }
    .brand { font-weight: 700; font-size: 21px; text-decoration: none; }
    main { display: block; max-width: 1040px; margin: 0 auto; padding: 28px 32px 40px; background: var(--paper); }
    main:focus { outline: none; }
    footer.site { max-width: 1040px; margin: 0 auto; padding: 16px 32px 32px; color: var(--muted); font-size: 14px; }
    h1 { font-size: 28px; line-height: 1.25; margin: 0 0 12px; color: var(--accent); }
    h2 { font-size: 21px; line-height: 1.3; margin: 32px 0 10px; color: var(--accent); }
    h3 { font-size: 17px; margin: 18px 0 6px; }
    .lead { font-size: 18px; max-width: 46em; }
    .muted, .help { color: var(--muted); }
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 16px; margin: 16px 0; }
    .card { border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; background: var(--paper); }
    .card h2, .card h3 { margin-top: 0; }
    ul.examples { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 10px 20px; }
    ul.examples li { border-left: 4px solid var(--accent); padding: 4px 0 4px 12px; }
    ul.examples a { font-weight: 600; }
    .button, button { display: inline-block; background: var(--accent); color: #fff; border: 2px solid var(--accent);
      border-radius: 6px; padding: 9px 18px; font: inherit; font-weight: 600; text-decoration: none; cursor: pointer; }
    .button:hover, button:hover { background: var(--accent-dark); border-color: var(--accent-dark); color: #fff; }
    .button.secondary { background: var(--paper); color: var(--accent); }
    .button.secondary:hover { background: var(--wash); color: var(--accent-dark); }
    .actions { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 20px 0; }
    form .question { border-top: 1px solid var(--line); padding: 16px 0 14px; }
    form .question.invalid { border-left: 5px solid var(--error); padding-left: 14px; background: var(--error-wash); }
    fieldset { border: 0; padding: 0; margin: 0; min-width: 0; }
    legend, label.question-label { display: block; font-weight: 600; font-size: 17px; padding: 0; margin-bottom: 2px; }
    .number { color: var(--muted); font-weight: 400; margin-right: 4px; }
    .tag { font-size: 13px; font-weight: 600; color: var(--muted); margin-left: 6px; }
    .help { margin: 2px 0 8px; max-width: 48em; }
    .condition { margin: 2px 0 8px; font-size: 14px; color: var(--muted); font-style: italic; }
    .error-message { color: var(--error); font-weight: 600; margin: 4px 0 8px; }
    input[type=text], input[type=month], input[type=file], select { font: inherit; color: var(--ink); padding: 7px 9px; border: 2px solid #5f6b79; border-radius: 4px; background: var(--paper); max-width: 100%; }
    input[type=text] { width: 22em; }
    input[type=text].short { width: 10em; }
    input[aria-invalid=true] { border-color: var(--error); }
    .choices { display: grid; grid-template-columns: repeat(auto-fill, minmax(270px, 1fr)); gap: 2px 18px; }
    .choices label { display: flex; gap: 8px; align-items: flex-start; padding: 3px 0; cursor: pointer; }
    .choices input { margin-top: 5px; width: 18px; height: 18px; flex: none; }
    .unit { margin-left: 6px; color: var(--muted); }
    .error-summary { border: 3px solid var(--error); border-radius: 6px; padding: 12px 18px; margin: 0 0 20px; background: var(--error-wash); }
    .error-summary h2 { margin-top: 0; color: var(--error); }
    .notice { border-left: 5px solid var(--accent); background: var(--wash); padding: 10px 16px; margin: 16px 0; }
    pre.diagnostics { white-space: pre-wrap; background: #1d2733; color: #f4f7fa; padding: 14px 16px; border-radius: 6px; font-size: 14px; overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; margin: 10px 0; font-size: 15px; }
    th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--line); }
    th { background: var(--wash); }
    td.num, th.num { text-align: right; white-space: nowrap; }
    .side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 20px; }
    @media (max-width: 760px) { .side-by-side { grid-template-columns: 1fr; } main { padding: 20px 16px; } }
    .side-by-side ol { list-style: none; padding: 0; margin: 0; }
    .side-by-side li { display: grid; grid-template-columns: 2.4em 1fr; padding: 5px 8px; border-bottom: 1px solid var(--line); }
    .side-by-side .rank { color: var(--muted); font-variant-numeric: tabular-nums; }
    .side-by-side .phase { display: block; font-size: 13px; color: var(--muted); }
    .mark { font-weight: 700; font-size: 13px; margin-left: 6px; padding: 1px 6px; border-radius: 4px; white-space: nowrap; }
    li.added { background: var(--ok-wash); } li.removed { background: var(--error-wash); }
    .mark.added { background: #1e6b3a; color: #fff; } .mark.removed { background: var(--error); color: #fff; }
    .mark.moved { background: #5b4a00; color: #fff; }
    .changes h3 { border-bottom: 2px solid var(--line); padding-bottom: 4px; }
    .changes ul { padding-left: 0; list-style: none; }
    .changes li { margin: 10px 0; }
    .changes .position { display: block; color: var(--muted); }
    .changes .why-label { display: block; margin-top: 4px; font-size: 14px; font-weight: 600; color: var(--muted); }
    .changes .why { margin: 0 0 0 18px; padding-left: 0; list-style: disc; }
    .changes .why li { margin: 2px 0; }
    .id { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .85em; color: var(--muted); }
    details summary { cursor: pointer; font-weight: 600; color: var(--accent); }
    """

    /// The bar above the roadmap document; hidden on paper.
    static let bar = """
    .ms-bar { position: sticky; top: 0; z-index: 5; background: #1f4e79; color: #fff; font: 15px/1.4 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; box-shadow: 0 2px 6px rgba(0,0,0,.25); }
    .ms-bar .ms-inner { max-width: 1000px; margin: 0 auto; padding: 8px 20px; display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: center; }
    .ms-bar a { color: #fff; }
    .ms-bar a:focus-visible { outline: 3px solid #ffc94d; outline-offset: 2px; }
    .ms-bar .ms-group { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; }
    .ms-bar .ms-label { font-weight: 600; }
    .ms-bar a.ms-button { background: #fff; color: #1f4e79; padding: 4px 12px; border-radius: 5px; font-weight: 600; text-decoration: none; }
    .ms-bar a.ms-button:hover { background: #e3ecf5; }
    .ms-note { max-width: 1000px; margin: 12px auto; padding: 10px 16px; border-left: 5px solid #1f4e79; background: #e3ecf5; font: 15px/1.4 "Segoe UI", Arial, "Liberation Sans", sans-serif; }
    .ms-warning { border-left-color: #8a4b00; background: #fdf0dc; }
    /* A link to an action lands below the sticky bar, its number and title in view; on a phone the bar (three
       lines there) scrolls away instead of taking a fifth of the screen. */
    html { scroll-padding-top: 90px; }
    @media (max-width: 760px) { .ms-bar { position: static; } html { scroll-padding-top: 0; } }
    @media print { .ms-bar, .ms-note { display: none !important; } }
    """

    /// `/imprimer.js`: opens the browser's print dialog once the print page has loaded. The page works without it.
    static let printScript = "window.addEventListener('load', function () { window.print(); });\n"
}
