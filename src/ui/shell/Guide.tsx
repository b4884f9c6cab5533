/**
 * "How to start": five steps from opening a city to a comparison a planner can put in a report,
 * and how a trainer runs operator training, opened from the header's help button.
 */
import { useEffect, useRef } from 'react';
import { useStrings } from '../i18n.ts';
import { shellStrings } from './strings.ts';

export function Guide({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useStrings(shellStrings);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="guide"
      data-testid="guide"
      aria-labelledby="guide-heading"
      onClose={onClose}
    >
      <h2 id="guide-heading">{t.guideTitle}</h2>
      <ol>
        {t.guideSteps.map((step) => (
          <li key={step.title}>
            <strong>{step.title}</strong> {step.text}
          </li>
        ))}
      </ol>
      <h3>{t.guideDrillTitle}</h3>
      <p data-testid="guide-drill">{t.guideDrill}</p>
      <h3>{t.guideTrainingTitle}</h3>
      <ul>
        {t.guideTraining.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
      <p className="hint">{t.guideNote}</p>
      <div className="buttons">
        <button type="button" className="primary" data-testid="guide-close" onClick={onClose}>
          {t.guideClose}
        </button>
      </div>
    </dialog>
  );
}
