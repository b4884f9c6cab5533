/**
 * The scenario format as JSON Schema (the same that `sim schema` prints), for the forms that
 * are drawn from it. Loaded on demand (see useScenarioSchema): it brings zod and the schema
 * into the page only when a form needs them.
 */
import { z } from 'zod';
import { Scenario } from '../../scenarios/schema.ts';
import type { JsonSchema } from './schemaForm.types.ts';

export const scenarioJsonSchema = z.toJSONSchema(Scenario, { io: 'input' }) as JsonSchema;
