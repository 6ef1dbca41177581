// The generated GGUF fixture is deterministic and self-describing: same options, same bytes, and
// llama.cpp's own reader sees a qwen2 model with the DeepSeek-R1 tokenizer and chat template.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGgufFileInfo } from 'node-llama-cpp';
import { TINY_SHAPE, writeFixtureModel } from './fixture-model.js';
import { toHalf } from './gguf-writer.js';

describe('fixture model', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'stepgrade-fixture-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('writes identical bytes for identical options and different bytes for another seed', () => {
    const paths = ['a', 'b', 'c'].map((name) => join(directory, `${name}.gguf`));
    writeFixtureModel(paths[0]!);
    writeFixtureModel(paths[1]!);
    writeFixtureModel(paths[2]!, { seed: 7 });
    const [first, second, reseeded] = paths.map((path) => readFileSync(path));
    expect(first!.equals(second!)).toBe(true);
    expect(first!.equals(reseeded!)).toBe(false);
    expect(first!.subarray(0, 4).toString('ascii')).toBe('GGUF');
    expect(first!.readUInt32LE(4)).toBe(3);
  });

  it('declares a qwen2 model with the DeepSeek-R1 tokenizer and template', async () => {
    const path = join(directory, 'info.gguf');
    writeFixtureModel(path);
    const info = await readGgufFileInfo(path);
    const metadata = info.metadata as unknown as Record<string, Record<string, unknown>>;
    expect(metadata.general!.architecture).toBe('qwen2');
    expect((metadata.qwen2 as Record<string, unknown>).embedding_length).toBe(TINY_SHAPE.embedding);
    const tokenizer = metadata.tokenizer as { ggml: { tokens: string[]; pre: string }; chat_template: string };
    expect(tokenizer.ggml.pre).toBe('deepseek-r1-qwen');
    expect(tokenizer.ggml.tokens).toContain('<｜Assistant｜>');
    expect(tokenizer.ggml.tokens).toContain('<think>');
    expect(tokenizer.chat_template).toContain('<｜User｜>');
    expect(info.tensorInfo?.map((tensor) => tensor.name)).toContain(`blk.${TINY_SHAPE.layers - 1}.ffn_down.weight`);
  });

  it('encodes half floats like IEEE 754', () => {
    expect(toHalf(1)).toBe(0x3c00);
    expect(toHalf(-2)).toBe(0xc000);
    expect(toHalf(0.5)).toBe(0x3800);
    expect(toHalf(65504)).toBe(0x7bff);
    expect(toHalf(1e6)).toBe(0x7c00);
    expect(toHalf(0)).toBe(0);
  });
});
