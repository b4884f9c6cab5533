/**
 * Session files: sealing (a checksum over everything in the file), export as JSON, and import
 * that checks the file against the schema, its checksum, and — the real test — replays its
 * command log on its exercise and seed and compares the trace digest it records. A file of
 * another scenario or seed, or with an edited log, replays to another digest (or not at all)
 * and is rejected with a message that says so.
 */
import type { DispatchDecision } from '../sim/dispatch/policy.ts';
import { traceDigest, type Trace } from '../sim/trace.ts';
import type { Lang, Parsed, PreparedExercise } from './api.ts';
import { windowCalls } from './caller.ts';
import { ExerciseError, parseExercise, prepareExercise, problemsOf } from './exercises.ts';
import { trainingText } from './messages.ts';
import { isTraineeDecision } from './seat.ts';
import { referenceRun, replayLog } from './reference.ts';
import { SESSION_FORMAT, SessionFile, type Annotation, type Exercise } from './schema.ts';

type Unsealed = Omit<SessionFile, 'format' | 'version' | 'checksum'>;

/** FNV-1a over the text, two lanes: not a signature, a guard against edits by hand. */
function checksumOf(file: Unsealed): string {
  const text = JSON.stringify([
    file.trainee,
    file.exercise,
    file.seed,
    file.kind,
    file.startedAt,
    file.log,
    file.annotations,
    file.stamps,
    file.result,
  ]);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

export function sealSession(file: Unsealed): SessionFile {
  return SessionFile.parse({
    format: SESSION_FORMAT,
    version: 1,
    ...file,
    checksum: checksumOf(file),
  });
}

export function exportSessionFile(file: SessionFile): string {
  return `${JSON.stringify(file, null, 1)}\n`;
}

/** The reference as a session file: the built-in answers, and judgements as the run has them. */
export function referenceSession(exercise: Exercise, seed = exercise.seed): SessionFile {
  const prepared = prepareExercise(exercise, seed);
  const played = referenceRun(prepared);
  const { scenario, window } = prepared;
  const calls = windowCalls(scenario, seed, window, exercise.difficulty, played.outcomes);
  const callTimes = played.outcomes.map((o) => o.time);
  const annotations: Annotation[] = [];
  const firstCall = new Map<number, number>();
  for (const call of calls) {
    const o = played.outcomes[call.incident];
    const original = firstCall.get(call.incident);
    if (original === undefined) firstCall.set(call.incident, call.id);
    annotations.push({
      type: 'triage',
      call: call.id,
      at: call.time,
      judgement: {
        kind: o.kind,
        severity: o.severity,
        channel: o.channel,
        maritime: o.maritime,
        specialPlan: o.specialPlan,
        duplicateOf: original ?? null,
      },
    });
    if (original === undefined && o.channel === 'emergency') {
      annotations.push({
        type: 'linkage',
        incident: call.incident,
        at: call.time,
        agencies: [...new Set(o.dispatched.map((d) => d.agency))],
        approvalPath: o.approvalPath,
      });
    }
  }
  return sealSession({
    trainee: { name: '', id: '' },
    exercise,
    seed,
    kind: 'reference',
    startedAt: '',
    // The window's answers are the reference operator's; those before and after, the exercise's.
    log: played.log.map((entry) => {
      const decision =
        entry.command.type === 'dispatch' ? played.decisions[entry.command.decision] : null;
      const inWindow = decision && isTraineeDecision(decision, window, callTimes);
      return { ...entry, source: inWindow ? 'operator' : entry.source };
    }) as SessionFile['log'],
    annotations,
    // The built-in dispatcher answers at once.
    stamps: [
      ...calls.map((c) => ({ what: 'call' as const, number: c.id, shownAt: 0, doneAt: 0 })),
      ...played.decisions
        .filter((d) => isTraineeDecision(d, window, callTimes))
        .map((d) => ({ what: 'decision' as const, number: d.number, shownAt: 0, doneAt: 0 })),
    ],
    result: { traceDigest: traceDigest(played.trace), traceLength: played.trace.length },
  });
}

/** A checked, replayed session file and what replaying it gave. */
export interface VerifiedSession {
  file: SessionFile;
  prepared: PreparedExercise;
  trace: Trace;
  /** The decisions asked in the replay, by number. */
  decisions: DispatchDecision[];
}

export function verifySession(data: unknown, lang: Lang = 'en'): Parsed<VerifiedSession> {
  let value = data;
  if (typeof value === 'string') {
    const text = value.startsWith('\uFEFF') ? value.slice(1) : value;
    try {
      value = JSON.parse(text) as unknown;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, problems: [{ path: '', message: trainingText.notJson[lang](reason) }] };
    }
  }
  if (
    value === null ||
    typeof value !== 'object' ||
    (value as { format?: unknown }).format !== SESSION_FORMAT
  ) {
    return { ok: false, problems: [{ path: 'format', message: trainingText.notSession[lang] }] };
  }
  const parsed = SessionFile.safeParse(value);
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error, lang) };
  const file = parsed.data;
  const exercise = parseExercise(file.exercise, lang);
  if (!exercise.ok) {
    return {
      ok: false,
      problems: exercise.problems.map((p) => ({ ...p, path: `exercise.${p.path}` })),
    };
  }
  let prepared: PreparedExercise;
  try {
    prepared = prepareExercise(file.exercise, file.seed, lang);
  } catch (error) {
    if (error instanceof ExerciseError) {
      return {
        ok: false,
        problems: error.problems.map((p) => ({ ...p, path: `exercise.${p.path}` })),
      };
    }
    throw error;
  }
  let digest: string;
  let trace: Trace;
  let decisions: DispatchDecision[];
  try {
    const replayed = replayLog(prepared, file.log);
    trace = replayed.session.finishTrace();
    decisions = replayed.decisions;
    digest = `${traceDigest(trace)}:${trace.length}`;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: 'log', message: trainingText.logRejected[lang](why) }] };
  }
  if (digest !== `${file.result.traceDigest}:${file.result.traceLength}`) {
    return {
      ok: false,
      problems: [{ path: 'result', message: trainingText.digestMismatch[lang] }],
    };
  }
  // What replaying cannot check: the judgements and stamps, by the checksum.
  const { format: _f, version: _v, checksum, ...unsealed } = file;
  if (checksumOf(unsealed) !== checksum) {
    return { ok: false, problems: [{ path: 'checksum', message: trainingText.checksum[lang] }] };
  }
  return { ok: true, value: { file, prepared, trace, decisions } };
}

export function importSessionFile(data: unknown, lang: Lang = 'en'): Parsed<SessionFile> {
  const verified = verifySession(data, lang);
  return verified.ok ? { ok: true, value: verified.value.file } : verified;
}
