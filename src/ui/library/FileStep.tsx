/**
 * Pieces the library's dialogs share: the "choose a file" step (a labelled file input that reads
 * the file as text) and the list of problems, each with where it is.
 */
import { Fragment, useId, useState, type ReactNode } from 'react';
import { decodeText } from '../../scenarios/decode.ts';
import { isShapefileName } from '../../scenarios/geo/shapefile.ts';
import { useLanguage, useStrings } from '../i18n.ts';
import { Dialog } from './Dialog.tsx';
import type { TextFile } from './files.ts';
import { libraryStrings } from './strings.ts';

/** Problems listed before the rest are summarised: a broken file can have thousands. */
const PROBLEMS_SHOWN = 50;

export function FileStep({
  accept,
  testId,
  maxBytes,
  file,
  onFile,
  binary = false,
  shapefiles = false,
}: {
  accept: string;
  testId: string;
  /** Hand over the file's bytes undecoded (the import decodes them itself). */
  binary?: boolean;
  /** Also take a shapefile: its parts chosen together (or a .zip), read as bytes. */
  shapefiles?: boolean;
  /** Files larger than this are refused before they are read. */
  maxBytes?: number;
  file: TextFile | null;
  onFile: (file: TextFile) => void;
}) {
  const t = useStrings(libraryStrings);
  const language = useLanguage();
  const inputId = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="library-file-step">
      <input
        id={inputId}
        type="file"
        accept={accept}
        data-testid={testId}
        multiple={shapefiles}
        onChange={async (event) => {
          const all = [...(event.target.files ?? [])];
          const chosen = all[0];
          event.target.value = '';
          if (!chosen) return;
          const total = all.reduce((sum, one) => sum + one.size, 0);
          if (shapefiles && all.some((one) => isShapefileName(one.name))) {
            if (maxBytes !== undefined && total > maxBytes) {
              setError(t.tooLarge((total / 1048576).toFixed(1), maxBytes / 1048576));
              return;
            }
            try {
              const parts = await Promise.all(
                all.map(async (one) => ({
                  name: one.name,
                  bytes: new Uint8Array(await one.arrayBuffer()),
                })),
              );
              const main = all.find((one) => /\.(shp|zip)$/i.test(one.name)) ?? chosen;
              onFile({ name: main.name, text: '', parts });
              setError(null);
            } catch (reason) {
              setError(t.notReadable(reason instanceof Error ? reason.message : String(reason)));
            }
            return;
          }
          if (maxBytes !== undefined && chosen.size > maxBytes) {
            setError(t.tooLarge((chosen.size / 1048576).toFixed(1), maxBytes / 1048576));
            return;
          }
          try {
            const bytes = new Uint8Array(await chosen.arrayBuffer());
            if (binary) {
              onFile({ name: chosen.name, text: '', bytes });
              setError(null);
              return;
            }
            const decoded = decodeText(bytes, language);
            if (decoded.ok) {
              onFile({ name: chosen.name, text: decoded.text });
              setError(null);
            } else setError(decoded.message);
          } catch (reason) {
            setError(t.notReadable(reason instanceof Error ? reason.message : String(reason)));
          }
        }}
      />
      <label htmlFor={inputId} className="library-file-button">
        {file ? t.chooseOtherFile : t.chooseFile}
      </label>
      {file && (
        <span className="library-file-name" data-testid={`${testId}-name`}>
          {file.name}
        </span>
      )}
      {error && (
        <p className="problems" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function ProblemList({
  problems,
  testId,
}: {
  problems: ReadonlyArray<{ path: string; message: string }>;
  testId: string;
}) {
  const t = useStrings(libraryStrings);
  if (problems.length === 0) return null;
  return (
    <ul className="problems library-problems" data-testid={testId} aria-label={t.problems}>
      {problems.slice(0, PROBLEMS_SHOWN).map((problem, i) => (
        <li key={i} data-testid="problem">
          <code className="library-path">{problem.path || t.wholeFile}</code>
          {problem.message}
        </li>
      ))}
      {problems.length > PROBLEMS_SHOWN && (
        <li>{t.moreProblems(problems.length - PROBLEMS_SHOWN)}</li>
      )}
    </ul>
  );
}

/**
 * An import's dialog: its title and intro, the file step, and the import's own steps for the
 * file chosen (remounted for each new file, so nothing of the last one lingers).
 */
export function ImportDialog({
  title,
  intro,
  accept,
  testId,
  maxBytes,
  initialFile,
  onClose,
  steps,
  binary,
  shapefiles,
}: {
  binary?: boolean;
  shapefiles?: boolean;
  title: string;
  intro: string;
  accept: string;
  testId: string;
  maxBytes?: number;
  initialFile: TextFile | null;
  onClose: () => void;
  steps: (file: TextFile, onDone: () => void) => ReactNode;
}) {
  const [file, setFile] = useState<TextFile | null>(initialFile);
  return (
    <Dialog title={title} onClose={onClose} testId={`${testId}-dialog`} wide>
      <p className="hint library-intro">{intro}</p>
      <FileStep
        accept={accept}
        testId={`${testId}-file`}
        maxBytes={maxBytes}
        file={file}
        onFile={setFile}
        binary={binary}
        shapefiles={shapefiles}
      />
      {file && (
        <Fragment
          key={`${file.name} ${file.text.length} ${file.bytes?.length ?? 0} ${file.parts?.length ?? 0}`}
        >
          {steps(file, onClose)}
        </Fragment>
      )}
    </Dialog>
  );
}
