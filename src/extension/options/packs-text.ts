// What the options page says about the reader's stories (claim packs): each one's line in the
// list, the outcome of adding a file, and a refused file's problems, worded for readers. Plain
// strings; the section inserts them as text.
import type { InstallResult, PackSummary } from '../../core/database/pack-store';
import type { Problem } from '../../core/database/problems';
import { quoted } from '../../core/english/lists';

type Installed = Extract<InstallResult, { ok: true }>;

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** A story's title or a file's name, quoted by the one rule. */
export { quoted };

const day = (iso: string) => {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
};

/**
 * The line under a story's title: its date, its facts and outlets, how many facts the outlets
 * differ on (`differing`, null when unknown), its version and where it came from (`listTitle`: the
 * title of the list it came from, null when the reader no longer subscribes to that list).
 */
export function packDetails(row: PackSummary, differing: number | null = null, listTitle?: string | null): string {
  const origin =
    row.origin === 'bundled'
      ? 'comes with Parallax'
      : row.list === null
        ? 'added by you'
        : listTitle
          ? `from the list ${quoted(listTitle)}`
          : 'from a list you no longer subscribe to';
  const differ = differing === null ? '' : ` (they differ on ${differing.toLocaleString('en')})`;
  return `${day(row.date)} · ${count(row.claims, 'fact')} from ${count(row.outlets, 'outlet')}${differ} · version ${row.version} · ${origin}`;
}

/** The mark of a draft, beside its title. */
export const DRAFT_MARK = 'Draft: no person has reviewed it';

/** What a draft is, for a reader deciding to add one. */
const DRAFT_MEANS =
  'A program drafted it from outlets’ articles and no person has checked it: a fact may join two that differ, a figure may be misread, and where its summaries are unwritten Parallax shows an outlet’s own words instead.';

/** The question asked before a draft is added. */
export function draftQuestion(result: Installed): { question: string; replace: string; keep: string } {
  const before = asksBeforeReplacing(result) ? `${replaceQuestion(result).question} ` : '';
  return {
    question: `${before}${quoted(result.pack.story.title)} is a draft. ${DRAFT_MEANS} Add it anyway?`,
    replace: 'Add the draft',
    keep: 'Don’t add it',
  };
}

/** What happened when a file was added. */
export function installedMessage(result: Installed, enabled: boolean): string {
  const { pack, action, replaced, otherStory } = result;
  const title = quoted(pack.story.title);
  const said =
    otherStory !== null
      ? `Replaced ${quoted(otherStory.title)} (version ${replaced}) with ${title}${pack.draft === true ? ', a draft' : ''} (version ${pack.version}).`
      : action === 'install'
        ? `Added ${title}${pack.draft === true ? ', a draft' : ''}: ${count(pack.claims.length, 'fact')} from ${count(pack.outlets.length, 'outlet')}. Its facts are highlighted on pages about the story, open tabs included.`
        : action === 'upgrade'
          ? `Updated ${title} from version ${replaced} to ${pack.version}.`
          : action === 'downgrade'
            ? `Replaced version ${replaced} of ${title} with the older version ${pack.version}.`
            : `Replaced ${title} with this file’s copy of the same version (${pack.version}).`;
  return enabled ? said : `${said} It is switched off: switch it on to highlight its facts.`;
}

/** Whether installing this file replaces something the reader may not mean to lose: ask first. */
export function asksBeforeReplacing(result: Installed): boolean {
  return result.otherStory !== null || result.action === 'downgrade';
}

/**
 * The question asked before an installed story is replaced by another story under the same id,
 * naming both, or by an older version of itself.
 */
export function replaceQuestion(result: Installed): { question: string; replace: string; keep: string } {
  const { otherStory, pack, replaced } = result;
  if (otherStory !== null) {
    const older = result.action === 'downgrade' ? `, an older version than yours` : '';
    return {
      question: `You have ${quoted(otherStory.title)} (version ${replaced}). This file holds another story under the same pack id (${pack.id}): ${quoted(pack.story.title)} (version ${pack.version}${older}). Replace ${quoted(otherStory.title)} with it?`,
      replace: `Replace with ${quoted(pack.story.title)}`,
      keep: `Keep ${quoted(otherStory.title)}`,
    };
  }
  return downgradeQuestion(result);
}

/** The question asked before an installed story is replaced by an older version. */
function downgradeQuestion(result: Installed): { question: string; replace: string; keep: string } {
  return {
    question: `You have version ${result.replaced} of ${quoted(result.pack.story.title)}. This file holds an older version, ${result.pack.version}. Replace the newer one with it?`,
    replace: `Replace with version ${result.pack.version}`,
    keep: `Keep version ${result.replaced}`,
  };
}

/** The first line of a refused file's message. */
export function refusedHeadline(fileName: string, problems: number): string {
  return `Nothing was added: ${quoted(fileName)} is not a story pack Parallax can use (${count(problems, 'problem')}). Whoever made the file can correct it:`;
}

/** Problems shown for a refused file; the rest are counted. */
export const MAX_PROBLEMS_SHOWN = 12;

/** One problem as a reader sees it: where (claim, report, field), then what is wrong. */
export function problemLine(problem: Problem): { where: string; message: string } {
  const place = problem.where === 'pack' ? 'the pack' : problem.where;
  const where =
    problem.where === 'file' ? 'The file' : `${place.charAt(0).toUpperCase()}${place.slice(1)}, ${problem.field}`;
  return { where, message: problem.message };
}

export function moreProblems(hidden: number): string {
  return `… and ${count(hidden, 'more problem')}.`;
}

export function switchedMessage(title: string, enabled: boolean): string {
  return enabled
    ? `${quoted(title)} is switched on: its facts are highlighted.`
    : `${quoted(title)} is switched off: its facts are no longer highlighted.`;
}

export function removedMessage(title: string): string {
  return `Removed ${quoted(title)}. Its facts are no longer highlighted.`;
}
