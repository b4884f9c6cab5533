/** Partner agencies (联动单位): name, tier, sector, and the duty hours their tier gives. */
import { localeOf, useLanguage, useStrings } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { EnglishNameField } from './EnglishNameField.tsx';
import { SelectField, TextField } from './fields.tsx';
import { asArray, getIn, setIn, textOf } from './model.ts';
import { schemaAt } from './SchemaForm.tsx';
import { agenciesNoKindNeeds } from './scope.ts';
import type { JsonSchema } from './schemaForm.types.ts';
import { editorStrings, type EditorStrings } from './strings.ts';

const SECTORS = ['government', 'enterprise', 'social', 'military'] as const;

/** ISO weekday (1 = Monday) as the locale writes it short; 2026-01-05 was a Monday. */
function weekdayName(day: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 0, 4 + day)),
  );
}

/** A duty schedule in a few words: "24 h" or "weekly Mon, Tue … 08:30–17:30". */
export function describeSchedule(schedule: unknown, t: EditorStrings, locale: string): string {
  if (getIn(schedule, ['type']) !== 'weekly') return t.always;
  const windows = asArray(getIn(schedule, ['windows'])).map((window) => {
    const days = asArray(getIn(window, ['days'])).map((day) => weekdayName(Number(day), locale));
    return `${days.join(' ')} ${textOf(window, 'from')}–${textOf(window, 'to')}`;
  });
  return t.weekly(windows.join('; '));
}

export function AgenciesEditor({ schema }: { schema: JsonSchema | null }) {
  const t = useStrings(editorStrings);
  const locale = localeOf(useLanguage());
  const { workspace, edit } = useWorkspace();
  const doc = workspace!.doc;
  const agencies = asArray(doc.agencies);
  const units = asArray(doc.units);
  const tiersOn = getIn(doc, ['rules', 'tiers', 'enabled']) === true;
  const idle = agenciesNoKindNeeds(doc);

  const dutyOfTier = (tier: unknown) => {
    const segments = ['rules', 'tiers', `tier${String(tier)}`, 'schedule'];
    const schedule = getIn(doc, segments) ?? (schema && schemaAt(schema, segments)?.default);
    return tiersOn ? describeSchedule(schedule, t, locale) : t.always;
  };

  return (
    <div data-testid="editor-agencies">
      <table className="editors-table">
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.tier}</th>
            <th scope="col">{t.sector}</th>
            <th scope="col" title={t.dutyFromRule}>
              {t.dutyHours}
            </th>
            <th scope="col" className="editors-number-cell">
              {t.unitsOfAgency}
            </th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((agency, index) => {
            const id = textOf(agency, 'id');
            const name = textOf(agency, 'name') || id;
            const tier = getIn(agency, ['tier']) ?? 1;
            const sector = String(getIn(agency, ['sector']) ?? 'government');
            const unitCount = units.filter((unit) => textOf(unit, 'agency') === id).length;
            return (
              <tr key={index} data-testid={`agency-${id}`} title={`${t.id}：${id}`}>
                <td>
                  <TextField
                    path={`agencies[${index}].name`}
                    label={`${t.name} · ${name}`}
                    hideLabel
                    value={textOf(agency, 'name')}
                    onCommit={(text) =>
                      edit(t.editAgencyName(name), (draft) =>
                        setIn(draft, ['agencies', index, 'name'], text),
                      )
                    }
                  />
                  <EnglishNameField at={['agencies', index]} entry={agency} name={name} />
                </td>
                <td>
                  <SelectField
                    path={`agencies[${index}].tier`}
                    label={`${t.tier} · ${name}`}
                    hideLabel
                    value={String(tier)}
                    choices={[1, 2, 3].map((level) => ({
                      value: String(level),
                      label: t.tierName(level),
                    }))}
                    onCommit={(text) =>
                      edit(
                        t.editTier(name, t.tierName(Number(tier)), t.tierName(Number(text))),
                        (draft) => setIn(draft, ['agencies', index, 'tier'], Number(text)),
                      )
                    }
                  />
                </td>
                <td>
                  <SelectField
                    path={`agencies[${index}].sector`}
                    label={`${t.sector} · ${name}`}
                    hideLabel
                    value={sector}
                    choices={SECTORS.map((value) => ({ value, label: t.sectorName[value] }))}
                    onCommit={(text) =>
                      edit(
                        t.editSector(
                          name,
                          t.sectorName[sector] ?? sector,
                          t.sectorName[text] ?? text,
                        ),
                        (draft) => setIn(draft, ['agencies', index, 'sector'], text),
                      )
                    }
                  />
                </td>
                <td className="editors-muted">{dutyOfTier(tier)}</td>
                <td className="editors-number-cell">
                  {unitCount}
                  {idle.has(id) && (
                    <span className="editors-idle" data-testid="agency-idle" title={t.agencyIdle}>
                      {' '}
                      ⚠ {t.agencyIdleShort}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!tiersOn && (
        <p className="hint">
          {t.dutyHours}
          {t.dutyFromRule}
        </p>
      )}
    </div>
  );
}
