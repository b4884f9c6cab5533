import { describe, expect, it } from 'vitest';
import { rgb } from 'd3';
import { CONCERN_SHARE as MAP_CONCERN, shareColour } from '../../src/ui/map/scales.ts';
import { CONCERN_SHARE } from '../../src/ui/results/reportModel.ts';

describe('the share colours of the maps', () => {
  it('split at the 80% the summary flags: 78% is amber, 80–82% green', () => {
    expect(MAP_CONCERN).toBe(CONCERN_SHARE);
    const below = rgb(shareColour(0.781));
    const above = rgb(shareColour(0.81));
    expect(below.r).toBeGreaterThan(below.g);
    expect(above.g).toBeGreaterThan(above.r);
  });
});
