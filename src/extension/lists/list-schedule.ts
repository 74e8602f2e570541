// When lists are updated: one browser alarm per list subscribed to, at the time its subscription
// says (nextUpdate, shown in the options page), kept in step with the subscriptions whenever they
// change and when the worker starts (Firefox forgets alarms when it closes; Chromium may too). An
// update missed while the browser was closed runs a minute after it starts, not in its first rush.
import type { ListSubscription } from '../../core/lists/subscription';

const PREFIX = 'parallax-list ';

export const listAlarmName = (address: string): string => `${PREFIX}${address}`;

/** The list an alarm is for, or null for another alarm. */
export const listOfAlarm = (name: string): string | null =>
  name.startsWith(PREFIX) ? name.slice(PREFIX.length) : null;

/** The part of the browser's alarms API this uses (browser.alarms). */
export interface Alarms {
  getAll(): Promise<{ name: string; scheduledTime: number }[]>;
  create(name: string, info: { when: number }): void | Promise<void>;
  clear(name: string): Promise<boolean>;
}

/** How long after the worker starts an overdue update runs. */
export const OVERDUE_DELAY_MS = 60_000;

/** Sets every list's alarm at its next update and clears those of lists no longer subscribed to. */
export async function scheduleListUpdates(
  lists: readonly ListSubscription[],
  alarms: Alarms,
  now: number = Date.now(),
): Promise<void> {
  const existing = new Map(
    (await alarms.getAll()).filter((a) => listOfAlarm(a.name) !== null).map((a) => [a.name, a.scheduledTime]),
  );
  for (const name of existing.keys()) {
    if (!lists.some((l) => listAlarmName(l.address) === name)) await alarms.clear(name);
  }
  for (const list of lists) {
    const due = Date.parse(list.nextUpdate);
    const at = existing.get(listAlarmName(list.address));
    // Already set for this time (an alarm set for an overdue update stays where it was put).
    if (at !== undefined && (Math.abs(at - due) < 1000 || (due < now && at > now))) continue;
    await alarms.create(listAlarmName(list.address), { when: Math.max(due, now + OVERDUE_DELAY_MS) });
  }
}
