// The tooltip's styles, scoped by its shadow root so the page's CSS cannot reach it (and `all:
// initial` on the host stops inherited page styles too).
//
// The dialog is the element that scrolls (it takes focus, so the keyboard scrolls it); its header
// and footer stick to its edges. While more is below, the footer shows a fade over the last
// visible lines and says what follows.
export const TOOLTIP_CSS = `
:host { all: initial; }
.tooltip {
  --bg: #ffffff; --fg: #1d1f23; --muted: #555b66; --line: #d9dce1; --accent: #2457b0;
  --differ-bg: #fff1d6; --differ-fg: #7a4300; --agree-bg: #e3ecfb; --agree-fg: #1f4f9a; --mark: #ffd27a;
  --hover: #eef2f8; --chart: #2457b0; --chart-fill: rgba(36, 87, 176, 0.22); --page-mark: #1d1f23; --page-fill: rgba(29, 31, 35, 0.18);
  position: fixed; top: 0; left: 0; z-index: 2147483647;
  box-sizing: border-box; width: min(440px, calc(100vw - 16px)); max-height: calc(100vh - 16px);
  overflow-y: auto; overscroll-behavior: contain; scrollbar-width: thin;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 10px 30px rgba(0, 0, 0, 0.18), 0 2px 6px rgba(0, 0, 0, 0.10);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left;
}
@media (prefers-color-scheme: dark) {
  .tooltip {
    --bg: #1f2228; --fg: #e8eaed; --muted: #a9afb8; --line: #3a3f47; --accent: #8ab4f8;
    --differ-bg: #4a3411; --differ-fg: #ffd591; --agree-bg: #1d3557; --agree-fg: #b9d3ff; --mark: #6e4700;
    --hover: #2a2f37; --chart: #8ab4f8; --chart-fill: rgba(138, 180, 248, 0.28); --page-mark: #f1f3f4; --page-fill: rgba(241, 243, 244, 0.22);
    box-shadow: 0 10px 30px rgba(0, 0, 0, 0.5), 0 2px 6px rgba(0, 0, 0, 0.4);
  }
}
.tooltip:focus, .tooltip:focus-visible { outline: none; } /* the dialog itself takes focus only to receive keys */
header {
  position: sticky; top: 0; z-index: 1; background: var(--bg);
  display: flex; align-items: center; justify-content: space-between; gap: 8px;
  padding: 10px 10px 6px 14px;
}
h2 { font-size: 12px; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; color: var(--muted); margin: 0; }
button { font: inherit; color: var(--fg); background: transparent; border: 1px solid var(--line); border-radius: 6px; padding: 3px 8px; cursor: pointer; }
button:hover { background: var(--hover); }
button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.close { border: none; font-size: 20px; line-height: 1; padding: 2px 7px; color: var(--muted); }
.body { padding: 0 14px 8px; }
.claim + .claim { border-top: 1px solid var(--line); margin-top: 12px; padding-top: 12px; }
.status { display: inline-block; font-size: 12px; font-weight: 600; border-radius: 999px; padding: 1px 8px; margin: 0 0 4px; }
.status.differ { background: var(--differ-bg); color: var(--differ-fg); }
.status.agree { background: var(--agree-bg); color: var(--agree-fg); }
.status.not-compared { background: var(--hover); color: var(--muted); }
.summary { font-weight: 600; margin: 2px 0 6px; }
.draft { margin: -2px 0 6px; color: var(--muted); font-size: 12px; }
.comparison { margin: 4px 0 8px; display: flex; flex-direction: column; gap: 8px; font-size: 12.5px; }
.comparison table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.comparison caption { text-align: left; padding: 0 0 2px; font-weight: 600; }
.verdict { margin-left: 2px; font-size: 11px; font-weight: 600; border-radius: 999px; padding: 0 6px; }
.verdict.differ { background: var(--differ-bg); color: var(--differ-fg); }
.verdict.agree { background: var(--agree-bg); color: var(--agree-fg); }
.comparison th, .comparison td { padding: 2px 0; vertical-align: middle; text-align: left; }
.comparison th.who { width: 26%; font-weight: 400; padding-right: 6px; overflow-wrap: anywhere; }
.comparison th.page { font-weight: 600; }
/* This page's own figure is drawn apart: its row first, a rule under it. */
.comparison tbody tr.page > * { border-bottom: 1px dashed var(--line); padding-bottom: 4px; }
.comparison tbody tr.page + tr > * { padding-top: 4px; }
/* The outlets' own words ("about 250 ISIS fighters, almost 4,000 members of their families") need the room more than the axis. */
.chart td.track { width: 30%; }
.chart td.values { padding-left: 8px; }
.wordings th.who { width: 45%; }
.said { display: block; }
.said + .said { margin-top: 1px; }
.comparison td .value { font-weight: 600; }
/* What Parallax computed from the words (a sum, a range): its own reading, in small type. */
.computed { display: block; color: var(--muted); font-size: 11px; line-height: 1.3; }
.computed.inline { display: inline; }
/* The lane is inset by half a point, so a point on the axis's first or last tick is drawn whole. */
.lane { position: relative; margin: 0 6px; height: 14px; }
tbody .lane::before { content: ""; position: absolute; left: -6px; right: -6px; top: 50%; border-top: 1px solid var(--line); }
.mark { position: absolute; top: 50%; box-sizing: border-box; transform: translateY(-50%); }
.mark.point { width: 10px; height: 10px; margin-left: -5px; border-radius: 50%; background: var(--chart); border: 2px solid var(--bg); }
.mark.range { height: 8px; min-width: 4px; border-radius: 4px; background: var(--chart-fill); border: 1.5px solid var(--chart); }
.mark.page.point { background: var(--page-mark); border-radius: 2px; transform: translateY(-50%) rotate(45deg); }
.mark.page.range { background: var(--page-fill); border-color: var(--page-mark); }
/* An open end runs on: no edge there, the bar fades out, an arrowhead says it goes further. */
.mark.open-high { border-right: none; border-radius: 4px 0 0 4px; }
.mark.open-low { border-left: none; border-radius: 0 4px 4px 0; }
.mark.open-high::after, .mark.open-low::before {
  content: ""; position: absolute; top: 50%; width: 0; height: 0; transform: translateY(-50%);
  border-top: 5px solid transparent; border-bottom: 5px solid transparent;
}
.mark.open-high::after { right: -6px; border-left: 6px solid var(--chart); }
.mark.open-low::before { left: -6px; border-right: 6px solid var(--chart); }
.mark.page.open-high::after { border-left-color: var(--page-mark); }
.mark.page.open-low::before { border-right-color: var(--page-mark); }
tfoot .lane { height: 16px; border-top: 1px solid var(--muted); margin-top: 2px; }
.tick { position: absolute; top: 2px; transform: translateX(-50%); color: var(--muted); font-size: 10.5px; white-space: nowrap; line-height: 1.2; }
.tick::before { content: ""; position: absolute; left: 50%; top: -5px; height: 3px; border-left: 1px solid var(--muted); }
.alike { list-style: none; margin: 0; padding: 0; color: var(--muted); }
.alike .kind { color: var(--fg); font-weight: 600; }
.alike .value { color: var(--fg); }
.comparison .nothing { margin: 0; color: var(--muted); font-size: 13px; }
.note { margin: 4px 0; color: var(--muted); font-style: italic; font-size: 13px; }
.reports { list-style: none; margin: 6px 0 0; padding: 0; }
.report { margin: 8px 0 0; padding: 8px 0 0; border-top: 1px dashed var(--line); }
.report-head { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; font-size: 13px; }
.outlet { font-weight: 600; color: var(--accent); text-decoration: none; }
a.outlet:hover { text-decoration: underline; }
a.outlet::after { content: "↗" / ""; font-weight: 400; margin-left: 3px; } /* (alt text "": not read out) */
.date { color: var(--muted); white-space: nowrap; }
.quote { margin: 4px 0; padding-left: 10px; border-left: 3px solid var(--line); }
mark.differs { background: var(--mark); color: inherit; font-weight: 600; border-radius: 2px; padding: 0 1px; }
.attribution { margin: 2px 0 0; color: var(--muted); font-size: 13px; }
.quote + .quote, .attribution + .quote { margin-top: 8px; }
.other-article { display: inline-block; margin-top: 2px; color: var(--accent); font-size: 12px; }
footer {
  position: sticky; bottom: 0; z-index: 1; background: var(--bg);
  display: flex; align-items: center; justify-content: space-between; gap: 8px;
  padding: 8px 14px 10px; border-top: 1px solid var(--line);
}
/* More below: a fade over the last visible lines, above the footer. */
.tooltip.scrolls-on footer::before {
  content: ""; position: absolute; left: 0; right: 0; bottom: 100%; height: 40px; pointer-events: none;
  background: linear-gradient(to bottom, transparent, var(--bg));
}
.more-below { border: none; padding: 3px 2px; color: var(--accent); font-weight: 600; font-size: 13px; }
.more-below[hidden] { display: none; }
.turn-off { margin-left: auto; font-size: 13px; }
`;
