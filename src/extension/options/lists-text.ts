// What the options page says about pack lists: when Parallax goes online and what it sends, each
// list's times and stories, the outcome of each action, and the questions a list can ask. Plain
// strings; the section inserts them as text.
import type { PackStore } from '../../core/database/pack-store';
import { listSite } from '../../core/lists/list-address';
import type { ListActionResult, ListOutcome } from '../../core/lists/list-update';
import type { ListPackRecord, ListSubscription } from '../../core/lists/subscription';
import { quoted } from './packs-text';

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The one place the page says when Parallax makes a request, and what it sends. */
export const REQUESTS_NOTE =
  'Parallax goes online only for the lists you subscribe to here: when you subscribe, at each list’s next update shown below, and when you press Update now. It then downloads the list, and any of its stories that are new or changed, whole, from the list’s own site. The requests carry no cookies and nothing about the pages you read; matching still happens on this computer.';

export const SUBSCRIBE_NOTE =
  'The address of a list’s list.json, from its curator. Your browser may then ask you to let Parallax reach that one site.';

export const NO_LISTS = 'You subscribe to no list.';

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** A time as the page shows it ("3 Apr 2025, 10:02"), in the reader's time zone. */
export const timeText = (iso: string): string => timeFormat.format(new Date(iso));

/** When the list will next be fetched. */
export function nextUpdateText(list: ListSubscription, now: Date): string {
  return Date.parse(list.nextUpdate) <= now.getTime() ? 'in a minute or so' : timeText(list.nextUpdate);
}

export function intervalText(hours: number): string {
  if (hours === 24) return 'daily';
  if (hours % 24 === 0) return `every ${count(hours / 24, 'day')}`;
  return `every ${count(hours, 'hour')}`;
}

/** The line under a list's title. */
export const listByline = (list: ListSubscription): string =>
  `by ${list.publisher} · ${listSite(list.address)} · updated ${intervalText(list.updateHours)}`;

/** The last failure, as the list's card shows it until an update succeeds. */
export const lastErrorText = (list: ListSubscription): string =>
  list.lastError
    ? `The update of ${timeText(list.lastError.at)} failed: ${list.lastError.message}. Nothing was changed: the list’s stories stay as they were.`
    : '';

/** One of the list's stories, as its card lists it. `store`: the reader's packs (for their own copy, and switches). */
export function listPackLine(record: ListPackRecord, store: PackStore, lists: readonly ListSubscription[]): string {
  const title = quoted(record.title);
  const installed = store.installed.find((p) => p.pack.id === record.id);
  switch (record.state) {
    case 'installed':
      if (!installed || installed.pack.version !== record.version)
        return `${title}, version ${record.version}: not installed yet`;
      return `${title}, version ${record.version}${store.disabled.includes(record.id) ? ' (switched off)' : ''}`;
    case 'bundled':
      return `${title}: comes with Parallax, which keeps its own copy`;
    case 'other-list': {
      const from = lists.find((l) => l.address === installed?.list);
      return `${title}: you have it from ${from ? `the list ${quoted(from.title)}` : 'another list'}`;
    }
    case 'own':
      return `${title}, version ${record.version}: you keep the copy you added yourself${installed ? ` (version ${installed.pack.version})` : ''}`;
    case 'asks':
      return `${title}, version ${record.version}: waits for your answer (above)`;
  }
}

/** The question a list asks when it has a newer version of a story the reader added themselves. */
export function takeOverQuestion(
  list: ListSubscription,
  record: ListPackRecord,
  store: PackStore,
): { question: string; take: string; keep: string } {
  const own = store.installed.find((p) => p.pack.id === record.id)?.pack;
  const ownTitle = own ? String(own.story?.title ?? record.id) : record.id;
  const ownVersion = own ? String(own.version) : '?';
  const same = ownTitle === record.title;
  return {
    question:
      `${quoted(list.title)} has version ${record.version} of ${quoted(record.title)}; you added version ${ownVersion}${same ? '' : ` of ${quoted(ownTitle)}, under the same id,`} yourself. ` +
      'Let the list replace your copy and keep it up to date? It then goes if you unsubscribe.',
    take: `Use the list’s version ${record.version}`,
    keep: `Keep my version ${ownVersion}`,
  };
}

/** The question asked when a list is signed with a new key. */
export function newKeyQuestion(list: ListSubscription): { question: string; accept: string; keep: string } {
  return {
    question: `${quoted(list.title)} is now signed with another key. Accept it only if ${list.publisher} says they changed their key (their home page should). Until you do, Parallax keeps the list as it was.`,
    accept: 'Accept the new key',
    keep: 'Keep the old key',
  };
}

function outcomeText(outcome: ListOutcome): string {
  const parts: string[] = [];
  if (outcome.added.length > 0) parts.push(`added ${outcome.added.map(quoted).join(', ')}`);
  for (const u of outcome.updated)
    parts.push(
      u.from === u.to ? `corrected ${quoted(u.title)}` : `updated ${quoted(u.title)} from version ${u.from} to ${u.to}`,
    );
  if (outcome.removed.length > 0) parts.push(`removed ${outcome.removed.map(quoted).join(', ')}`);
  return parts.join('; ');
}

const asksText = (outcome: ListOutcome) =>
  outcome.asks > 0 ? ` ${count(outcome.asks, 'story waits', 'stories wait')} for your answer.` : '';

/** What subscribing came to. */
export function subscribedMessage(address: string, result: ListActionResult): string {
  if (!result.ok)
    return `Nothing was subscribed: ${listSite(address)}’s list could not be used, because ${result.error}.`;
  const outcome = result.outcome;
  const what =
    outcome && outcome.added.length > 0
      ? ` ${outcomeText(outcome).replace(/^added/, 'Added')}. Their facts are highlighted on pages about them, open tabs included.`
      : ' It brought no story you do not already have.';
  return `Subscribed to ${quoted(result.title)}.${what}${outcome ? asksText(outcome) : ''}`;
}

/** What "Update now" (or an answer that updates) came to. */
export function updatedMessage(list: ListSubscription, result: ListActionResult): string {
  if (!result.ok) return `Could not update ${quoted(list.title)}: ${result.error}. Nothing was changed.`;
  const outcome = result.outcome;
  if (!outcome) return `${quoted(result.title)}: done.`;
  const changed = outcomeText(outcome);
  return `${changed ? `Updated ${quoted(result.title)}: ${changed}.` : `${quoted(result.title)} is up to date.`}${asksText(outcome)}`;
}

export function unsubscribedMessage(list: ListSubscription, stories: number): string {
  return `Unsubscribed from ${quoted(list.title)}.${stories > 0 ? ` Its ${count(stories, 'story', 'stories')} ${stories === 1 ? 'was' : 'were'} removed;` : ''} the stories you added yourself stay.`;
}

export const deniedMessage = (address: string): string =>
  `Nothing was subscribed: Parallax may not reach ${listSite(address)} without your leave. Subscribe again and allow it when your browser asks.`;

export const keptKeyMessage = (list: ListSubscription): string =>
  `Kept the old key of ${quoted(list.title)}; its updates fail until its publisher signs with it again.`;

export const keptOwnMessage = (title: string): string => `Kept your copy of ${quoted(title)}.`;
