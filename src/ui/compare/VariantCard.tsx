/** One variant being defined: its name, its changes (checked as they are added) and a form for more. */
import { useMemo } from 'react';
import {
  applyVariant,
  describeOperation,
  type Variant,
  type VariantOperation,
} from '../../scenarios/variants.ts';
import { useLanguage, useStrings } from '../i18n.ts';
import type { ScenarioDoc } from '../workspace/history.ts';
import { OperationForm } from './OperationForm.tsx';
import { compareStrings } from './strings.ts';

export function VariantCard({
  index,
  doc,
  variant,
  disabled,
  onChange,
  onRemove,
}: {
  index: number;
  doc: ScenarioDoc;
  variant: Variant;
  disabled: boolean;
  onChange(variant: Variant): void;
  onRemove(): void;
}) {
  const t = useStrings(compareStrings);
  const language = useLanguage();
  const testId = `variant-${index}`;
  // Problems by operation, against the scenario as it is now (it may have been edited since).
  const problems = useMemo(() => {
    const result = applyVariant(doc, variant.operations, language);
    return result.ok
      ? new Map<number, string>()
      : new Map(result.problems.map((p) => [p.operation, p.message]));
  }, [doc, variant.operations, language]);
  const setOperations = (operations: VariantOperation[]) => onChange({ ...variant, operations });

  return (
    <section className="card compare-variant" data-testid={testId} aria-label={variant.name}>
      <div className="compare-variant-head">
        <label className="compare-variant-name">
          <span>{t.variantName}</span>
          <input
            data-testid={`${testId}-name`}
            value={variant.name}
            maxLength={60}
            disabled={disabled}
            onChange={(e) => onChange({ ...variant, name: e.target.value })}
          />
        </label>
        <button
          type="button"
          data-testid={`${testId}-remove`}
          aria-label={t.removeVariantNamed(variant.name)}
          title={t.removeVariantNamed(variant.name)}
          disabled={disabled}
          onClick={onRemove}
        >
          {t.removeVariant}
        </button>
      </div>
      {variant.operations.length === 0 ? (
        <p className="hint" data-testid={`${testId}-empty`}>
          {t.noOperations}
        </p>
      ) : (
        <ol className="compare-operations" data-testid={`${testId}-operations`}>
          {variant.operations.map((operation, i) => (
            <li key={i} data-invalid={problems.has(i) || undefined}>
              <span>{describeOperation(operation, doc, language)}</span>
              <button
                type="button"
                className="compare-remove-operation"
                aria-label={`${t.removeOperation}: ${t.operationNumber(i + 1)}`}
                title={t.removeOperation}
                disabled={disabled}
                onClick={() => setOperations(variant.operations.filter((_, j) => j !== i))}
              >
                ×
              </button>
              {problems.has(i) && (
                <p className="field-error" role="alert">
                  {problems.get(i)}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {!disabled && (
        <OperationForm
          doc={doc}
          testId={`${testId}-form`}
          onAdd={(operation) => setOperations([...variant.operations, operation])}
        />
      )}
    </section>
  );
}
