// A tiny, deterministic qwen2 model for tests and benchmarks. The transformer weights are small
// seeded noise (every layer still runs for real), while the embeddings and the output projection
// form a next-token table: after the Assistant token the model writes `<think>Solving</think>1+3=4`
// and stops. One constant embedding dimension carries a global preference for `"`, then `]`/`}`,
// then `{`/`[`, with whitespace, non-ASCII bytes and special tokens far below, so that under a
// JSON-schema grammar the model closes strings and containers at once and yields short valid JSON:
// `{"steps":["1+3=4"],"final_answer":"4"}` for a reference, `{"verdict":"unverified","reason":"4"}`
// for a judgement. The table is keyed by the previous token only, so no byte may be followed by two
// different bytes; the `:"` token (see fixture-vocab.ts) is what lets an object's string value start
// differently from an array's.
import { TensorType, writeGguf, type MetadataValue, type TensorSpec } from './gguf-writer.js';
import { buildVocab, byteToken, DEEPSEEK_R1_CHAT_TEMPLATE, type FixtureVocab } from './fixture-vocab.js';

export interface FixtureShape {
  embedding: number;
  layers: number;
  heads: number;
  kvHeads: number;
  feedForward: number;
  contextLength: number;
}

export const TINY_SHAPE: FixtureShape = {
  embedding: 64,
  layers: 2,
  heads: 4,
  kvHeads: 2,
  feedForward: 128,
  contextLength: 4096,
};
/** Wide enough for the matrix work to dominate, like a (much shallower) 1.5B Qwen2. */
export const WIDE_SHAPE: FixtureShape = {
  embedding: 1536,
  layers: 4,
  heads: 12,
  kvHeads: 2,
  feedForward: 2048,
  contextLength: 4096,
};

/** What the fixture thinks before answering (its reasoning trace). */
export const FIXTURE_THOUGHT = 'Solving';
/** Its free-text answer, and the only step of a reference it writes under the JSON grammar. */
export const FIXTURE_STEP = '1+3=4';
export const FIXTURE_STEPS = [FIXTURE_STEP];
/** The final answer (and a judgement's reason) it writes under the JSON grammar. */
export const FIXTURE_ANSWER = '4';
/** The verdict it gives under the judge schema: the enum value its table prefers. */
export const FIXTURE_VERDICT = 'unverified';

const BIAS_SCALE = 16;
// Large enough that a table entry beats the global preferences even for a penalised special token
// (at 20, `<think>` and `</think>` tied with `"` and came out only for lucky weight seeds).
const TRANSITION_WEIGHT = 40;
/** A fallback next token, chosen only where the grammar forbids the main one. */
const FALLBACK_WEIGHT = 20;
const SOURCE_EMBEDDING = 2;

/** mulberry32: a small seeded PRNG so the same shape always gives the same bytes. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** The next-token table as [from, to, weight] token ids. */
function transitions(vocab: FixtureVocab): Array<[number, number, number]> {
  const { special } = vocab;
  const chain = (ids: number[]): Array<[number, number, number]> =>
    ids.slice(1).map((to, index) => [ids[index]!, to, TRANSITION_WEIGHT]);
  const thought = [...FIXTURE_THOUGHT].map(byteToken);
  const step = [...FIXTURE_STEP].map(byteToken);
  const answer = [...FIXTURE_ANSWER].map(byteToken);
  const table: Array<[number, number, number]> = [
    ...chain([special.assistant, special.thinkOpen, ...thought, special.thinkClose, ...step, special.endOfSentence]),
    // Under the JSON grammar: a string in an array (`["`) holds the step; an object's string value
    // (`:"`) holds the answer, or the verdict enum's `unverified` where the answer is not allowed.
    // End-of-sentence is never allowed inside a string, so the global `"` preference closes it.
    [byteToken('"'), step[0]!, TRANSITION_WEIGHT],
    ...chain([vocab.valueQuote, ...answer, special.endOfSentence]),
    [vocab.valueQuote, byteToken(FIXTURE_VERDICT[0]!), FALLBACK_WEIGHT],
    [byteToken('}'), special.endOfSentence, TRANSITION_WEIGHT],
  ];
  checkNoConflicts(table);
  return table;
}

/** A token with two different main successors would make the output depend on noise. */
function checkNoConflicts(table: ReadonlyArray<[number, number, number]>): void {
  const successor = new Map<string, number>();
  for (const [from, to, weight] of table) {
    const key = `${from}@${weight}`;
    const seen = successor.get(key);
    if (seen !== undefined && seen !== to)
      throw new Error(`next-token table conflict: token ${from} is followed by both ${seen} and ${to}`);
    successor.set(key, to);
  }
}

/** Global preference per token, carried by embedding dimension 0. */
function tokenBias(vocab: FixtureVocab, tokenId: number): number {
  // Above a bare `:` so an object's string value opens with it, below `"`, `]`, `}`, `{` and `[`
  // so it never displaces a closing quote or bracket.
  if (tokenId === vocab.valueQuote) return 0.5;
  if (tokenId >= 256) return -1.5;
  const character = String.fromCharCode(tokenId);
  if (character === '"') return 1;
  if (character === ']' || character === '}') return 0.8;
  if (character === '{' || character === '[') return 0.6;
  if (character === ' ' || character === '\n' || character === '\t') return -0.3;
  if (tokenId < 0x20 || tokenId >= 0x7f) return -1.5;
  return 0;
}

function buildTensors(shape: FixtureShape, vocab: FixtureVocab, seed: number): TensorSpec[] {
  const random = seededRandom(seed);
  const vocabSize = vocab.tokens.length;
  const headDim = shape.embedding / shape.heads;
  const kvWidth = headDim * shape.kvHeads;
  const table = transitions(vocab);
  const sourceDim = new Map<number, number>();
  for (const [from] of table) if (!sourceDim.has(from)) sourceDim.set(from, sourceDim.size + 1);
  if (sourceDim.size >= shape.embedding) throw new Error('embedding too narrow for the next-token table');

  const noise = (fanIn: number) => (values: Float32Array) => {
    // std ≈ 0.1/sqrt(fan_in): each layer nudges the residual stream without drowning the table.
    const amplitude = 0.173 / Math.sqrt(fanIn);
    for (let index = 0; index < values.length; index++) values[index] = (random() * 2 - 1) * amplitude;
  };
  const ones = (values: Float32Array) => values.fill(1);
  const matrix = (name: string, cols: number, rows: number): TensorSpec => ({
    name,
    dims: [cols, rows],
    type: TensorType.F16,
    fill: noise(cols),
  });
  const vector = (name: string, length: number, fill: (values: Float32Array) => void): TensorSpec => ({
    name,
    dims: [length],
    type: TensorType.F32,
    fill,
  });

  const tensors: TensorSpec[] = [
    {
      name: 'token_embd.weight',
      dims: [shape.embedding, vocabSize],
      type: TensorType.F16,
      fill: (values) => {
        for (let tokenId = 0; tokenId < vocabSize; tokenId++) {
          const row = tokenId * shape.embedding;
          for (let dim = 1; dim < shape.embedding; dim++) values[row + dim] = (random() * 2 - 1) * 0.01;
          values[row] = 1;
          const dim = sourceDim.get(tokenId);
          if (dim !== undefined) values[row + dim] = SOURCE_EMBEDDING;
        }
      },
    },
    vector('output_norm.weight', shape.embedding, ones),
    {
      name: 'output.weight',
      dims: [shape.embedding, vocabSize],
      type: TensorType.F16,
      fill: (values) => {
        for (let tokenId = 0; tokenId < vocabSize; tokenId++)
          values[tokenId * shape.embedding] = BIAS_SCALE * tokenBias(vocab, tokenId);
        for (const [from, to, weight] of table) values[to * shape.embedding + sourceDim.get(from)!] = weight;
      },
    },
  ];
  for (let layer = 0; layer < shape.layers; layer++) {
    const prefix = `blk.${layer}`;
    tensors.push(
      vector(`${prefix}.attn_norm.weight`, shape.embedding, ones),
      matrix(`${prefix}.attn_q.weight`, shape.embedding, shape.embedding),
      vector(`${prefix}.attn_q.bias`, shape.embedding, noise(shape.embedding)),
      matrix(`${prefix}.attn_k.weight`, shape.embedding, kvWidth),
      vector(`${prefix}.attn_k.bias`, kvWidth, noise(shape.embedding)),
      matrix(`${prefix}.attn_v.weight`, shape.embedding, kvWidth),
      vector(`${prefix}.attn_v.bias`, kvWidth, noise(shape.embedding)),
      matrix(`${prefix}.attn_output.weight`, shape.embedding, shape.embedding),
      vector(`${prefix}.ffn_norm.weight`, shape.embedding, ones),
      matrix(`${prefix}.ffn_gate.weight`, shape.embedding, shape.feedForward),
      matrix(`${prefix}.ffn_up.weight`, shape.embedding, shape.feedForward),
      matrix(`${prefix}.ffn_down.weight`, shape.feedForward, shape.embedding),
    );
  }
  return tensors;
}

function buildMetadata(shape: FixtureShape, vocab: FixtureVocab, name: string): Record<string, MetadataValue> {
  const u32 = (value: number): MetadataValue => ({ type: 'u32', value });
  return {
    'general.architecture': { type: 'string', value: 'qwen2' },
    'general.name': { type: 'string', value: name },
    'general.file_type': u32(1),
    'qwen2.context_length': u32(shape.contextLength),
    'qwen2.embedding_length': u32(shape.embedding),
    'qwen2.block_count': u32(shape.layers),
    'qwen2.feed_forward_length': u32(shape.feedForward),
    'qwen2.attention.head_count': u32(shape.heads),
    'qwen2.attention.head_count_kv': u32(shape.kvHeads),
    'qwen2.attention.layer_norm_rms_epsilon': { type: 'f32', value: 1e-6 },
    'qwen2.rope.freq_base': { type: 'f32', value: 10000 },
    'tokenizer.ggml.model': { type: 'string', value: 'gpt2' },
    'tokenizer.ggml.pre': { type: 'string', value: 'deepseek-r1-qwen' },
    'tokenizer.ggml.tokens': { type: 'string[]', value: vocab.tokens },
    'tokenizer.ggml.token_type': { type: 'i32[]', value: vocab.tokenTypes },
    'tokenizer.ggml.merges': { type: 'string[]', value: [] },
    'tokenizer.ggml.bos_token_id': u32(vocab.special.beginOfSentence),
    'tokenizer.ggml.eos_token_id': u32(vocab.special.endOfSentence),
    'tokenizer.ggml.padding_token_id': u32(vocab.special.padding),
    'tokenizer.ggml.add_bos_token': { type: 'bool', value: true },
    'tokenizer.ggml.add_eos_token': { type: 'bool', value: false },
    'tokenizer.chat_template': { type: 'string', value: DEEPSEEK_R1_CHAT_TEMPLATE },
  };
}

export interface FixtureOptions {
  /** Write the wide variant (for throughput benchmarks) instead of the tiny one. */
  wide?: boolean;
  seed?: number;
}

/** Writes the fixture GGUF to `path`; the same options always produce the same bytes. */
export function writeFixtureModel(path: string, options: FixtureOptions = {}): void {
  const shape = options.wide ? WIDE_SHAPE : TINY_SHAPE;
  const vocab = buildVocab();
  const name = options.wide ? 'stepgrade-fixture-wide' : 'stepgrade-fixture-tiny';
  writeGguf(path, buildMetadata(shape, vocab, name), buildTensors(shape, vocab, options.seed ?? 20251129));
}
