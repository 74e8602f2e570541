// Builds the claim index shipped with the extension: assets/generated/claim-index.json.
// `npm run build:index`; every WXT build also runs it (wxt.config.ts), so the extension never
// indexes at run time.
import { writeClaimIndex } from './lib/claim-index-file';

console.log(writeClaimIndex());
