/**
 * Incident load (警情): the incident kinds (priority, severity, needs, non-emergency share;
 * work time, growth and the rest under "details") and the call streams that generate calls
 * (calls a day, hour-of-day profile, district weights).
 */
import { Fragment, useState } from 'react';
import { capabilityToken, capabilityWords } from '../../sim/analysis/terms.ts';
import { useLanguage, useStrings, type Language } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { EnglishNameField } from './EnglishNameField.tsx';
import { DetailsToggle, NumberField, SelectField, TextField } from './fields.tsx';
import { DayProfileField } from './DayProfileField.tsx';
import { HourProfileEditor } from './HourProfileEditor.tsx';
import { type FocusRequest, asArray, getIn, parsePath, setIn, textOf } from './model.ts';
import { ObjectFields, schemaAt } from './SchemaForm.tsx';
import type { JsonSchema } from './schemaForm.types.ts';
import { helpText } from './schemaHelpZh.ts';
import { editorStrings } from './strings.ts';

const KIND_COLUMNS = ['name', 'priority', 'severity', 'needs', 'nonEmergencyShare'];

interface Need {
  capability: string;
  units: number;
}

/**
 * Needs as "fire×2, medical×1", or in a language's words ("灭火×2、医疗急救×1"): people read
 * capabilities by name, not by token.
 */
export function formatNeeds(needs: readonly unknown[], language?: Language): string {
  return needs
    .map((need) => {
      const capability = textOf(need, 'capability');
      const shown = language ? capabilityWords(capability, language) : capability;
      return `${shown}×${textOf(need, 'units') || 1}`;
    })
    .join(language === 'zh' ? '、' : ', ');
}

/**
 * "fire×2, medical" or "灭火×2、医疗急救" → needs; null when an item is not capability×count.
 * Items are separated by commas (words may hold spaces); a capability's words give its token.
 */
export function parseNeeds(text: string): Need[] | null {
  const needs: Need[] = [];
  const items = text
    .split(/[,，、;；]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  for (const item of items) {
    // × * : or an x right before the count (words such as "expert advice" hold an x).
    const match = /^(.+?)\s*(?:(?:[×*:：]|[xX](?=\s*\d+$))\s*(\d+))?$/.exec(item);
    if (match && /[×*:：]/.test(match[1])) return null;
    if (!match) return null;
    needs.push({
      capability: capabilityToken(match[1]),
      units: match[2] ? Number(match[2]) : 1,
    });
  }
  return needs;
}

export function IncidentsEditor({
  schema,
  focus,
}: {
  schema: JsonSchema | null;
  focus: FocusRequest | null;
}) {
  const t = useStrings(editorStrings);
  const language = useLanguage();
  const { workspace, edit } = useWorkspace();
  const doc = workspace!.doc;
  const kinds = asArray(doc.incidentKinds);
  const streams = asArray(getIn(doc, ['arrivals', 'streams']));
  const districts = asArray(doc.districts);
  const [openKind, setOpenKind] = useState<number | null>(null);
  const [openStream, setOpenStream] = useState<number | null>(null);

  // A new request from the error list opens the details its field is in.
  const [seenFocus, setSeenFocus] = useState(focus);
  if (focus !== seenFocus) {
    setSeenFocus(focus);
    const segments = focus ? parsePath(focus.path) : [];
    if (segments[0] === 'incidentKinds' && typeof segments[1] === 'number') {
      if (!KIND_COLUMNS.includes(String(segments[2]))) setOpenKind(segments[1]);
    }
    if (
      segments[0] === 'arrivals' &&
      segments[1] === 'streams' &&
      typeof segments[2] === 'number'
    ) {
      setOpenStream(segments[2]);
    }
  }

  const kindName = (id: string) =>
    textOf(
      kinds.find((kind) => textOf(kind, 'id') === id),
      'name',
    ) || id;
  const kindSchema = schema && schemaAt(schema, ['incidentKinds', 0]);
  const kindHelp = (field: string) =>
    helpText(kindSchema?.properties?.[field]?.description, language);

  return (
    <div data-testid="editor-incidents">
      <h3 className="editors-subtitle">{t.kindsTitle}</h3>
      <table className="editors-table">
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col" title={kindHelp('priority')}>
              {t.priority}
            </th>
            <th scope="col" title={kindHelp('severity')}>
              {t.severity}
            </th>
            <th scope="col" title={t.needsHint}>
              {t.needs}
            </th>
            <th scope="col">{t.nonEmergencyShare}</th>
            <th scope="col">
              <span className="visually-hidden">{t.details}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind, index) => {
            const id = textOf(kind, 'id');
            const name = textOf(kind, 'name') || id;
            const at = (field: string) => `incidentKinds[${index}].${field}`;
            const set = (field: string, label: string, value: unknown) =>
              edit(t.editKindField(name, label), (draft) =>
                setIn(draft, ['incidentKinds', index, field], value),
              );
            const number = (field: string) => {
              const value = getIn(kind, [field]);
              return typeof value === 'number' ? value : undefined;
            };
            const open = openKind === index;
            return (
              <Fragment key={index}>
                <tr data-testid={`kind-row-${id}`}>
                  <td>
                    <TextField
                      path={at('name')}
                      label={`${t.name} · ${name}`}
                      hideLabel
                      value={textOf(kind, 'name')}
                      onCommit={(text) => set('name', t.name, text)}
                    />
                    <EnglishNameField at={['incidentKinds', index]} entry={kind} name={name} />
                  </td>
                  {(
                    [
                      ['priority', t.priority],
                      ['severity', t.severity],
                    ] as const
                  ).map(([field, label]) => (
                    <td key={field} className="editors-narrow">
                      <NumberField
                        path={at(field)}
                        label={`${label} · ${name}`}
                        hideLabel
                        optional
                        placeholder={
                          schema
                            ? String(schemaAt(schema, ['incidentKinds', 0, field])?.default ?? '')
                            : undefined
                        }
                        value={number(field)}
                        onCommit={(value) => set(field, label, value)}
                      />
                    </td>
                  ))}
                  <td>
                    <TextField
                      path={at('needs')}
                      label={`${t.needs} · ${name}`}
                      hideLabel
                      value={formatNeeds(asArray(getIn(kind, ['needs'])), language)}
                      validate={(text) => (parseNeeds(text) ? null : t.needsInvalid)}
                      onCommit={(text) => set('needs', t.needs, parseNeeds(text))}
                    />
                  </td>
                  <td className="editors-narrow">
                    <NumberField
                      path={at('nonEmergencyShare')}
                      label={`${t.nonEmergencyShare} · ${name}`}
                      hideLabel
                      optional
                      value={number('nonEmergencyShare')}
                      onCommit={(value) => set('nonEmergencyShare', t.nonEmergencyShare, value)}
                    />
                  </td>
                  <td>
                    <DetailsToggle
                      open={open}
                      testId={`kind-details-${id}`}
                      onToggle={() => setOpenKind(open ? null : index)}
                    />
                  </td>
                </tr>
                {open && (
                  <tr className="editors-details-row">
                    <td colSpan={6}>
                      <ObjectFields
                        schema={kindSchema}
                        value={kind}
                        segments={['incidentKinds', index]}
                        skip={KIND_COLUMNS}
                        onChange={(next, what) =>
                          edit(t.editKindField(name, what), (draft) =>
                            setIn(draft, ['incidentKinds', index], next),
                          )
                        }
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>

      <h3 className="editors-subtitle">{t.streamsTitle}</h3>
      <table className="editors-table">
        <thead>
          <tr>
            <th scope="col">{t.kind}</th>
            <th scope="col">{t.callsPerDay}</th>
            <th scope="col">{t.hourProfile}</th>
            <th scope="col">
              <span className="visually-hidden">{t.details}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {streams.map((stream, index) => {
            const kind = textOf(stream, 'kind');
            const label = kindName(kind);
            const segments = ['arrivals', 'streams', index] as const;
            const at = (field: string) => `arrivals.streams[${index}].${field}`;
            const set = (field: string, what: string, value: unknown) =>
              edit(t.editStreamField(label, what), (draft) =>
                setIn(draft, [...segments, field], value),
              );
            const calls = getIn(stream, ['callsPerDay']);
            const profile = getIn(stream, ['hourProfile']);
            const weights = getIn(stream, ['districts']) as Record<string, unknown> | undefined;
            const open = openStream === index;
            return (
              <Fragment key={index}>
                <tr data-testid={`stream-row-${kind}`}>
                  <td>
                    <SelectField
                      path={at('kind')}
                      label={`${t.kind} · ${index + 1}`}
                      hideLabel
                      value={kind}
                      choices={kinds.map((k) => ({
                        value: textOf(k, 'id'),
                        label: textOf(k, 'name') || textOf(k, 'id'),
                      }))}
                      onCommit={(value) => set('kind', t.kind, value)}
                    />
                  </td>
                  <td className="editors-narrow">
                    <NumberField
                      path={at('callsPerDay')}
                      label={`${t.callsPerDay} · ${label}`}
                      hideLabel
                      value={typeof calls === 'number' ? calls : undefined}
                      onCommit={(value) => set('callsPerDay', t.callsPerDay, value)}
                    />
                  </td>
                  <td>
                    {Array.isArray(profile) ? (
                      <Sparkline values={profile.map(Number)} />
                    ) : (
                      <span className="editors-muted">{t.flatProfile}</span>
                    )}
                  </td>
                  <td>
                    <DetailsToggle
                      open={open}
                      testId={`stream-details-${kind}`}
                      onToggle={() => setOpenStream(open ? null : index)}
                    />
                  </td>
                </tr>
                {open && (
                  <tr className="editors-details-row">
                    <td colSpan={4}>
                      <h4 className="editors-label" title={t.hourProfileHint}>
                        {t.hourProfile}
                      </h4>
                      {Array.isArray(profile) ? (
                        <>
                          <HourProfileEditor
                            path={at('hourProfile')}
                            profile={profile.map(Number)}
                            onCommit={(next, what) => set('hourProfile', what, next)}
                          />
                          <button
                            type="button"
                            className="editors-small"
                            onClick={() => set('hourProfile', t.flatProfile, undefined)}
                          >
                            {t.flatProfile}
                          </button>
                        </>
                      ) : (
                        <button
                          type="button"
                          className="editors-small"
                          onClick={() =>
                            set(
                              'hourProfile',
                              t.setProfile,
                              Array.from({ length: 24 }, () => 1),
                            )
                          }
                        >
                          {t.setProfile}
                        </button>
                      )}
                      <DayProfileField
                        path={at('dayProfile')}
                        profile={getIn(stream, ['dayProfile'])}
                        onCommit={(next, what) => set('dayProfile', what, next)}
                      />
                      <h4 className="editors-label">{t.districtWeights}</h4>
                      {weights && typeof weights === 'object' ? (
                        <div className="editors-grid editors-grid-dense">
                          {districts.map((district) => {
                            const id = textOf(district, 'id');
                            const weight = weights[id];
                            return (
                              <NumberField
                                key={id}
                                path={`${at('districts')}.${id}`}
                                label={textOf(district, 'name') || id}
                                unit={t.unit.weight}
                                optional
                                value={typeof weight === 'number' ? weight : undefined}
                                onCommit={(value) =>
                                  edit(
                                    t.editStreamField(
                                      label,
                                      `${t.districtWeights} ${textOf(district, 'name') || id}`,
                                    ),
                                    (draft) => setIn(draft, [...segments, 'districts', id], value),
                                  )
                                }
                              />
                            );
                          })}
                        </div>
                      ) : (
                        <p className="hint">
                          {t.districtWeightsDefault}{' '}
                          <button
                            type="button"
                            className="editors-small"
                            onClick={() =>
                              set(
                                'districts',
                                t.setDistrictWeights,
                                Object.fromEntries(
                                  districts.map((district) => {
                                    const weight = getIn(district, ['callWeight']);
                                    return [
                                      textOf(district, 'id'),
                                      typeof weight === 'number' ? weight : 1,
                                    ];
                                  }),
                                ),
                              )
                            }
                          >
                            {t.setDistrictWeights}
                          </button>
                        </p>
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The hour profile at a glance, in the table row. */
function Sparkline({ values }: { values: readonly number[] }) {
  const top = Math.max(1e-9, ...values);
  return (
    <svg className="editors-sparkline" viewBox="0 0 48 16" aria-hidden="true">
      {values.map((value, hour) => {
        const height = Math.max(0.5, (value / top) * 15);
        return <rect key={hour} x={hour * 2} y={16 - height} width={1.6} height={height} />;
      })}
    </svg>
  );
}
