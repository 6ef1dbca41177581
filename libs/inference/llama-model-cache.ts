// One loaded GGUF per process and path: a 1.1 GB model must not be loaded once per provider or
// per job. Providers acquire and release; the last release disposes the model. The llama.cpp
// binding itself is loaded once per GPU setting and kept for the life of the process.
import { constants, accessSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { getLlama, LlamaLogLevel, type Llama, type LlamaModel } from 'node-llama-cpp';
import { ModelLoadError } from './errors.js';

export type LlamaGpuSetting = false | 'auto';

export interface LoadedModel {
  llama: Llama;
  model: LlamaModel;
  modelPath: string;
}

interface CacheEntry {
  loading: Promise<LoadedModel>;
  users: number;
}

const bindings = new Map<string, Promise<Llama>>();
const models = new Map<string, CacheEntry>();

function loadBinding(gpu: LlamaGpuSetting): Promise<Llama> {
  const key = String(gpu);
  let binding = bindings.get(key);
  if (!binding) {
    // build: 'never' makes a missing prebuilt binary fail fast instead of compiling or downloading;
    // maxThreads: 0 lets each context's `threads` be exactly what the worker configured.
    binding = getLlama({ gpu, build: 'never', maxThreads: 0, logLevel: LlamaLogLevel.error });
    binding.catch(() => bindings.delete(key));
    bindings.set(key, binding);
  }
  return binding;
}

function checkReadableFile(modelPath: string): void {
  try {
    accessSync(modelPath, constants.R_OK);
  } catch (error) {
    throw new ModelLoadError(`model file not found or unreadable: ${modelPath}`, modelPath, { cause: error });
  }
  if (!statSync(modelPath).isFile()) throw new ModelLoadError(`model path is not a file: ${modelPath}`, modelPath);
}

async function load(modelPath: string, gpu: LlamaGpuSetting): Promise<LoadedModel> {
  checkReadableFile(modelPath);
  const llama = await loadBinding(gpu);
  try {
    const model = await llama.loadModel({ modelPath });
    return { llama, model, modelPath };
  } catch (error) {
    throw new ModelLoadError(`cannot load GGUF model ${modelPath}: ${(error as Error).message}`, modelPath, {
      cause: error,
    });
  }
}

export async function acquireModel(modelPath: string, gpu: LlamaGpuSetting): Promise<LoadedModel> {
  const key = resolve(modelPath);
  let entry = models.get(key);
  if (!entry) {
    entry = { loading: load(key, gpu), users: 0 };
    models.set(key, entry);
    // A failed load is not cached: the file may be fixed (e.g. by model:pull) before the next job.
    entry.loading.catch(() => {
      if (models.get(key) === entry) models.delete(key);
    });
  }
  entry.users++;
  try {
    return await entry.loading;
  } catch (error) {
    entry.users--;
    throw error;
  }
}

export async function releaseModel(modelPath: string): Promise<void> {
  const key = resolve(modelPath);
  const entry = models.get(key);
  if (!entry) return;
  entry.users--;
  if (entry.users > 0) return;
  models.delete(key);
  const { model } = await entry.loading;
  await model.dispose();
}
