// Protects the model routing rule: pinned pools are honoured, auto prefers a live, unbacklogged
// gpu pool and falls back to edge, and `none` never routes to a model.
import { describe, expect, it } from '@jest/globals';
import { allowedPools, chooseModelPool, type ModelPoolState, modelsUsable } from './model-routing.js';

const state = (overrides: Partial<ModelPoolState>): ModelPoolState => ({
  gpuWorkers: 0,
  edgeWorkers: 0,
  gpuOldestWaitingS: 0,
  gpuBacklogLimitS: 120,
  ...overrides,
});

describe('chooseModelPool', () => {
  it.each([
    ['auto', state({ gpuWorkers: 1, edgeWorkers: 1 }), { pool: 'gpu', live: true }],
    ['auto', state({ gpuWorkers: 0, edgeWorkers: 1 }), { pool: 'edge', live: true }],
    ['auto', state({ gpuWorkers: 2, edgeWorkers: 1, gpuOldestWaitingS: 300 }), { pool: 'edge', live: true }],
    ['auto', state({ gpuWorkers: 2, edgeWorkers: 0, gpuOldestWaitingS: 300 }), { pool: 'gpu', live: true }],
    ['auto', state({}), { pool: 'gpu', live: false }],
    ['gpu', state({ edgeWorkers: 3 }), { pool: 'gpu', live: false }],
    ['edge', state({ gpuWorkers: 3, edgeWorkers: 1 }), { pool: 'edge', live: true }],
  ] as const)('%s with %j goes to %j', (inference, poolState, expected) => {
    expect(chooseModelPool(inference, poolState)).toEqual(expected);
  });

  it('never routes when models are not allowed', () => {
    const choice = chooseModelPool('none', state({ gpuWorkers: 5, edgeWorkers: 5 }));
    expect(choice.pool).toBeNull();
  });

  it('lists the pools each setting allows', () => {
    expect(allowedPools('auto')).toEqual(['gpu', 'edge']);
    expect(allowedPools('gpu')).toEqual(['gpu']);
    expect(allowedPools('none')).toEqual([]);
  });
});

describe('modelsUsable', () => {
  it.each([
    ['auto', state({}), false],
    ['auto', state({ edgeWorkers: 1 }), true],
    ['auto', state({ gpuWorkers: 1 }), true],
    ['gpu', state({}), true],
    ['edge', state({}), true],
    ['none', state({ gpuWorkers: 4 }), false],
  ] as const)('%s with %j: %s', (inference, poolState, expected) => {
    expect(modelsUsable(inference, poolState)).toBe(expected);
  });
});
