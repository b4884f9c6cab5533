/**
 * The travel model's settings that a planner fits to the city's records (speed factors, the
 * trip overhead, the square-root law of short trips, noise), drawn from the JSON Schema of the
 * model in use. The bulk data (road nodes and edges, the matrix) stays in the map and the raw
 * JSON editor.
 */
import { useStrings } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { getIn, setIn } from './model.ts';
import { ObjectFields, schemaAt, useScenarioSchema } from './SchemaForm.tsx';
import type { JsonSchema } from './schemaForm.types.ts';
import { editorStrings } from './strings.ts';

/** Fields too big or too structural for a form. */
const BULK = ['model', 'nodes', 'edges', 'roadClasses', 'zones', 'seconds'];

/** The schema of the travel model named `model` (one variant of `travel`). */
function travelVariant(schema: JsonSchema, model: unknown): JsonSchema | null {
  const travel = schemaAt(schema, ['travel']);
  const variants = travel?.oneOf ?? travel?.anyOf ?? [];
  return variants.find((variant) => variant.properties?.model?.const === model) ?? null;
}

export function TravelFields({ doc }: { doc: Record<string, unknown> }) {
  const t = useStrings(editorStrings);
  const { edit } = useWorkspace();
  const schema = useScenarioSchema();
  const travel = getIn(doc, ['travel']);
  const model = getIn(doc, ['travel', 'model']);
  const variant = schema && travelVariant(schema, model);
  if (schema && !variant) return null;
  return (
    <section data-testid="travel-fields">
      <h3 className="editors-subtitle">{t.travelSettings}</h3>
      <ObjectFields
        schema={variant}
        value={travel}
        segments={['travel']}
        skip={BULK}
        onChange={(next, what) =>
          edit(t.editTravelField(what), (draft) => setIn(draft, ['travel'], next))
        }
      />
    </section>
  );
}
