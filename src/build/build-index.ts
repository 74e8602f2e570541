// Builds what ships beside the bundled database: the claim index (assets/generated/claim-index.json)
// and, when the sentence model is installed, the claims' sentence vectors (claim-vectors.json).
// `npm run build:index`; every WXT build also runs it (wxt.config.ts), so the extension never
// indexes or embeds claims at run time. `--vectors-only` skips the index (the WXT hook writes it
// in its own process, and the vectors in this one, apart from the bundler).
import { writeClaimIndex } from './claim-index-file';
import { writeClaimVectors } from './claim-vectors-file';

if (!process.argv.includes('--vectors-only')) console.log(writeClaimIndex());
console.log(await writeClaimVectors());
