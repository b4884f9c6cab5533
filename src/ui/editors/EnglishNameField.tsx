/**
 * The English name (`nameEn`) of an agency, district, unit or incident kind, under its name:
 * the English pages show it; cleared, the key goes and they show the Chinese name again.
 */
import { useStrings } from '../i18n.ts';
import { useWorkspace } from '../workspace/WorkspaceContext.tsx';
import { TextField } from './fields.tsx';
import { formatPath, textOf, setIn, type PathSegment } from './model.ts';
import { editorStrings } from './strings.ts';

export function EnglishNameField({
  at,
  entry,
  name,
}: {
  /** Path of the entry, e.g. ['agencies', 3]. */
  at: readonly PathSegment[];
  entry: unknown;
  /** The entry's name as the undo list says it. */
  name: string;
}) {
  const t = useStrings(editorStrings);
  const { edit } = useWorkspace();
  const segments = [...at, 'nameEn'];
  return (
    <TextField
      path={formatPath(segments)}
      label={`${t.nameEn} · ${name}`}
      hideLabel
      placeholder={t.nameEn}
      value={textOf(entry, 'nameEn')}
      onCommit={(text) =>
        edit(t.editNameEn(name), (draft) => setIn(draft, segments, text.trim() || undefined))
      }
    />
  );
}
