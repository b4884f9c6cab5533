/** Overview: the scenario's name, description, start, run length, warm-up and its check. */
import { defaultsInEffect } from '../../scenarios/defaultsInEffect.ts';
import type { ScenarioInfo } from '../../worker/client.ts';
import { localeOf, useLanguage, useStrings } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { NumberField, TextField } from './fields.tsx';
import { descriptionIn, setIn, textOf } from './model.ts';
import { editorStrings } from './strings.ts';
import { TravelFields } from './TravelFields.tsx';

/** A length of time in days, hours and minutes, in the page's language. */
export function formatSeconds(seconds: number, locale: string): string {
  const parts: string[] = [];
  const units: Array<[Intl.NumberFormatOptions['unit'], number]> = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  let left = Math.round(seconds);
  for (const [unit, size] of units) {
    const whole = Math.floor(left / size);
    left -= whole * size;
    if (whole > 0)
      parts.push(
        new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(whole),
      );
  }
  if (parts.length === 0 || left > 0)
    parts.push(
      new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(
        left,
      ),
    );
  return parts.join(' ');
}

export function OverviewEditor({ check }: { check: ScenarioInfo | null }) {
  const t = useStrings(editorStrings);
  const language = useLanguage();
  const locale = localeOf(language);
  const { workspace, edit } = useWorkspace();
  const doc = workspace!.doc;
  const description = textOf(doc, 'description');
  const duration = typeof doc.duration === 'number' ? doc.duration : undefined;
  const warmup = typeof doc.warmup === 'number' ? doc.warmup : undefined;
  const asText = (value: number | undefined) =>
    value === undefined ? '—' : formatSeconds(value, locale);

  return (
    <div className="editors-overview" data-testid="editor-overview">
      <div className="editors-grid">
        <TextField
          path="name"
          label={t.name}
          value={textOf(doc, 'name')}
          onCommit={(name) => edit(t.editName, (draft) => setIn(draft, ['name'], name))}
        />
        <TextField
          path="id"
          label={t.id}
          value={textOf(doc, 'id')}
          onCommit={(id) => edit(`${t.id}：${id}`, (draft) => setIn(draft, ['id'], id))}
        />
        <TextField
          path="start"
          label={t.start}
          type="datetime-local"
          value={textOf(doc, 'start')}
          onCommit={(start) => {
            // The date picker may add ":00" seconds: the same time is no edit.
            const minutes = (text: string) => text.replace(/(T\d{2}:\d{2}):00$/, '$1');
            if (minutes(start) === minutes(textOf(doc, 'start'))) return;
            edit(t.editStart, (draft) => setIn(draft, ['start'], start || undefined));
          }}
        />
        <TextField
          path="timeZone"
          label={t.timeZone}
          value={textOf(doc, 'timeZone')}
          onCommit={(zone) =>
            edit(t.editTimeZone, (draft) => setIn(draft, ['timeZone'], zone || undefined))
          }
        />
        <NumberField
          path="duration"
          label={t.duration}
          unit={t.unit.s}
          hint={duration !== undefined ? t.durationIs(asText(duration)) : undefined}
          value={duration}
          optional
          onCommit={(seconds) =>
            edit(t.editDuration(asText(duration), asText(seconds)), (draft) =>
              setIn(draft, ['duration'], seconds),
            )
          }
        />
        <NumberField
          path="warmup"
          label={t.warmup}
          unit={t.unit.s}
          hint={warmup !== undefined ? t.durationIs(asText(warmup)) : undefined}
          value={warmup}
          optional
          onCommit={(seconds) =>
            edit(t.editWarmup(asText(warmup), asText(seconds)), (draft) =>
              setIn(draft, ['warmup'], seconds),
            )
          }
        />
      </div>
      <div className="editors-status" data-testid="validation-status">
        <span className="editors-label">{t.status}</span>{' '}
        {check === null ? (
          <span className="hint">{t.checking}</span>
        ) : check.ok ? (
          <span className="editors-ok">
            {t.valid}
            {check.warnings.length > 0 && ` · ${t.warningsCount(check.warnings.length)}`}
          </span>
        ) : (
          <span className="field-error">
            {t.errorsCount(check.errors.length)}
            {check.warnings.length > 0 && ` · ${t.warningsCount(check.warnings.length)}`}
          </span>
        )}
      </div>
      <DefaultsInEffect doc={doc} />
      <TravelFields doc={doc} />
      <h3 className="editors-subtitle">{t.descriptionShown}</h3>
      <p className="scenario-description editors-description" data-testid="scenario-description">
        {descriptionIn(description, language)}
      </p>
      <TextField
        path="description"
        label={t.description}
        multiline
        value={description}
        onCommit={(text) => edit(t.editDescription, (draft) => setIn(draft, ['description'], text))}
      />
    </div>
  );
}

/** The settings the scenario leaves to their defaults, so that none changes a study unseen. */
function DefaultsInEffect({ doc }: { doc: Record<string, unknown> }) {
  const t = useStrings(editorStrings);
  const language = useLanguage();
  const defaults = defaultsInEffect(doc);
  if (defaults.length === 0) return null;
  return (
    <div className="editors-defaults" data-testid="defaults-in-effect">
      <span className="editors-label">{t.defaultsInEffect}</span>
      <ul>
        {defaults.map((entry) => (
          <li key={entry.path}>
            {entry.value[language]}
            {entry.count && ` · ${t.defaultsCount(entry.count[0], entry.count[1])}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
