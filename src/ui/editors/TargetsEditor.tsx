/**
 * Arrival targets (到场时限): tier 1 and tier 2, urban and rural, in minutes; the file keeps
 * seconds. A target left out of the file shows its default; tier 3 has none.
 */
import { useStrings } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { minutesValidator } from './DispatchEditor.tsx';
import { NumberField } from './fields.tsx';
import { minutesOf, secondsOfMinutes } from './formModels.ts';
import { formsStrings } from './formsStrings.ts';
import { getIn, setIn } from './model.ts';
import { editorStrings } from './strings.ts';

/** The file format's defaults (src/scenarios/schema.ts, Targets), seconds. */
const TARGET_DEFAULTS = {
  tier1: { urban: 1800, rural: 3600 },
  tier2: { urban: 3600, rural: 5400 },
} as const;
const TIERS = ['tier1', 'tier2'] as const;
const AREAS = ['urban', 'rural'] as const;

/** A target in effect, in seconds: the file's, else the default. */
function targetSeconds(targets: unknown, tier: 'tier1' | 'tier2', area: 'urban' | 'rural') {
  const value = getIn(targets, [tier, area]);
  return typeof value === 'number' ? value : TARGET_DEFAULTS[tier][area];
}

export function TargetsEditor() {
  const t = useStrings(formsStrings);
  const defaultWord = useStrings(editorStrings).defaultValue;
  const { workspace, edit } = useWorkspace();
  const targets = getIn(workspace!.doc, ['targets']);
  return (
    <div data-testid="editor-targets">
      <h3 className="editors-subtitle">{t.targetsTitle}</h3>
      <p className="hint">{t.targetsIntro}</p>
      <table className="editors-table targets-table">
        <thead>
          <tr>
            <th scope="col" />
            {AREAS.map((area) => (
              <th key={area} scope="col">
                {t[area]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {TIERS.map((tier) => (
            <tr key={tier}>
              <th scope="row">{t[tier]}</th>
              {AREAS.map((area) => {
                const written = getIn(targets, [tier, area]);
                const slower =
                  tier === 'tier2' &&
                  targetSeconds(targets, 'tier2', area) < targetSeconds(targets, 'tier1', area);
                return (
                  <td key={area}>
                    <NumberField
                      path={`targets.${tier}.${area}`}
                      label={`${t[tier]} · ${t[area]}`}
                      hideLabel
                      unit={t.minutes}
                      optional
                      placeholder={String(minutesOf(TARGET_DEFAULTS[tier][area]))}
                      hint={
                        slower
                          ? t.tier2Faster
                          : typeof written === 'number'
                            ? undefined
                            : defaultWord
                      }
                      value={typeof written === 'number' ? minutesOf(written) : undefined}
                      validate={minutesValidator(t, true)}
                      onCommit={(minutes) =>
                        edit(t.editTarget(t[tier], t[area]), (draft) =>
                          setIn(
                            draft,
                            ['targets', tier, area],
                            minutes === undefined ? undefined : secondsOfMinutes(minutes),
                          ),
                        )
                      }
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
