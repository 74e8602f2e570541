// Moving between highlights with the keyboard command: from the open (or last visited) passage to
// the next or previous one, wrapping around at the ends.
import type { Direction } from '../messaging/protocol';

export function stepIndex(current: number | null, count: number, direction: Direction): number | null {
  if (count === 0) return null;
  if (current === null || current < 0 || current >= count) return direction === 'next' ? 0 : count - 1;
  return direction === 'next' ? (current + 1) % count : (current - 1 + count) % count;
}
