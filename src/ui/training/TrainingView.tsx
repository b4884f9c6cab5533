/**
 * Operator training (培训考核): the trainer's exercise setup, the trainee's seat, the score
 * sheet (考核表), the debrief against the reference, and the class table. The simulation runs
 * in the worker (src/worker/trainingApi.ts); this view holds what the pages share.
 */
import { useState } from 'react';
import type { ScoreSheet, SessionFile } from '../../training/api.ts';
import { useLanguage, useStrings } from '../i18n.ts';
import { useNavigation } from '../shell/navigation.ts';
import { ClassPage, type ClassEntry } from './ClassPage.tsx';
import { DebriefPage, type TakeSeat } from './DebriefPage.tsx';
import { journalBeforeCall, journalBeforeDecision } from './journal.ts';
import { ScoreSheetPage } from './ScoreSheetPage.tsx';
import { SeatPage } from './SeatPage.tsx';
import { SetupPage } from './SetupPage.tsx';
import { trainingStrings, type TrainingPage } from './strings.ts';
import { useSeat, type Finished, type NextExercise } from './useSeat.ts';
import './training.css';

const PAGES: TrainingPage[] = ['setup', 'seat', 'score', 'debrief', 'class'];

/** A scored session the score sheet and the debrief show: the trainee's own, or one imported. */
export interface Shown {
  file: SessionFile;
  sheet: ScoreSheet;
  text: string | null;
  /** The scenario's start (local date and time), for clock times. */
  start: string;
  /** Only a session played here can be taken up again midway. */
  journal: Finished['journal'];
}

export function TrainingView() {
  const t = useStrings(trainingStrings);
  const language = useLanguage();
  const { view } = useNavigation();
  const [page, setPage] = useState<TrainingPage>('setup');
  // A session resumed after a reload opens in the seat.
  const controller = useSeat(language, () => setPage('seat'));
  const [shown, setShown] = useState<Shown | null>(null);
  const [classEntries, setClassEntries] = useState<ClassEntry[]>([]);
  const [next, setNext] = useState<NextExercise | null>(null);

  const onFinished = (finished: Finished) => {
    setShown({
      file: finished.file,
      sheet: finished.sheet,
      text: finished.text,
      start: finished.start,
      journal: finished.journal,
    });
    setPage('score');
  };

  const takeSeat = async (from: TakeSeat) => {
    if (!shown?.journal) return;
    const journal =
      'call' in from
        ? journalBeforeCall(shown.journal, from.call)
        : journalBeforeDecision(shown.journal, from.decision);
    if (await controller.open(journal, { rebase: true })) {
      const call =
        'call' in from
          ? from.call
          : shown.sheet.costs.find((c) => c.decision === from.decision)?.call;
      controller.setNotice(t.fromHere((call ?? 0) + 1));
      setPage('seat');
    }
  };

  const active = view === 'training';
  const panel = (id: TrainingPage) => ({
    role: 'tabpanel',
    id: `training-page-${id}`,
    'aria-labelledby': `training-tab-${id}`,
    className: 'training-page',
    hidden: page !== id,
  });
  return (
    <div className="training" data-testid="training-view">
      <nav className="training-pages" role="tablist" aria-label={t.pagesLabel}>
        {PAGES.map((id, i) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`training-tab-${id}`}
            data-testid={`training-tab-${id}`}
            aria-selected={page === id}
            aria-controls={`training-page-${id}`}
            onClick={() => setPage(id)}
          >
            <span className="training-page-number">{i + 1}</span>
            {t.pages[id]}
          </button>
        ))}
      </nav>
      {/* The setup and the class keep their state (choices, imports) while hidden. */}
      <div {...panel('setup')}>
        <SetupPage
          controller={controller}
          onStarted={(after) => {
            setNext(after);
            setPage('seat');
          }}
          onResume={() => setPage('seat')}
        />
      </div>
      {page === 'seat' && (
        <div {...panel('seat')}>
          <SeatPage
            controller={controller}
            active={active && page === 'seat'}
            onFinished={onFinished}
          />
        </div>
      )}
      {page === 'score' && (
        <div {...panel('score')}>
          <ScoreSheetPage
            shown={shown}
            onDebrief={() => setPage('debrief')}
            next={next}
            busy={controller.busy}
          />
        </div>
      )}
      {page === 'debrief' && (
        <div {...panel('debrief')}>
          <DebriefPage shown={shown} onTakeSeat={(from) => void takeSeat(from)} />
        </div>
      )}
      <div {...panel('class')}>
        <ClassPage
          entries={classEntries}
          onEntries={setClassEntries}
          own={shown && shown.journal ? shown : null}
          onOpen={(entry) => {
            setShown({
              file: entry.file,
              sheet: entry.sheet,
              text: null,
              start: entry.start,
              journal: null,
            });
            setPage('score');
          }}
        />
      </div>
    </div>
  );
}
