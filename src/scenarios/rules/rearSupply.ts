import { z } from 'zod';
import { documented, Distribution, seconds } from '../schemaParts.ts';

export const RearSupplyRule = documented(
  z.strictObject({
    enabled: documented(z.boolean().default(false), 'Switch the rule on.'),
    stocks: documented(
      z.record(z.string(), z.number().finite().min(0)).default({}),
      'What the rear HQ holds at the start, by item (they run out).',
    ),
    fulfilment: Distribution.default({ type: 'lognormalMedianP90', median: 3600, p90: 7200 }).meta({
      description: 'From the forward HQ’s request until the supplies are on scene.',
      unit: 's',
    }),
    stockOutDelay: seconds(
      'When the stock cannot cover a request: the extra time to find supplies elsewhere.',
      4 * 3600,
    ),
  }),
  'Rule 10, forward and rear HQ (002): once units are on scene the forward HQ asks the rear for supplies; work cannot finish before they arrive, later still when the rear’s stocks have run out.',
);
