// Grouping decisions on short articles written for them, read and embedded as stories:find reads
// them (the shipped encoder): the same event on another day, the same place another event, and one
// wire copy on several sites, which is one source. They lie among other news (a seeded synthetic
// archive's single-outlet articles), as in any archive: how rare a name is depends on it.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEncoder } from '../../../../src/node/model/load-encoder';
import { embedStep, readStep } from '../../../../src/tools/stories/read-step';
import type { ArticleRecord, Story } from '../../../../src/tools/stories/records';
import {
  compareStep,
  componentsStep,
  idsOfBlocks,
  listArchive,
  planStep,
  refineStep,
} from '../../../../src/tools/stories/steps';
import { generateArchive } from '../../../../src/tools/stories/synthetic-archive';

interface Written {
  file: string;
  outlet: string;
  published: string;
  title: string;
  body: string[];
}

const site = (outlet: string) => `${outlet.toLowerCase().replace(/[^a-z]+/g, '')}.example`;
const text = (a: Written) =>
  `outlet: ${a.outlet}\nurl: https://www.${site(a.outlet)}/news/${a.file.replace(/\W+/g, '-')}\npublished: ${a.published}\ntitle: ${a.title}\n\n${a.body.join('\n\n')}\n`;

// The fire at the Lensbury plant, reported the next day by three outlets, one of them a wire
// agency whose copy two more sites carried.
const AGENCY_FIRE = [
  'LENSBURY, March 9 (Kestrel) - A fire tore through the Halvorsen chemical works in Lensbury on Friday night, injuring seven workers and forcing the evacuation of nearby streets, the fire service said.',
  'Around 60 firefighters fought the blaze for six hours before bringing it under control early on Saturday, Lensbury Fire and Rescue said.',
  'Plant manager Odile Brackett said the fire started in a solvent store and that all staff had been accounted for.',
  'Residents of Mill Lane and Quarry Road were allowed back into their homes on Saturday morning.',
];
const FIRE: Written[] = [
  {
    file: 'fire/kestrel-wire.txt',
    outlet: 'Kestrel News Agency',
    published: '2024-03-09',
    title: 'Seven hurt in Lensbury chemical works fire',
    body: AGENCY_FIRE,
  },
  {
    file: 'fire/valley-echo-copy.txt',
    outlet: 'Valley Echo',
    published: '2024-03-09',
    title: 'Seven hurt in Lensbury chemical works fire',
    body: AGENCY_FIRE.slice(0, 3),
  },
  {
    file: 'fire/morning-star-copy.txt',
    outlet: 'Lensbury Morning Star',
    published: '2024-03-10',
    title: 'Chemical works blaze: seven injured',
    body: AGENCY_FIRE.slice(0, 3),
  },
  {
    file: 'fire/county-times.txt',
    outlet: 'County Times',
    published: '2024-03-09',
    title: 'Night blaze at Halvorsen plant leaves workers injured',
    body: [
      'Seven workers were hurt when fire broke out at the Halvorsen chemical plant in Lensbury late on Friday.',
      'Crews from across the county spent most of the night tackling the flames, which sent a plume of black smoke over the town.',
      'Odile Brackett, who manages the plant, said the blaze began among drums of solvent and that no one was missing.',
      'People living on Mill Lane were told to leave their homes until the smoke cleared.',
    ],
  },
  {
    file: 'fire/radio-lens.txt',
    outlet: 'Radio Lens',
    published: '2024-03-09',
    title: 'Halvorsen fire: what we know',
    body: [
      'Fire crews battled a huge blaze at the Halvorsen works in Lensbury overnight, and seven people needed treatment.',
      'The fire service said about 60 firefighters were sent to the site after the alarm was raised on Friday evening.',
      'According to the plant manager, Odile Brackett, the fire started in the solvent store.',
      'Homes on Quarry Road and Mill Lane were evacuated as a precaution.',
    ],
  },
];

// The same event on another day: the inquiry's findings on that fire, three months later.
const INQUIRY: Written[] = [
  {
    file: 'inquiry/county-times.txt',
    outlet: 'County Times',
    published: '2024-06-20',
    title: 'Halvorsen fire inquiry blames faulty wiring',
    body: [
      'Faulty wiring in a solvent store caused the March fire at the Halvorsen chemical works in Lensbury, an inquiry found on Thursday.',
      'The report said the alarm system had not been tested for two years before the blaze, which injured seven workers.',
      'Plant manager Odile Brackett said the company accepted every recommendation.',
      'The Health and Safety Executive said it was considering whether to bring charges.',
    ],
  },
  {
    file: 'inquiry/radio-lens.txt',
    outlet: 'Radio Lens',
    published: '2024-06-20',
    title: 'Report into Lensbury chemical fire published',
    body: [
      'An investigation into the fire at the Halvorsen plant in Lensbury has concluded that an electrical fault started it.',
      'Investigators found that fire alarms at the site had gone untested for two years.',
      'Odile Brackett, the plant manager, said lessons had been learned.',
      'Seven workers were hurt in the fire in March.',
    ],
  },
  {
    file: 'inquiry/kestrel-wire.txt',
    outlet: 'Kestrel News Agency',
    published: '2024-06-21',
    title: 'Wiring fault caused Halvorsen works fire, inquiry finds',
    body: [
      'LENSBURY, June 21 (Kestrel) - An electrical fault in a solvent store started the fire that injured seven workers at the Halvorsen chemical works in March, an official inquiry said.',
      'The inquiry criticised the company for failing to test its alarms for two years.',
      'The Health and Safety Executive is reviewing the report, a spokesman said.',
    ],
  },
];

// The same place, another event: a strike at the same works, the same week as the fire.
const STRIKE: Written[] = [
  {
    file: 'strike/county-times.txt',
    outlet: 'County Times',
    published: '2024-03-12',
    title: 'Halvorsen workers walk out over pay',
    body: [
      'Around 200 workers at the Halvorsen chemical works in Lensbury went on strike on Tuesday in a dispute over pay.',
      'The union, Unite Chemicals, said staff had been offered a rise of two percent after inflation of six.',
      'Pickets gathered at the main gate on Quarry Road from six in the morning.',
      'The company said it was disappointed and hoped talks would resume.',
    ],
  },
  {
    file: 'strike/radio-lens.txt',
    outlet: 'Radio Lens',
    published: '2024-03-12',
    title: 'Pay strike at Lensbury chemical plant',
    body: [
      'Staff at the Halvorsen plant in Lensbury have walked out after rejecting a two percent pay offer.',
      'Unite Chemicals said about 200 of its members joined the strike on Tuesday.',
      'A union organiser on the picket line said workers had waited months for a fair offer.',
      'Managers said production would be cut while the dispute lasted.',
    ],
  },
  {
    file: 'strike/lensbury-morning-star.txt',
    outlet: 'Lensbury Morning Star',
    published: '2024-03-13',
    title: 'Chemical works strike enters second day',
    body: [
      'The strike by about 200 workers at the Halvorsen chemical works in Lensbury went into a second day on Wednesday.',
      'Unite Chemicals called the two percent pay offer an insult.',
      'Pickets stood at the Quarry Road gate through the night.',
      'No new talks have been arranged, the company said.',
    ],
  },
];

const ALL = [...FIRE, ...INQUIRY, ...STRIKE];
let dir: string;
let stories: Story[];

/** The articles written, among sixty single-outlet articles of other news, grouped as stories:find groups them. */
async function group(folder: string, articles: readonly Written[]) {
  for (const a of articles) {
    mkdirSync(dirname(join(folder, a.file)), { recursive: true });
    writeFileSync(join(folder, a.file), text(a));
  }
  generateArchive(join(folder, 'other-news'), { articles: 60, seed: 7, stories: 0 });
  const read = readStep(folder, listArchive(folder));
  const byId = new Map<string, ArticleRecord>(read.articles.map((r) => [r.id, r]));
  const plan = planStep(read.articles);
  const edges = plan.shards.flatMap((blocks) =>
    compareStep({ blocks, records: idsOfBlocks(blocks).map((id) => byId.get(id)!), index: plan.index }),
  );
  const groups = componentsStep(edges, Object.fromEntries(read.articles.map((r) => [r.id, r.site])));
  const vectors = await embedStep(
    groups.flat().map((id) => byId.get(id)!),
    (await loadEncoder()).encoder,
  );
  for (const [id, vector] of Object.entries(vectors)) byId.get(id)!.vector = vector;
  return {
    read,
    groups,
    ...refineStep({ components: groups, records: groups.flat().map((id) => byId.get(id)!), index: plan.index }),
  };
}

/** The articles of a story: its sources and their copies. */
const members = (story: Story) => story.sources.flatMap((s) => [s.id, ...s.copies.map((c) => c.id)]).sort();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-grouping-'));
  const found = await group(dir, ALL);
  expect(found.read.setAside).toEqual([]);
  stories = found.stories;
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('grouping decisions', () => {
  it('finds the three stories and no other', () => {
    expect(stories.map(members)).toHaveLength(3);
  });

  it('keeps the same event on another day apart: the fire, and the inquiry into it three months later', () => {
    const fire = stories.find((s) => members(s).includes('fire/county-times.txt'))!;
    const inquiry = stories.find((s) => members(s).includes('inquiry/county-times.txt'))!;
    expect(fire).not.toBe(inquiry);
    expect(members(inquiry)).toEqual(INQUIRY.map((a) => a.file).sort());
  });

  it('keeps the same place apart when the event is another: the strike at the works the same week', () => {
    const strike = stories.find((s) => members(s).includes('strike/county-times.txt'))!;
    expect(members(strike)).toEqual(STRIKE.map((a) => a.file).sort());
  });

  it('makes one wire copy on three sites one source, naming the other sites', () => {
    const fire = stories.find((s) => members(s).includes('fire/county-times.txt'))!;
    expect(members(fire)).toEqual(FIRE.map((a) => a.file).sort());
    expect(fire.sources).toHaveLength(3);
    const wire = fire.sources.find((s) => s.id === 'fire/kestrel-wire.txt')!;
    expect(wire.copies.map((c) => c.site).sort()).toEqual(['lensburymorningstar.example', 'valleyecho.example']);
  });
});

describe('three outlets', () => {
  it('counts a wire copy once: the agency on three sites and one other outlet are no story', async () => {
    const small = mkdtempSync(join(tmpdir(), 'parallax-grouping-copies-'));
    try {
      const found = await group(small, FIRE.slice(0, 4));
      // Four sites, so blocking and components keep them; grouped, they are two sources.
      expect(found.groups.flat().sort()).toEqual(
        FIRE.slice(0, 4)
          .map((a) => a.file)
          .sort(),
      );
      expect(found.stories).toEqual([]);
    } finally {
      rmSync(small, { recursive: true, force: true });
    }
  }, 60_000);
});
