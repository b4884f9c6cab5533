/** Defaults the page needs without loading the schema (and zod) for them. */

/** Where simulated time starts when a scenario does not say (a Monday, midnight). */
export const DEFAULT_START = '2026-01-05T00:00';

/** How long a run is when a scenario does not say (a week). */
export const DEFAULT_DURATION = 7 * 86_400;
