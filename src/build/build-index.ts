// Builds what ships with the bundled packs: their list (assets/generated/bundled-packs.json), the
// claim index (claim-index.json) and, when the sentence model is installed, the claims' sentence
// vectors (claim-vectors.json).
// `npm run build:index`; every WXT build also runs it (wxt.config.ts), so the extension never
// indexes or embeds claims at run time. `--vectors-only` skips the list and
// the index (the WXT hook writes them in its own process, and the vectors in this one, apart from
// the bundler).
import { writeBundledPackList } from './bundled-pack-list';
import { writeClaimIndex } from './claim-index-file';
import { writeClaimVectors } from './claim-vectors-file';

if (!process.argv.includes('--vectors-only')) console.log(`${writeBundledPackList()}\n${writeClaimIndex()}`);
console.log(await writeClaimVectors());
