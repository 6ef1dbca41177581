// `npm run model:pull [-- --out PATH] [--url URL]`: downloads the edge pool's real model
// (DeepSeek-R1-Distill-Qwen-1.5B, Q4_K_M GGUF, ~1.1 GB) from Hugging Face. Resumable: bytes land
// in `<out>.part` and an interrupted run continues with an HTTP Range request. The file is only
// moved into place once its size matches what the server announced and it starts with "GGUF".
// Needs internet; never run by tests (they generate their own model with `model:fixture`).
// node-llama-cpp's createModelDownloader could fetch it too; a plain fetch loop keeps the resume,
// size and magic checks explicit and the worker image free of its downloader's dependencies.
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  closeSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';

export const DEFAULT_MODEL_URL =
  'https://huggingface.co/bartowski/DeepSeek-R1-Distill-Qwen-1.5B-GGUF/resolve/main/DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf';
export const DEFAULT_MODEL_PATH = 'models/DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf';
/** Sanity bounds for the default file (about 1.1 GB); a custom --url skips them. */
const DEFAULT_SIZE_BOUNDS = { min: 0.9e9, max: 1.4e9 };
const MAX_ATTEMPTS = 5;

interface PullOptions {
  url: string;
  outputPath: string;
  token: string | undefined;
}

const sizeOf = (path: string): number => (existsSync(path) ? statSync(path).size : 0);

/** Total size from `Content-Range: bytes a-b/total` (206) or Content-Length (200). */
function announcedTotal(response: Response, resumedFrom: number): number | undefined {
  const range = response.headers.get('content-range');
  const match = range?.match(/\/(\d+)$/);
  if (match) return Number(match[1]);
  const length = response.headers.get('content-length');
  if (length === null) return undefined;
  return Number(length) + (response.status === 206 ? resumedFrom : 0);
}

function startsWithGgufMagic(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const magic = Buffer.alloc(4);
    readSync(fd, magic, 0, 4, 0);
    return magic.toString('ascii') === 'GGUF';
  } finally {
    closeSync(fd);
  }
}

/** One download attempt; returns the total size the server announced. */
async function downloadOnce(options: PullOptions, partPath: string): Promise<number> {
  const resumedFrom = sizeOf(partPath);
  const headers: Record<string, string> = {};
  if (resumedFrom > 0) headers.range = `bytes=${resumedFrom}-`;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(options.url, { headers, redirect: 'follow' });
  if (response.status === 416 && resumedFrom > 0) {
    // Range starts at or past the end: the part file is already complete (checked by the caller).
    await response.body?.cancel();
    return resumedFrom;
  }
  if (response.status !== 200 && response.status !== 206) {
    await response.body?.cancel();
    throw new Error(`GET ${options.url} answered ${response.status} ${response.statusText}`);
  }
  const total = announcedTotal(response, resumedFrom);
  if (total === undefined) throw new Error('server announced no size; refusing a download that cannot be checked');
  // A 200 to a ranged request means the server ignored the range: start over.
  const flags = response.status === 206 ? 'a' : 'w';
  if (!response.body) throw new Error('empty response body');
  process.stdout.write(`${flags === 'a' ? `resuming at ${resumedFrom}` : 'starting'} of ${total} bytes\n`);
  await pipeline(
    Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
    createWriteStream(partPath, { flags }),
  );
  return total;
}

export async function pullModel(options: PullOptions): Promise<void> {
  const partPath = `${options.outputPath}.part`;
  mkdirSync(dirname(options.outputPath), { recursive: true });
  if (existsSync(options.outputPath)) {
    process.stdout.write(
      `${options.outputPath} already exists (${sizeOf(options.outputPath)} bytes); delete it to download again\n`,
    );
    return;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const total = await downloadOnce(options, partPath);
      const received = sizeOf(partPath);
      if (received > total) {
        unlinkSync(partPath);
        throw new Error(`received ${received} bytes, more than the announced ${total}; removed the partial file`);
      }
      if (received < total) throw new Error(`connection ended at ${received} of ${total} bytes`);
      if (options.url === DEFAULT_MODEL_URL && (total < DEFAULT_SIZE_BOUNDS.min || total > DEFAULT_SIZE_BOUNDS.max)) {
        throw new Error(`unexpected size ${total} for the default model; refusing to install it`);
      }
      if (!startsWithGgufMagic(partPath)) throw new Error('downloaded file is not GGUF (bad magic); removing it');
      renameSync(partPath, options.outputPath);
      process.stdout.write(`saved ${options.outputPath} (${total} bytes)\n`);
      return;
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS) throw error;
      const waitMs = 2000 * 2 ** (attempt - 1);
      process.stderr.write(`attempt ${attempt} failed: ${(error as Error).message}; retrying in ${waitMs} ms\n`);
      await sleep(waitMs);
    }
  }
}

function flagValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const outputPath = resolve(flagValue(args, '--out') ?? process.env.GGUF_MODEL_PATH ?? DEFAULT_MODEL_PATH);
  const url = flagValue(args, '--url') ?? process.env.GGUF_MODEL_URL ?? DEFAULT_MODEL_URL;
  await pullModel({ url, outputPath, token: process.env.HF_TOKEN });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: Error) => {
    process.stderr.write(`model:pull failed: ${error.message}\n`);
    process.exitCode = 1;
  });
}
