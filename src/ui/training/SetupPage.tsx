/**
 * The trainer's page: pick a built-in or own exercise (or make one from the scenario being
 * edited), set the seed, the pace and the level, put exercises into a course, export and import
 * exercise and course files, and seat the trainee.
 */
import { useEffect, useState } from 'react';
import type { Course, Exercise, Level } from '../../training/api.ts';
import { callWorker } from '../../worker/client.ts';
import type { ExerciseChecked, SeatJournal } from '../../worker/trainingApi.ts';
import { useLanguage, useStrings } from '../i18n.ts';
import { downloadText } from '../library/files.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { trainingStrings, type Speed, type TrainingStrings } from './strings.ts';
import { CoursePanel, ExerciseTable, FromScenario, moment, scenarioTitle } from './SetupParts.tsx';
import type { NextExercise, SeatController } from './useSeat.ts';

const LEVELS: Level[] = ['trainee', 'junior', 'intermediate'];
const SPEEDS: Speed[] = ['step', '1x', '2x', '5x', '10x'];

export function SetupPage({
  controller,
  onStarted,
  onResume,
}: {
  controller: SeatController;
  /** The exercise started; `next` starts the one after it when it came from the course. */
  onStarted(next: NextExercise | null): void;
  /** Back to the seat of the session left unfinished, instead of starting a new one. */
  onResume(): void;
}) {
  const t = useStrings(trainingStrings);
  const language = useLanguage();
  const { workspace } = useWorkspace();
  const [builtin, setBuiltin] = useState<Exercise[]>([]);
  const [own, setOwn] = useState<Exercise[]>([]);
  const [chosen, setChosen] = useState<Exercise | null>(null);
  const [course, setCourse] = useState<Exercise[]>([]);
  const [trainee, setTrainee] = useState({ name: '', id: '' });
  const [fileMessage, setFileMessage] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const [builtinCourse, setBuiltinCourse] = useState<Course | null>(null);
  /** A new exercise asked for while a session is unfinished: it waits for the trainer's word. */
  const [pending, setPending] = useState<{ exercise: Exercise; inCourse: number | null } | null>(
    null,
  );

  useEffect(() => {
    let wanted = true;
    void callWorker((worker) => worker.trainingCatalogue()).then((catalogue) => {
      if (!wanted) return;
      setBuiltin(catalogue.exercises);
      setBuiltinCourse(catalogue.course);
      setChosen((previous) => previous ?? catalogue.exercises[0] ?? null);
    });
    return () => {
      wanted = false;
    };
  }, []);

  const setLevel = async (level: Level) => {
    if (!chosen) return;
    const { id, title, scenario, window, seed } = chosen;
    const preset = await callWorker((worker) =>
      worker.trainingForLevel({ id, title, scenario, window, seed }, level),
    );
    setChosen({ ...preset, scoring: chosen.scoring, followUpSeconds: chosen.followUpSeconds });
  };

  /** Starts an exercise, after asking if it would overwrite a session left unfinished. */
  const start = async (exercise: Exercise, inCourse: number | null = null) => {
    if (controller.seat) {
      setPending({ exercise, inCourse });
      return;
    }
    await begin(exercise, inCourse);
  };

  const begin = async (exercise: Exercise, inCourse: number | null = null) => {
    setPending(null);
    const journal: SeatJournal = {
      exercise,
      seed: exercise.seed,
      trainee,
      actions: [],
      wall: [],
    };
    if (!(await controller.open(journal))) return;
    const after = inCourse === null ? undefined : course[inCourse + 1];
    onStarted(
      after && inCourse !== null
        ? { title: after.title, start: () => begin(after, inCourse + 1) }
        : null,
    );
  };

  const importFile = async (file: File) => {
    let data: unknown;
    try {
      data = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
    } catch (error) {
      setFileMessage({
        ok: false,
        lines: [t.fileProblems(file.name), error instanceof Error ? error.message : String(error)],
      });
      return;
    }
    const checked = await callWorker<ExerciseChecked>((worker) =>
      worker.trainingCheckFile(data, language),
    );
    if (!checked.ok) {
      setFileMessage({
        ok: false,
        lines: [
          t.fileProblems(file.name),
          ...checked.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)),
        ],
      });
      return;
    }
    setOwn((previous) => [
      ...previous.filter((e) => !checked.exercises.some((c) => c.id === e.id)),
      ...checked.exercises,
    ]);
    if (checked.kind === 'course') setCourse(checked.exercises);
    setChosen(checked.exercises[0]);
    setFileMessage({ ok: true, lines: [t.imported(checked.exercises.length)] });
  };

  const pace = chosen?.pace;
  return (
    <div className="training-setup" data-testid="training-setup">
      <section className="card training-exercises" aria-labelledby="training-setup-heading">
        <h2 id="training-setup-heading">{t.setupHeading}</h2>
        <p className="hint">{t.setupIntro}</p>
        <h3>{t.builtinExercises}</h3>
        <ExerciseTable
          exercises={builtin}
          chosen={chosen}
          onChoose={setChosen}
          testId="training-builtin"
        />
        <h3>{t.ownExercises}</h3>
        {own.length === 0 ? (
          <p className="hint">{t.noOwnExercises}</p>
        ) : (
          <ExerciseTable
            exercises={own}
            chosen={chosen}
            onChoose={setChosen}
            testId="training-own"
          />
        )}
        <div className="training-row">
          <label className="training-file">
            {t.importFile}
            <input
              type="file"
              accept=".json,application/json"
              data-testid="training-import-exercise"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void importFile(file);
              }}
            />
          </label>
          {fileMessage && (
            <div
              className={fileMessage.ok ? 'hint' : 'problems'}
              role={fileMessage.ok ? 'status' : 'alert'}
              data-testid="training-file-message"
            >
              {fileMessage.lines.map((line, i) => (
                <div key={i}>{line}</div>
              ))}
            </div>
          )}
        </div>
        {workspace && (
          <FromScenario
            doc={workspace.doc}
            onCreate={async (exercise) => {
              const made = await callWorker((worker) =>
                worker.trainingForLevel(exercise, chosen?.level ?? 'trainee'),
              );
              setOwn((previous) => [...previous.filter((e) => e.id !== made.id), made]);
              setChosen(made);
            }}
          />
        )}
      </section>

      <section className="card training-settings" aria-labelledby="training-settings-heading">
        <h2 id="training-settings-heading">{t.settingsHeading}</h2>
        {chosen && pace ? (
          <>
            <p className="training-chosen" data-testid="training-chosen">
              <strong>{chosen.title[language] || chosen.title.zh || chosen.id}</strong>
              <span className="hint"> · {scenarioTitle(chosen, language)}</span>
            </p>
            <div className="training-fields">
              <label>
                <span>{t.levelPreset}</span>
                <select
                  data-testid="training-level"
                  value={chosen.level}
                  title={t.levelHint}
                  onChange={(event) => void setLevel(event.target.value as Level)}
                >
                  {LEVELS.map((level) => (
                    <option key={level} value={level}>
                      {t.level[level]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>{t.seed}</span>
                <span className="training-seed">
                  <input
                    data-testid="training-seed"
                    inputMode="numeric"
                    value={chosen.seed}
                    onChange={(event) => {
                      const seed = Number(event.target.value);
                      if (Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31)
                        setChosen({ ...chosen, seed });
                    }}
                  />
                  <button
                    type="button"
                    data-testid="training-fresh-seed"
                    onClick={() => setChosen({ ...chosen, seed: freshSeed() })}
                  >
                    {t.freshSeed}
                  </button>
                </span>
                <small className="hint">{t.seedHint}</small>
              </label>
              <label>
                <span>{t.windowStart}</span>
                <input
                  data-testid="training-window-start"
                  value={String(chosen.window.start)}
                  onChange={(event) =>
                    setChosen({
                      ...chosen,
                      window: { ...chosen.window, start: moment(event.target.value) },
                    })
                  }
                />
              </label>
              <label>
                <span>{t.windowEnd}</span>
                <input
                  data-testid="training-window-end"
                  value={String(chosen.window.end)}
                  onChange={(event) =>
                    setChosen({
                      ...chosen,
                      window: { ...chosen.window, end: moment(event.target.value) },
                    })
                  }
                />
              </label>
              <label>
                <span>{t.pace}</span>
                <select
                  data-testid="training-pace"
                  value={pace.speed}
                  onChange={(event) =>
                    setChosen({ ...chosen, pace: { ...pace, speed: event.target.value as Speed } })
                  }
                >
                  {SPEEDS.map((speed) => (
                    <option key={speed} value={speed}>
                      {t.speed[speed]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>{t.whileDecidingLabel}</span>
                <select
                  data-testid="training-while-deciding"
                  value={pace.whileDeciding}
                  onChange={(event) =>
                    setChosen({
                      ...chosen,
                      pace: { ...pace, whileDeciding: event.target.value as 'wait' | 'clockRuns' },
                    })
                  }
                >
                  <option value="wait">{t.whileDeciding.wait}</option>
                  <option value="clockRuns">{t.whileDeciding.clockRuns}</option>
                </select>
              </label>
            </div>
            <p className="hint" data-testid="training-difficulty">
              {difficultyText(chosen, t)}
            </p>
            <div className="training-fields">
              <label>
                <span>{t.traineeName}</span>
                <input
                  data-testid="training-trainee-name"
                  value={trainee.name}
                  maxLength={100}
                  onChange={(event) => setTrainee({ ...trainee, name: event.target.value })}
                />
              </label>
              <label>
                <span>{t.traineeId}</span>
                <input
                  data-testid="training-trainee-id"
                  value={trainee.id}
                  maxLength={64}
                  onChange={(event) => setTrainee({ ...trainee, id: event.target.value })}
                />
              </label>
            </div>
            <div className="training-row">
              <button
                type="button"
                className="primary"
                data-testid="training-start"
                disabled={controller.busy}
                onClick={() => void start(chosen)}
              >
                {controller.busy ? t.starting : t.start}
              </button>
              <button
                type="button"
                data-testid="training-export-exercise"
                onClick={() =>
                  downloadText(`exercise-${chosen.id}.json`, `${JSON.stringify(chosen, null, 2)}\n`)
                }
              >
                {t.exportExercise}
              </button>
              <button
                type="button"
                data-testid="training-add-to-course"
                onClick={() => setCourse((previous) => [...previous, chosen])}
              >
                {t.addToCourse}
              </button>
            </div>
            {pending && controller.seat && (
              <div className="training-confirm-backdrop">
                <div
                  className="training-confirm"
                  role="alertdialog"
                  aria-modal="true"
                  aria-labelledby="training-confirm-text"
                  data-testid="training-overwrite"
                >
                  <p id="training-confirm-text">
                    {t.overwriteQuestion(
                      controller.seat.journal.exercise.title[language],
                      controller.seat.journal.trainee.name,
                      controller.seat.state.calls.length,
                      pending.exercise.title[language],
                    )}
                  </p>
                  <div className="training-row">
                    <button
                      type="button"
                      className="primary"
                      data-testid="training-overwrite-resume"
                      autoFocus
                      onClick={() => {
                        setPending(null);
                        onResume();
                      }}
                    >
                      {t.overwriteResume}
                    </button>
                    <button
                      type="button"
                      className="danger"
                      data-testid="training-overwrite-confirm"
                      onClick={() => void begin(pending.exercise, pending.inCourse)}
                    >
                      {t.overwriteConfirm}
                    </button>
                  </div>
                </div>
              </div>
            )}
            {controller.problems.length > 0 && (
              <ul className="problems" role="alert" data-testid="training-problems">
                {controller.problems.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <p className="placeholder" aria-busy="true">
            …
          </p>
        )}
        <CoursePanel
          course={course}
          onCourse={setCourse}
          onStart={(index) => void start(course[index], index)}
          busy={controller.busy}
          builtinCourse={builtinCourse}
          onChoose={setChosen}
        />
      </section>
    </div>
  );
}

function difficultyText(exercise: Exercise, t: TrainingStrings): string {
  const d = exercise.difficulty;
  const parts: string[] = [];
  if (d.callRateFactor !== 1) parts.push(t.callRate(d.callRateFactor));
  if (d.simultaneousIncidents) parts.push(t.simultaneous(d.simultaneousIncidents));
  if (d.duplicateCallShare) parts.push(t.duplicates(d.duplicateCallShare));
  if (d.incompleteInfoShare) parts.push(t.incomplete(d.incompleteInfoShare));
  if (d.wrongInfoShare) parts.push(t.wrong(d.wrongInfoShare));
  if (d.unitsOutOfService) parts.push(t.outOfService(d.unitsOutOfService));
  if (d.linkageIncidents) parts.push(t.linkage(d.linkageIncidents));
  parts.push(d.suggestion === 'shown' ? t.suggestionShown : t.suggestionHidden);
  return t.difficultySummary(parts);
}

/** A fresh seed for practice (not the class's): from the browser's random source. */
function freshSeed(): number {
  const value = new Uint32Array(1);
  crypto.getRandomValues(value);
  return value[0] % 2 ** 31;
}
