// The reader's pack list subscriptions as read back from local storage (stored-packs.ts keeps them
// beside the packs, written together). Judged before use, as the packs are: an entry that cannot
// be a subscription (no https address, no key) is left out, and the next write drops it; a field
// that is damaged takes a value that makes the list update again soon rather than never.
import { z } from 'zod';
import { listAddressProblem } from '../../core/lists/list-address';
import { PUBLIC_KEY_PATTERN } from '../../core/lists/list-schema';
import type { ListSubscription } from '../../core/lists/subscription';

const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)));
const never = '1970-01-01T00:00:00.000Z';

const StoredSubscription = z.object({
  address: z.string().refine((a) => listAddressProblem(a) === null),
  publicKey: z.string().regex(PUBLIC_KEY_PATTERN),
  subscribedAt: isoTime.catch(never),
  title: z.string().catch(''),
  publisher: z.string().catch(''),
  homePage: z.string().catch(''),
  updateHours: z.number().int().min(1).max(720).catch(24),
  published: isoTime.catch(never),
  packs: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        version: z.string(),
        size: z.number(),
        sha256: z.string(),
        state: z.enum(['installed', 'bundled', 'other-list', 'own', 'asks']),
      }),
    )
    .catch([]),
  lastUpdate: isoTime.catch(never),
  // Damaged: due now, so the list is fetched again and the record rewritten.
  nextUpdate: isoTime.catch(never),
  lastError: z.object({ at: isoTime, message: z.string() }).nullable().catch(null),
  newKey: z.string().regex(PUBLIC_KEY_PATTERN).nullable().catch(null),
  takeOver: z.array(z.string()).catch([]),
  keepOwn: z.array(z.object({ id: z.string(), version: z.string() })).catch([]),
});

/** Pure: the stored value as subscriptions, one per address (the first wins), damaged entries left out. */
export function parseSubscriptions(value: unknown): ListSubscription[] {
  const lists: ListSubscription[] = [];
  for (const entry of Array.isArray(value) ? value : []) {
    const parsed = StoredSubscription.safeParse(entry);
    if (parsed.success && !lists.some((l) => l.address === parsed.data.address)) lists.push(parsed.data);
  }
  return lists;
}
