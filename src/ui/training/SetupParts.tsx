/**
 * Parts of the trainer's page (SetupPage.tsx): the table of exercises, the course, and the form
 * that makes an exercise from the scenario being edited.
 */
import { useMemo, useState } from 'react';
import { BUILTIN_CATALOGUE } from '../../scenarios/builtin/catalogue.ts';
import type { Course, Exercise } from '../../training/api.ts';
import { useLanguage, useStrings } from '../i18n.ts';
import { downloadText } from '../library/files.ts';
import { trainingStrings } from './strings.ts';

export function ExerciseTable({
  exercises,
  chosen,
  onChoose,
  testId,
}: {
  exercises: Exercise[];
  chosen: Exercise | null;
  onChoose(exercise: Exercise): void;
  testId: string;
}) {
  const t = useStrings(trainingStrings);
  const language = useLanguage();
  return (
    <table className="training-table" data-testid={testId}>
      <thead>
        <tr>
          <th>{t.columnTitle}</th>
          <th>{t.columnLevel}</th>
          <th>{t.columnWindow}</th>
          <th>{t.columnSeed}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {exercises.map((exercise) => {
          const isChosen = chosen?.id === exercise.id;
          return (
            <tr key={exercise.id} className={isChosen ? 'chosen' : undefined}>
              <td>
                {exercise.title[language] || exercise.title.zh || exercise.id}
                <div className="hint">{scenarioTitle(exercise, language)}</div>
              </td>
              <td>{t.level[exercise.level]}</td>
              <td>{t.windowText(String(exercise.window.start), String(exercise.window.end))}</td>
              <td>{exercise.seed}</td>
              <td>
                <button
                  type="button"
                  data-testid="training-choose"
                  data-exercise={exercise.id}
                  aria-pressed={isChosen}
                  onClick={() => onChoose(exercise)}
                >
                  {isChosen ? t.chosen : t.choose}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function CoursePanel({
  course,
  onCourse,
  onStart,
  busy,
  builtinCourse,
  onChoose,
}: {
  course: Exercise[];
  onCourse(course: Exercise[]): void;
  onStart(index: number): void;
  busy: boolean;
  builtinCourse: Course | null;
  onChoose(exercise: Exercise): void;
}) {
  const t = useStrings(trainingStrings);
  const language = useLanguage();
  const move = (from: number, to: number) => {
    if (to < 0 || to >= course.length) return;
    const next = course.slice();
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    onCourse(next);
  };
  return (
    <div className="training-course" data-testid="training-course">
      <h3>{t.course}</h3>
      <p className="hint">{t.courseHint}</p>
      {course.length === 0 ? (
        <p className="hint">{t.courseEmpty}</p>
      ) : (
        <ol>
          {course.map((exercise, i) => (
            <li key={`${exercise.id}-${i}`}>
              <button type="button" className="link" onClick={() => onChoose(exercise)}>
                {exercise.title[language] || exercise.title.zh || exercise.id}
              </button>
              <span className="hint"> · {t.level[exercise.level]}</span>
              <span className="training-course-buttons">
                <button type="button" onClick={() => move(i, i - 1)} disabled={i === 0}>
                  {t.moveUp}
                </button>
                <button
                  type="button"
                  onClick={() => move(i, i + 1)}
                  disabled={i === course.length - 1}
                >
                  {t.moveDown}
                </button>
                <button
                  type="button"
                  data-testid="course-start"
                  disabled={busy}
                  onClick={() => onStart(i)}
                >
                  {t.start}
                </button>
                <button type="button" onClick={() => onCourse(course.filter((_, k) => k !== i))}>
                  {t.remove}
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="training-row">
        {builtinCourse && (
          <button
            type="button"
            data-testid="training-builtin-course"
            onClick={() => onCourse(builtinCourse.exercises)}
          >
            {t.builtinCourse}
          </button>
        )}
        <button
          type="button"
          data-testid="training-export-course"
          disabled={course.length === 0}
          onClick={() =>
            downloadText(
              'course.json',
              `${JSON.stringify(
                {
                  format: 'drill-planner/course',
                  version: 1,
                  id: builtinCourse?.id ?? 'course',
                  title: builtinCourse?.title ?? { zh: '', en: '' },
                  exercises: course,
                },
                null,
                2,
              )}\n`,
            )
          }
        >
          {t.exportCourse}
        </button>
      </div>
    </div>
  );
}

/** "New exercise from the current scenario": the workspace's scenario embedded, a window. */
export function FromScenario({
  doc,
  onCreate,
}: {
  doc: Record<string, unknown>;
  onCreate(
    exercise: Pick<Exercise, 'id' | 'title' | 'scenario' | 'window' | 'seed'>,
  ): Promise<void>;
}) {
  const t = useStrings(trainingStrings);
  const [title, setTitle] = useState('');
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('10:00');
  const scenarioId = typeof doc.id === 'string' ? doc.id : 'scenario';
  const id = useMemo(
    () => `own-${scenarioId}`.replace(/[^A-Za-z0-9_\-.:]/g, '-').slice(0, 64),
    [scenarioId],
  );
  return (
    <details className="training-from-scenario" data-testid="training-from-scenario">
      <summary>{t.fromScenario}</summary>
      <p className="hint">{t.fromScenarioHint}</p>
      <div className="training-fields">
        <label>
          <span>{t.newTitle}</span>
          <input
            data-testid="training-new-title"
            value={title}
            placeholder={t.newTitleDefault}
            onChange={(event) => setTitle(event.target.value)}
          />
        </label>
        <label>
          <span>{t.windowStart}</span>
          <input
            data-testid="training-new-start"
            value={start}
            onChange={(e) => setStart(e.target.value)}
          />
        </label>
        <label>
          <span>{t.windowEnd}</span>
          <input
            data-testid="training-new-end"
            value={end}
            onChange={(e) => setEnd(e.target.value)}
          />
        </label>
      </div>
      <button
        type="button"
        data-testid="training-create"
        onClick={() =>
          void onCreate({
            id,
            title: { zh: title || t.newTitleDefault, en: title || t.newTitleDefault },
            scenario: { embedded: doc },
            window: { start: moment(start), end: moment(end) },
            seed: 1,
          })
        }
      >
        {t.create}
      </button>
    </details>
  );
}

/** A window bound as typed: seconds when it is a number, else the clock text. */
export function moment(text: string): Exercise['window']['start'] {
  const trimmed = text.trim();
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export function scenarioTitle(exercise: Exercise, language: 'zh' | 'en'): string {
  const source = exercise.scenario;
  if ('builtin' in source) {
    const entry = BUILTIN_CATALOGUE.find((e) => e.id === source.builtin);
    return entry ? entry.title[language] : source.builtin;
  }
  // The scenario's own name; an own scenario without one is just "the current scenario".
  const name = source.embedded.name;
  return typeof name === 'string' && name
    ? name
    : language === 'zh'
      ? '自定义情景'
      : 'own scenario';
}
