/** How fast a unit drives on a trip: the travel models' speed factors. */

/**
 * How a unit drives: `true` with lights and sirens (to an incident), `false` at normal speed
 * (home, or anywhere not urgent), 'nonEmergency' to an incident of a non-emergency kind.
 */
export type Drive = boolean | 'nonEmergency';

/** The speed multiplier of a drive, from the model's emergency and non-emergency factors. */
export function speedFactor(
  drive: Drive,
  spec: { emergencySpeedFactor: number; nonEmergencySpeedFactor: number },
): number {
  if (drive === true) return spec.emergencySpeedFactor;
  return drive === false ? 1 : spec.nonEmergencySpeedFactor;
}
