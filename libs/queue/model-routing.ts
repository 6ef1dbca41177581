// Where a model job goes (API.md grading.inference): a pinned pool is honoured; `auto` prefers
// gpu while gpu workers are alive and their backlog is short, and falls back to edge. Pure, so the
// rule is tested as a table.

export type InferenceSetting = 'none' | 'auto' | 'gpu' | 'edge';

export interface ModelPoolState {
  gpuWorkers: number;
  edgeWorkers: number;
  /** Age in seconds of the oldest job still waiting on the gpu queue (0 when empty). */
  gpuOldestWaitingS: number;
  gpuBacklogLimitS: number;
}

export type ModelPoolChoice = { pool: 'gpu' | 'edge'; live: boolean } | { pool: null; reason: string };

export function chooseModelPool(inference: InferenceSetting, state: ModelPoolState): ModelPoolChoice {
  if (inference === 'none')
    return { pool: null, reason: 'the assignment does not allow models (grading.inference = none)' };
  if (inference === 'gpu') return { pool: 'gpu', live: state.gpuWorkers > 0 };
  if (inference === 'edge') return { pool: 'edge', live: state.edgeWorkers > 0 };
  const gpuUsable = state.gpuWorkers > 0 && state.gpuOldestWaitingS <= state.gpuBacklogLimitS;
  if (gpuUsable) return { pool: 'gpu', live: true };
  if (state.edgeWorkers > 0) return { pool: 'edge', live: true };
  if (state.gpuWorkers > 0) return { pool: 'gpu', live: true };
  // Nobody is alive: queue on gpu; the reconciler moves or settles it after the model wait.
  return { pool: 'gpu', live: false };
}

/** The pools an assignment's setting allows (for re-routing and the "no worker" verdict). */
export function allowedPools(inference: InferenceSetting): ('gpu' | 'edge')[] {
  if (inference === 'gpu') return ['gpu'];
  if (inference === 'edge') return ['edge'];
  if (inference === 'auto') return ['gpu', 'edge'];
  return [];
}

/**
 * Whether grading should ask a model now (and wait for its answer). `auto` asks only while some
 * model pool has a live worker, so a CPU-only install grades with the CAS at once; a pinned pool
 * (`gpu`/`edge`) is waited for (up to STEPGRADE_MODEL_WAIT_S) because the teacher chose it.
 */
export function modelsUsable(inference: InferenceSetting, state: Pick<ModelPoolState, 'gpuWorkers' | 'edgeWorkers'>) {
  if (inference === 'none') return false;
  if (inference === 'auto') return state.gpuWorkers + state.edgeWorkers > 0;
  return true;
}
