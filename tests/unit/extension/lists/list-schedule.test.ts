// Each list's alarm at its next update, kept in step with the subscriptions (WXT's fake alarms).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ListSubscription } from '../../../../src/core/lists/subscription';
import {
  listAlarmName,
  listOfAlarm,
  OVERDUE_DELAY_MS,
  scheduleListUpdates,
} from '../../../../src/extension/lists/list-schedule';

const NOW = Date.parse('2025-04-02T08:00:00Z');
const sub = (address: string, nextUpdate: string) => ({ address, nextUpdate }) as ListSubscription;
const alarms = async () =>
  Object.fromEntries((await fakeBrowser.alarms.getAll()).map((a) => [a.name, new Date(a.scheduledTime).toISOString()]));

beforeEach(() => fakeBrowser.reset());

describe('scheduleListUpdates', () => {
  it('sets each list’s alarm at its next update; one missed while the browser was closed runs a minute after it starts', async () => {
    await scheduleListUpdates(
      [
        sub('https://a.example/list.json', '2025-04-03T08:00:00.000Z'),
        sub('https://b.example/list.json', '2025-04-01T08:00:00.000Z'),
      ],
      fakeBrowser.alarms,
      NOW,
    );
    expect(await alarms()).toEqual({
      'parallax-list https://a.example/list.json': '2025-04-03T08:00:00.000Z',
      'parallax-list https://b.example/list.json': new Date(NOW + OVERDUE_DELAY_MS).toISOString(),
    });
  });

  it('moves an alarm when the next update changes, leaves an overdue one where it was put, and clears those of lists left', async () => {
    await fakeBrowser.alarms.create('another alarm', { when: NOW + 5000 });
    await scheduleListUpdates(
      [
        sub('https://a.example/list.json', '2025-04-03T08:00:00.000Z'),
        sub('https://b.example/list.json', '2025-04-01T08:00:00.000Z'),
      ],
      fakeBrowser.alarms,
      NOW,
    );
    await scheduleListUpdates(
      [sub('https://b.example/list.json', '2025-04-01T08:00:00.000Z')],
      fakeBrowser.alarms,
      NOW + 30_000,
    );
    expect(await alarms()).toEqual({
      'another alarm': new Date(NOW + 5000).toISOString(),
      'parallax-list https://b.example/list.json': new Date(NOW + OVERDUE_DELAY_MS).toISOString(),
    });
    await scheduleListUpdates(
      [sub('https://b.example/list.json', '2025-04-05T08:00:00.000Z')],
      fakeBrowser.alarms,
      NOW,
    );
    expect((await alarms())['parallax-list https://b.example/list.json']).toBe('2025-04-05T08:00:00.000Z');
  });

  it('names alarms by list', () => {
    expect(listOfAlarm(listAlarmName('https://a.example/list.json?x=1'))).toBe('https://a.example/list.json?x=1');
    expect(listOfAlarm('another alarm')).toBeNull();
  });
});
