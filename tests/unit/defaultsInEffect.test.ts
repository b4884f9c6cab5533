import { describe, expect, it } from 'vitest';
import { defaultsInEffect } from '../../src/scenarios/defaultsInEffect.ts';

describe('defaults in effect', () => {
  it('lists what a file leaves out, with counts for units', () => {
    const found = defaultsInEffect({
      units: [{ id: 'a', mobilisation: { type: 'fixed', value: 30 } }, { id: 'b' }, { id: 'c' }],
      travel: { model: 'distance', speedKmh: 40 },
      dispatch: { redispatchReturning: false },
    });
    expect(found.map((entry) => entry.path)).toEqual([
      'dispatch.callHandling',
      'units[*].mobilisation',
      'travel.detourFactor',
      'travel.emergencySpeedFactor',
    ]);
    expect(found[1].count).toEqual([2, 3]);
    expect(found[0].value.zh).toBe('接警研判 固定 60 秒');
  });

  it('lists nothing for a file that writes every setting', () => {
    expect(
      defaultsInEffect({
        units: [{ mobilisation: { type: 'fixed', value: 60 } }],
        travel: { model: 'roadGraph', emergencySpeedFactor: 1.2 },
        dispatch: { callHandling: { type: 'fixed', value: 60 }, redispatchReturning: true },
      }),
    ).toEqual([]);
  });
});
