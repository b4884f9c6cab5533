/**
 * What the records of a real call show (imported history, for calibration): in its own file so
 * that both the listed incidents (`schema.ts`) and their columnar form (`incidentTable.ts`) carry it.
 */
import { z } from 'zod';
import { documented } from './schemaParts.ts';

/** At most this many observed units per incident (as `LIMITS.neededUnitsPerIncident`). */
export const OBSERVED_UNITS_MAX = 2_000;

const afterCall = (what: string) =>
  documented(z.number().finite().min(0, 'must be ≥ 0').optional(), `${what}, after the call.`, 's');

/** One unit's times as the dispatch system recorded them (imported history, for calibration). */
export const ObservedUnit = z.strictObject({
  unit: documented(
    z.string().max(200).optional(),
    'The unit as the records name it: matched to a unit of the scenario by id or name.',
  ),
  agency: documented(
    z.string().max(200).optional(),
    'Agency id of the unit, when the unit itself is not one of the scenario (its nearest base of that agency is taken).',
  ),
  capability: documented(
    z.string().max(200).optional(),
    'What the unit was sent for (a capability): for the on-scene time per kind and capability.',
  ),
  dispatched: afterCall('When the unit was ordered (派车)'),
  enRoute: afterCall('When it left (出动)'),
  onScene: afterCall('When it arrived (到场)'),
  cleared: afterCall('When it finished on scene (处置完毕 / 返队)'),
});
export type ObservedUnit = z.infer<typeof ObservedUnit>;

export const ObservedTimes = z.strictObject({
  handledAfter: afterCall('When the first unit was ordered: call taking and assessment'),
  units: documented(
    z.array(ObservedUnit).max(OBSERVED_UNITS_MAX).optional(),
    'The units that went, each with its times.',
  ),
});
export type ObservedTimes = z.infer<typeof ObservedTimes>;
