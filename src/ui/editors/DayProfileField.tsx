/**
 * A call stream's day-of-week profile (周一 … 周日): the seven weights as bars to draw on and
 * fields, each day's share of the week beside them; "same every day" removes the profile.
 */
import { useStrings } from '../i18n.ts';
import { useProblemsAt } from './fields.tsx';
import { dayShares, weightProblem } from './formModels.ts';
import { formsStrings } from './formsStrings.ts';
import { ProfileBars } from './ProfileBars.tsx';

export function DayProfileField({
  path,
  profile,
  onCommit,
}: {
  path: string;
  profile: unknown;
  /** The new profile (undefined: the same every day), with what changed in words. */
  onCommit(profile: number[] | undefined, what: string): void;
}) {
  const t = useStrings(formsStrings);
  // The loader's word on the whole profile (all zero, wrong length) shows under its title.
  const problems = useProblemsAt(path);
  const values = Array.isArray(profile) && profile.length === 7 ? profile.map(Number) : null;
  return (
    <div data-testid={`day-profile-${path}`} data-path={path}>
      <h4 className="editors-label" title={t.dayProfileHint}>
        {t.dayProfile}
      </h4>
      {problems.map((problem) => (
        <p key={problem} className="field-error" data-testid="field-error">
          {problem}
        </p>
      ))}
      {values ? (
        <>
          <ProfileBars
            path={path}
            title={t.dayProfile}
            labels={t.days}
            values={values}
            validate={(value) => {
              const problem = weightProblem(value);
              return problem ? t[problem] : null;
            }}
            onCommit={onCommit}
          />
          <p className="hint" data-testid="day-shares">
            {dayShares(values)
              .map((share, day) => `${t.days[day]} ${(share * 100).toFixed(1)}%`)
              .join(' · ')}
          </p>
          <button
            type="button"
            className="editors-small"
            onClick={() => onCommit(undefined, t.flatWeek)}
          >
            {t.flatWeek}
          </button>
        </>
      ) : (
        <p className="hint">
          {t.dayProfileHint}{' '}
          <button
            type="button"
            className="editors-small"
            data-testid="set-day-profile"
            onClick={() => onCommit([1, 1, 1, 1, 1, 1, 1], t.setDayProfile)}
          >
            {t.setDayProfile}
          </button>
        </p>
      )}
    </div>
  );
}
