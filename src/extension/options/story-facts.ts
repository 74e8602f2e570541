// How many of a story's facts the outlets differ on, for its line in the stories card: the pack's
// values read and compared as the matcher's are (core/database/load), once per pack object.
import { combinePacks } from '../../core/database/combine';
import { compile } from '../../core/database/load';
import type { Pack } from '../../core/database/schema';

const known = new WeakMap<Pack, number | null>();

/** The facts of `pack` on which its outlets differ; null when its values cannot be read (it is listed as damaged then). */
export function differingFacts(pack: Pack): number | null {
  if (known.has(pack)) return known.get(pack)!;
  let count: number | null;
  try {
    count = compile(combinePacks([{ pack, origin: 'installed' }])).claims.filter((c) => c.status === 'differ').length;
  } catch {
    count = null;
  }
  known.set(pack, count);
  return count;
}
