// Options page: turned-off sites, the global switch, highlight style and filter, the stories Parallax
// knows and the story lists subscribed to.
import { renderSiteList } from '../../src/extension/options/options-view';
import { storedListActions } from '../../src/extension/options/lists-actions';
import { mountListsSection } from '../../src/extension/options/lists-section';
import { storedPackActions } from '../../src/extension/options/packs-actions';
import { mountPacksSection } from '../../src/extension/options/packs-section';
import {
  getSettings,
  HIGHLIGHT_STYLES,
  setGlobalEnabled,
  setHighlightStyle,
  setOnlyDiffering,
  setSiteEnabled,
  watchSettings,
  type HighlightStyle,
  type Settings,
} from '../../src/extension/settings/settings';

const globalSwitch = document.getElementById('global-switch') as HTMLInputElement;
const onlyDiffering = document.getElementById('only-differing') as HTMLInputElement;
const styleRadios = [...document.querySelectorAll<HTMLInputElement>('input[name="style"]')];
const sites = document.getElementById('sites') as HTMLUListElement;
const noSites = document.getElementById('no-sites') as HTMLElement;
const status = document.getElementById('save-status') as HTMLElement;

function render(settings: Settings): void {
  globalSwitch.checked = settings.enabled;
  onlyDiffering.checked = settings.onlyDiffering;
  for (const radio of styleRadios) radio.checked = radio.value === settings.highlightStyle;
  noSites.hidden = settings.disabledSites.length > 0;
  renderSiteList(sites, settings.disabledSites, (site) => {
    save(setSiteEnabled(site, true), `Turned ${site} back on.`);
  });
}

function save(change: Promise<void>, done: string): void {
  change.then(
    () => (status.textContent = done),
    (problem: unknown) => (status.textContent = problem instanceof Error ? problem.message : String(problem)),
  );
}

globalSwitch.addEventListener('change', () => {
  const on = globalSwitch.checked;
  save(setGlobalEnabled(on), on ? 'Parallax is on.' : 'Parallax is off on all sites.');
});
onlyDiffering.addEventListener('change', () => {
  const only = onlyDiffering.checked;
  save(
    setOnlyDiffering(only),
    only ? 'Only facts on which outlets differ are highlighted.' : 'All known facts are highlighted.',
  );
});
for (const radio of styleRadios) {
  radio.addEventListener('change', () => {
    const style = radio.value as HighlightStyle;
    if (radio.checked && HIGHLIGHT_STYLES.includes(style)) save(setHighlightStyle(style), `Highlight style: ${style}.`);
  });
}

void getSettings().then(render);
watchSettings(render);

// Stories Parallax knows: the claim packs, with the reader's switches, import and removal.
mountPacksSection(document.getElementById('packs') as HTMLElement, storedPackActions());
// Story lists: the curators' lists subscribed to, their updates, and subscribing to another.
mountListsSection(document.getElementById('lists') as HTMLElement, storedListActions());
