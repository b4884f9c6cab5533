/** Adding, removing and moving the entries of a list in the drill document, each one edit. */
import { useStrings } from '../../i18n.ts';
import { useDrill } from '../DrillContext.tsx';
import { setValueAt, valueAt, type DrillDoc } from '../drillHistory.ts';
import { drillStrings } from '../strings.ts';

export interface ListEdit {
  add(entry: unknown): void;
  remove(index: number): void;
  move(index: number, by: -1 | 1): void;
  /** An id not used in the list yet: `prefix` + the next number. */
  freshId(prefix: string): string;
}

function listAt(doc: DrillDoc, path: string): unknown[] {
  const list = valueAt(doc, path);
  if (Array.isArray(list)) return list;
  const fresh: unknown[] = [];
  setValueAt(doc, path, fresh);
  return fresh;
}

export function useListEdit(path: string, what: string): ListEdit {
  const { edit, workspace } = useDrill();
  const t = useStrings(drillStrings);
  return {
    add: (entry) => edit(`${t.add}：${what}`, (draft) => void listAt(draft, path).push(entry)),
    remove: (index) =>
      edit(`${t.remove}：${what}`, (draft) => void listAt(draft, path).splice(index, 1)),
    move: (index, by) =>
      edit(`${by < 0 ? t.moveUp : t.moveDown}：${what}`, (draft) => {
        const list = listAt(draft, path);
        const target = index + by;
        if (target < 0 || target >= list.length) return;
        [list[index], list[target]] = [list[target], list[index]];
      }),
    freshId: (prefix) => {
      const list = valueAt(workspace?.doc, path);
      const ids = new Set(
        (Array.isArray(list) ? list : []).map((entry) => (entry as { id?: unknown })?.id),
      );
      let n = ids.size + 1;
      while (ids.has(`${prefix}${n}`)) n++;
      return `${prefix}${n}`;
    },
  };
}

export function ListButtons({
  list,
  index,
  count,
}: {
  list: ListEdit;
  index: number;
  count: number;
}) {
  const t = useStrings(drillStrings);
  return (
    <span className="drill-list-buttons">
      <button
        type="button"
        aria-label={t.moveUp}
        title={t.moveUp}
        disabled={index === 0}
        onClick={() => list.move(index, -1)}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label={t.moveDown}
        title={t.moveDown}
        disabled={index === count - 1}
        onClick={() => list.move(index, 1)}
      >
        ↓
      </button>
      <button
        type="button"
        aria-label={t.remove}
        title={t.remove}
        data-testid="remove-entry"
        onClick={() => list.remove(index)}
      >
        ✕
      </button>
    </span>
  );
}
