// The tooltip's styles, scoped by its shadow root so the page's CSS cannot reach it (and `all:
// initial` on the host stops inherited page styles too).
export const TOOLTIP_CSS = `
:host { all: initial; }
.tooltip {
  --bg: #ffffff; --fg: #1d1f23; --muted: #555b66; --line: #d9dce1; --accent: #2b5fb4;
  --differ-bg: #fff1d6; --differ-fg: #7a4300; --agree-bg: #e3ecfb; --agree-fg: #1f4f9a; --mark: #ffd27a;
  position: fixed; top: 0; left: 0; z-index: 2147483647;
  box-sizing: border-box; width: min(440px, calc(100vw - 16px)); max-height: min(70vh, 560px); overflow: auto;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 10px 30px rgba(0, 0, 0, 0.18), 0 2px 6px rgba(0, 0, 0, 0.10);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; padding: 12px 14px; text-align: left;
}
@media (prefers-color-scheme: dark) {
  .tooltip {
    --bg: #1f2228; --fg: #e8eaed; --muted: #a9afb8; --line: #3a3f47; --accent: #8ab4f8;
    --differ-bg: #4a3411; --differ-fg: #ffd591; --agree-bg: #1d3557; --agree-fg: #b9d3ff; --mark: #6e4700;
  }
}
.tooltip:focus, .tooltip:focus-visible { outline: none; } /* the dialog itself takes focus only to receive keys */
header { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 6px; }
h2 { font-size: 12px; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; color: var(--muted); margin: 0; }
button { font: inherit; color: var(--fg); background: transparent; border: 1px solid var(--line); border-radius: 6px; padding: 3px 8px; cursor: pointer; }
button:hover { background: var(--agree-bg); }
button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.close { border: none; font-size: 18px; line-height: 1; padding: 2px 6px; color: var(--muted); }
.claim + .claim { border-top: 1px solid var(--line); margin-top: 10px; padding-top: 10px; }
.status { display: inline-block; font-size: 12px; font-weight: 600; border-radius: 999px; padding: 1px 8px; margin: 0 0 4px; }
.status.differ { background: var(--differ-bg); color: var(--differ-fg); }
.status.agree { background: var(--agree-bg); color: var(--agree-fg); }
.summary { font-weight: 600; margin: 2px 0 4px; }
.reasons { margin: 0 0 4px; padding-left: 18px; color: var(--muted); font-size: 13px; }
.note { margin: 4px 0; color: var(--muted); font-style: italic; font-size: 13px; }
.reports { list-style: none; margin: 6px 0 0; padding: 0; }
.report { margin: 8px 0 0; padding: 8px 0 0; border-top: 1px dashed var(--line); }
.report-head { display: flex; justify-content: space-between; gap: 8px; font-size: 13px; }
.outlet { font-weight: 600; }
.date { color: var(--muted); white-space: nowrap; }
.quote { margin: 4px 0; padding-left: 10px; border-left: 3px solid var(--line); }
mark.differs { background: var(--mark); color: inherit; font-weight: 600; border-radius: 2px; padding: 0 1px; }
.attribution { margin: 2px 0; color: var(--muted); font-size: 13px; }
.source { color: var(--accent); font-size: 13px; }
footer { margin-top: 10px; padding-top: 8px; border-top: 1px solid var(--line); display: flex; justify-content: flex-end; }
`;
