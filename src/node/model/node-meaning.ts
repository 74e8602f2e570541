// Matching by meaning in Node, for annotate, eval, bench and the tests: the shipped encoder (the
// same tokenizer, ORT WebAssembly runner and pooling as the extension), sentence vectors cached by
// text for the life of the process, and claim vectors built from any database with the same
// serialisation the extension ships (so a held-out database of the eval gets its own).
import { existsSync, readFileSync } from 'node:fs';
import type { Database } from '../../core/database/combine';
import type { MeaningInput } from '../../core/match/by-meaning';
import type { Matcher, PageMatches } from '../../core/match/types';
import { loadClaimVectors, type ClaimVectors, type SerializedClaimVectors } from '../../core/meaning/claim-vectors';
import { ENCODER_MODELS, SHIPPED_MODEL_ID, type EncoderModel } from '../../core/meaning/models';
import type { SentenceEncoder } from '../../core/meaning/sentence-encoder';
import { buildClaimVectors, claimTextsSha256, shippedVectorModel } from './build-claim-vectors';
import { loadEncoder } from './load-encoder';
import { PINNED_ARTIFACTS } from './pinned-artifacts';
import { checkModelDir, modelDir } from './provisioning';
import { CLAIM_VECTORS_PATH } from '../paths';

export interface NodeMeaning {
  model: EncoderModel;
  /** The encoder itself (loaded on first call), for timing without the cache. */
  encoder(): Promise<SentenceEncoder>;
  /** Whether the model has been loaded (only when a text needed embedding: an ordinary page never does). */
  readonly loaded: boolean;
  /** Vectors for the texts; each distinct text goes through the model once per process. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  /** The database's claim vectors, as shipped (int8), built once per distinct set of claim texts. */
  claimVectors(db: Database): Promise<ClaimVectors>;
  /** Texts the model has embedded so far (not cache hits). */
  readonly embedded: number;
}

/** Why meaning is unavailable in Node, or null when the shipped model is installed. */
export function meaningUnavailable(): string | null {
  const state = checkModelDir(modelDir(SHIPPED_MODEL_ID), PINNED_ARTIFACTS[SHIPPED_MODEL_ID]);
  return state.state === 'installed'
    ? null
    : `sentence model ${SHIPPED_MODEL_ID} ${state.state} (npm run model:provision)`;
}

/** The shipped encoder for this process; the model itself loads when a text first needs embedding. */
export function loadNodeMeaning(): NodeMeaning {
  let encoder: Promise<SentenceEncoder> | null = null;
  const cache = new Map<string, Float32Array>();
  const vectorsByTexts = new Map<string, ClaimVectors>();
  const model = shippedVectorModel();
  let embedded = 0;
  const getEncoder = (): Promise<SentenceEncoder> => (encoder ??= loadEncoder(SHIPPED_MODEL_ID).then((e) => e.encoder));
  const embed = async (texts: readonly string[]): Promise<Float32Array[]> => {
    const missing = [...new Set(texts.filter((t) => !cache.has(t)))];
    if (missing.length > 0) {
      const vectors = await (await getEncoder()).embed(missing);
      missing.forEach((t, i) => cache.set(t, vectors[i]!));
      embedded += missing.length;
    }
    return texts.map((t) => cache.get(t)!);
  };
  return {
    model: ENCODER_MODELS[SHIPPED_MODEL_ID],
    encoder: getEncoder,
    get loaded() {
      return encoder !== null;
    },
    embed,
    get embedded() {
      return embedded;
    },
    async claimVectors(db) {
      const key = claimTextsSha256(db);
      let vectors = vectorsByTexts.get(key);
      if (vectors === undefined) {
        // The bundled database's are the ones the extension ships; any other database's are built
        // the same way, through the shipped serialisation (int8).
        const shipped = existsSync(CLAIM_VECTORS_PATH)
          ? (JSON.parse(readFileSync(CLAIM_VECTORS_PATH, 'utf8')) as SerializedClaimVectors)
          : null;
        const serialized =
          shipped?.textsSha256 === key && shipped.modelSha256 === model.sha256
            ? shipped
            : (JSON.parse(JSON.stringify(await buildClaimVectors(db, model, embed))) as SerializedClaimVectors);
        vectors = loadClaimVectors(serialized, model);
        vectorsByTexts.set(key, vectors);
      }
      return vectors;
    },
  };
}

/** The sentences the matcher names for meaning, embedded: what `decide` takes as `meaning`. */
export async function meaningInput<B>(
  matcher: Matcher<B>,
  blocks: readonly B[],
  meaning: NodeMeaning,
  claimVectors: ClaimVectors | (() => Promise<ClaimVectors>),
): Promise<MeaningInput | undefined> {
  const texts = [...new Set(matcher.meaningCandidates(blocks).map((s) => s.text))];
  if (texts.length === 0) return undefined;
  const vectors = await meaning.embed(texts);
  return {
    claimVectors: typeof claimVectors === 'function' ? await claimVectors() : claimVectors,
    sentenceVectors: new Map(texts.map((t, i) => [t, vectors[i]!])),
  };
}

/** A page matched by words and, where the matcher asks for it, by meaning: the extension's two passes in one. */
export async function matchPageWithMeaning<B>(
  matcher: Matcher<B>,
  page: { url: string; blocks: readonly string[]; published?: string | null },
  meaning: NodeMeaning,
  claimVectors: ClaimVectors | (() => Promise<ClaimVectors>),
): Promise<PageMatches> {
  const blocks = page.blocks.map((b) => matcher.scoreBlock(b));
  return matcher.decide({
    url: page.url,
    published: page.published,
    blocks,
    meaning: await meaningInput(matcher, blocks, meaning, claimVectors),
  });
}
