/**
 * A form drawn from the scenario's JSON Schema, so that every parameter of every rule (and
 * every distribution) has an editor without a hand-written form for each: booleans, numbers,
 * enums, strings, nested objects, lists of plain values, and distributions or duty schedules
 * (a choice of variant and its fields). Anything else (lists of objects, records) is edited as
 * a small piece of JSON. Help text and units come from the schema; labels from the strings
 * table where it has one.
 *
 * A node gets the value in the document (undefined when the file leaves it to its default)
 * and reports a change of itself as a whole, so a parent absent from the file is written out
 * with its defaults around the one changed field.
 */
import { useEffect, useState } from 'react';
import {
  capabilityWords,
  eventKindWords,
  seasonWords,
  SEASON_WORDS,
} from '../../sim/analysis/terms.ts';
import { displayName, useLanguage, useStrings, type Language } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { ChoiceListField } from './ChoiceList.tsx';
import {
  CheckboxField,
  JsonField,
  NumberField,
  SelectField,
  TextField,
  useProblemsAt,
  type Choice,
  type FieldFrame,
} from './fields.tsx';
import { asArray, formatPath, parseList, textOf, type PathSegment } from './model.ts';
import type { JsonSchema } from './schemaForm.types.ts';
import { helpText } from './schemaHelpZh.ts';
import { editorStrings, type EditorStrings } from './strings.ts';

let schemaPromise: Promise<JsonSchema> | null = null;

/** The scenario's JSON Schema, loaded once on first use (null until it is there). */
export function useScenarioSchema(): JsonSchema | null {
  const [schema, setSchema] = useState<JsonSchema | null>(null);
  useEffect(() => {
    let wanted = true;
    schemaPromise ??= import('./scenarioSchema.ts').then((module) => module.scenarioJsonSchema);
    void schemaPromise.then((loaded) => wanted && setSchema(loaded));
    return () => {
      wanted = false;
    };
  }, []);
  return schema;
}

/** The schema of the field at `segments` (array indices step into `items`). */
export function schemaAt(root: JsonSchema, segments: readonly PathSegment[]): JsonSchema | null {
  let node: JsonSchema | undefined = root;
  for (const segment of segments) {
    if (!node) return null;
    node = typeof segment === 'number' ? node.items : node.properties?.[segment];
  }
  return node ?? null;
}

/** A field's change, with what changed in words for the undo button. */
export type NodeChange = (value: unknown, what: string) => void;

export interface SchemaNodeProps {
  schema: JsonSchema;
  value: unknown;
  segments: readonly PathSegment[];
  /** The property's name in its object (the last segment), for its label. */
  name: string;
  onChange: NodeChange;
  hideLabel?: boolean;
}

type NodeKind = 'boolean' | 'number' | 'enum' | 'string' | 'list' | 'object' | 'variants' | 'json';

function kindOf(schema: JsonSchema): NodeKind {
  if (schema.oneOf && variantsOf(schema)) return 'variants';
  if (schema.enum) return 'enum';
  switch (schema.type) {
    case 'boolean':
      return 'boolean';
    case 'number':
    case 'integer':
      return 'number';
    case 'string':
      return 'string';
    case 'array':
      return schema.items && isPlain(schema.items) ? 'list' : 'json';
    case 'object':
      return schema.properties && schema.additionalProperties !== true ? 'object' : 'json';
    default:
      return 'json';
  }
}

function isPlain(schema: JsonSchema): boolean {
  return (
    schema.enum !== undefined ||
    schema.type === 'number' ||
    schema.type === 'integer' ||
    schema.type === 'string'
  );
}

/** Variants of a union told apart by a `type` constant (distributions, duty schedules). */
function variantsOf(schema: JsonSchema): Map<string, JsonSchema> | null {
  const variants = new Map<string, JsonSchema>();
  for (const option of schema.oneOf ?? []) {
    const tag = option.properties?.type?.const;
    if (typeof tag !== 'string') return null;
    variants.set(tag, option);
  }
  return variants;
}

export function fieldLabel(t: EditorStrings, name: string): string {
  const known = t.fieldName[name];
  if (known) return known;
  // camelCase → "Camel case", for English labels of fields without an entry.
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function SchemaNode({
  schema,
  value,
  segments,
  name,
  onChange,
  hideLabel,
}: SchemaNodeProps) {
  const t = useStrings(editorStrings);
  const language = useLanguage();
  const doc = useWorkspace().workspace?.doc;
  const path = formatPath(segments);
  const label = fieldLabel(t, name);
  const shown = value !== undefined ? value : schema.default;
  const defaulted = value === undefined && schema.default !== undefined;
  const frame = {
    path,
    label,
    hideLabel,
    help: helpText(schema.description, language),
    unit: schema.unit ? (t.unit[schema.unit] ?? schema.unit) : undefined,
    hint: defaulted ? t.defaultValue : undefined,
  };
  const change = (next: unknown) => onChange(next, label);

  switch (kindOf(schema)) {
    case 'boolean':
      return <CheckboxField {...frame} value={shown === true} onCommit={change} />;
    case 'number':
      return (
        <NumberField
          {...frame}
          value={typeof shown === 'number' ? shown : undefined}
          optional={schema.default !== undefined}
          onCommit={change}
        />
      );
    case 'enum':
      return (
        <SelectField
          {...frame}
          value={String(shown ?? '')}
          choices={(schema.enum ?? []).map((option) => ({
            value: String(option),
            label: t.variantName[String(option)] ?? String(option),
          }))}
          onCommit={(text) => {
            const option = schema.enum?.find((candidate) => String(candidate) === text);
            change(option ?? text);
          }}
        />
      );
    case 'string': {
      const capabilities = name === 'capability' ? capabilityChoices(doc, shown, language) : null;
      if (capabilities)
        return (
          <SelectField
            {...frame}
            value={typeof shown === 'string' ? shown : ''}
            choices={capabilities}
            onCommit={change}
          />
        );
      return (
        <TextField {...frame} value={typeof shown === 'string' ? shown : ''} onCommit={change} />
      );
    }
    case 'list': {
      const choices = listChoices(schema, name, doc, language);
      if (choices) {
        return (
          <ChoiceListField
            frame={frame}
            value={Array.isArray(shown) ? shown : []}
            choices={choices}
            emptyNote={
              name === 'kinds'
                ? t.emptyKinds
                : /agencies$/i.test(name)
                  ? t.emptyAgencies
                  : name === 'seasons'
                    ? t.emptySeasons
                    : t.emptyList
            }
            onCommit={change}
          />
        );
      }
      return (
        <ListField
          frame={frame}
          numeric={schema.items?.type === 'number' || schema.items?.type === 'integer'}
          value={Array.isArray(shown) ? shown : []}
          onCommit={change}
        />
      );
    }
    case 'object':
      return (
        <ObjectNode
          schema={schema}
          value={shown}
          segments={segments}
          label={label}
          defaulted={defaulted}
          onChange={onChange}
        />
      );
    case 'variants':
      return (
        <VariantsNode
          schema={schema}
          value={shown}
          segments={segments}
          label={label}
          hideLabel={hideLabel}
          onChange={onChange}
        />
      );
    case 'json':
      return <JsonField {...frame} value={shown} onCommit={change} />;
  }
}

/**
 * The known items of a list field, by name: a schema's enum (seasons, event kinds), or the
 * scenario's incident kinds, agencies or districts; null for a free list.
 */
function listChoices(
  schema: JsonSchema,
  name: string,
  doc: Record<string, unknown> | undefined,
  language: Language,
): Choice[] | null {
  const options = schema.items?.enum;
  if (options) {
    return options.map((option) => {
      const value = String(option);
      const words = Object.hasOwn(SEASON_WORDS, value)
        ? seasonWords(value, language)
        : eventKindWords(value, language);
      return { value, label: words };
    });
  }
  const from = (key: string) =>
    asArray(doc?.[key]).map((item) => {
      const id = textOf(item, 'id');
      const label = displayName(id, textOf(item, 'name'), language, textOf(item, 'nameEn'));
      return { value: id, label };
    });
  if (name === 'kinds') return from('incidentKinds');
  if (/agencies$/i.test(name)) return from('agencies');
  if (name === 'districts') return from('districts');
  return null;
}

/**
 * The capabilities the scenario's units have (and the value as it is, if none has it), in the
 * page's words: a capability field is chosen, not typed.
 */
function capabilityChoices(
  doc: Record<string, unknown> | undefined,
  current: unknown,
  language: Language,
): Choice[] | null {
  const tokens = new Set<string>();
  for (const unit of asArray(doc?.units)) {
    const list = (unit as { capabilities?: unknown }).capabilities;
    if (Array.isArray(list))
      for (const token of list) if (typeof token === 'string') tokens.add(token);
  }
  if (typeof current === 'string' && current !== '') tokens.add(current);
  if (tokens.size === 0) return null;
  return [...tokens]
    .sort()
    .map((token) => ({ value: token, label: capabilityWords(token, language) }));
}

/** A list of plain values typed as "a, b, c"; numbers are kept as numbers. */
function ListField({
  frame,
  numeric,
  value,
  onCommit,
}: {
  frame: FieldFrame;
  numeric: boolean;
  value: readonly unknown[];
  onCommit(value: unknown[]): void;
}) {
  return (
    <TextField
      {...frame}
      value={value.map(String).join(', ')}
      onCommit={(text) => {
        const items = parseList(text);
        // A list of numbers keeps a word that is not a number as text: the loader names it.
        onCommit(
          numeric
            ? items.map((item) => (Number.isFinite(Number(item)) ? Number(item) : item))
            : items,
        );
      }}
    />
  );
}

/** The fields of an object; `skip` leaves out fields a caller draws itself (a rule's switch). */
export function ObjectFields({
  schema,
  value,
  segments,
  onChange,
  skip = [],
}: {
  /** Null (or undefined) while the schema is still loading: it is fetched on first use. */
  schema: JsonSchema | null | undefined;
  value: unknown;
  segments: readonly PathSegment[];
  onChange: NodeChange;
  skip?: readonly string[];
}) {
  const t = useStrings(editorStrings);
  if (!schema) return <p className="placeholder">{t.schemaLoading}</p>;
  const current = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return (
    <div className="editors-object-fields">
      {Object.entries(schema.properties ?? {})
        .filter(([key]) => !skip.includes(key))
        .map(([key, child]) => (
          <SchemaNode
            key={key}
            schema={child}
            value={current[key]}
            segments={[...segments, key]}
            name={key}
            onChange={(next, what) => onChange(withField(current, key, next), what)}
          />
        ))}
    </div>
  );
}

function withField(object: Record<string, unknown>, key: string, value: unknown) {
  const next = { ...object };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

function ObjectNode({
  schema,
  value,
  segments,
  label,
  defaulted,
  onChange,
}: {
  schema: JsonSchema;
  value: unknown;
  segments: readonly PathSegment[];
  label: string;
  defaulted: boolean;
  onChange: NodeChange;
}) {
  const t = useStrings(editorStrings);
  const language = useLanguage();
  const problems = useProblemsAt(formatPath(segments));
  return (
    <fieldset className="editors-fieldset" data-path={formatPath(segments)}>
      <legend title={helpText(schema.description, language)}>
        {label}
        {defaulted && <span className="hint"> · {t.defaultValue}</span>}
      </legend>
      {problems.map((message, index) => (
        <p key={index} className="field-error">
          {message}
        </p>
      ))}
      <ObjectFields
        schema={schema}
        value={value}
        segments={segments}
        onChange={(next, what) => onChange(next, `${label} · ${what}`)}
      />
    </fieldset>
  );
}

/** Central value of a distribution, carried over when the planner switches its type. */
function centralValue(value: Record<string, unknown>): number {
  for (const key of ['value', 'mean', 'median', 'mode', 'max']) {
    if (typeof value[key] === 'number') return value[key];
  }
  return 0;
}

/** The variant `type` with the fields of the old value that it shares, the rest filled in. */
function switchVariant(old: Record<string, unknown>, type: string, variant: JsonSchema) {
  const central = centralValue(old);
  const next: Record<string, unknown> = { type };
  for (const key of variant.required ?? []) {
    if (key === 'type') continue;
    const field = variant.properties?.[key];
    if (old[key] !== undefined) next[key] = old[key];
    else if (field?.type === 'number' || field?.type === 'integer')
      next[key] =
        key === 'p90' ? central * 2 || 1 : key === 'phases' || key === 'shape' ? 2 : central;
    else if (field?.type === 'array' && field.items?.type === 'number') next[key] = [central];
    else if (field?.default !== undefined) next[key] = field.default;
  }
  return next;
}

function VariantsNode({
  schema,
  value,
  segments,
  label,
  hideLabel,
  onChange,
}: {
  schema: JsonSchema;
  value: unknown;
  segments: readonly PathSegment[];
  label: string;
  hideLabel?: boolean;
  onChange: NodeChange;
}) {
  const t = useStrings(editorStrings);
  const language = useLanguage();
  const variants = variantsOf(schema)!;
  const current = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const type = typeof current.type === 'string' ? current.type : '';
  const variant = variants.get(type);
  const path = formatPath(segments);
  return (
    <fieldset
      className="editors-fieldset editors-variants"
      data-path={path}
      title={helpText(schema.description, language)}
    >
      <legend className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
        {schema.unit && <span className="hint"> · {t.unit[schema.unit] ?? schema.unit}</span>}
      </legend>
      <SelectField
        path={`${path}.type`}
        label={`${label} · ${t.variant}`}
        hideLabel
        value={type}
        choices={[...variants.keys()].map((key) => ({
          value: key,
          label: t.variantName[key] ?? key,
        }))}
        onCommit={(next) => onChange(switchVariant(current, next, variants.get(next)!), label)}
      />
      {variant && (
        <ObjectFields
          schema={variant}
          value={current}
          segments={segments}
          skip={['type']}
          onChange={(next, what) => onChange(next, `${label} · ${what}`)}
        />
      )}
    </fieldset>
  );
}
