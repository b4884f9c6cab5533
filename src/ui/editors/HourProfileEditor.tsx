/**
 * A call stream's hour-of-day profile: the shared bar chart the planner can draw on (one undo
 * step per stroke), with the 24 values as fields below for exact numbers and for the keyboard.
 */
import { useStrings } from '../i18n.ts';
import { ProfileBars } from './ProfileBars.tsx';
import { editorStrings } from './strings.ts';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

export function HourProfileEditor({
  path,
  profile,
  onCommit,
}: {
  path: string;
  profile: readonly number[];
  /** A new profile, with what changed in words. */
  onCommit(profile: number[], what: string): void;
}) {
  const t = useStrings(editorStrings);
  return (
    <ProfileBars
      path={path}
      title={t.hourProfile}
      labels={HOURS.map((hour) => t.hour(hour))}
      values={profile}
      axisEvery={3}
      onCommit={onCommit}
    />
  );
}
