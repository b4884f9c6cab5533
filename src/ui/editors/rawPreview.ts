/**
 * The raw JSON view of a big scenario: whether a document is too big to edit as text in the
 * page (its text would be hundreds of megabytes in a textarea), and the beginning of its text
 * in the same layout as prettyJson (model.ts), made without writing the rest.
 */

/** Values (objects, arrays, numbers, strings) past which the raw view is read-only. */
export const RAW_EDIT_LIMIT = 250_000;

/** Whether a document has more than `limit` values; stops counting there. */
export function isLargeDoc(doc: unknown, limit = RAW_EDIT_LIMIT): boolean {
  let count = 0;
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const value = stack.pop();
    if (++count > limit) return true;
    if (value === null || typeof value !== 'object') continue;
    const items = Array.isArray(value) ? value : Object.values(value);
    if (count + items.length > limit) return true;
    for (const item of items) stack.push(item);
  }
  return false;
}

class Full extends Error {}

/** The first `maxChars` or so of prettyJson(value); `complete` if that is all of it. */
export function previewJson(
  value: unknown,
  maxChars = 100_000,
): { text: string; complete: boolean } {
  const parts: string[] = [];
  let length = 0;
  const emit = (text: string) => {
    parts.push(text);
    length += text.length;
    if (length > maxChars) throw new Full();
  };
  const isPlain = (item: unknown) => item === null || typeof item !== 'object';
  const isPoint = (item: unknown) =>
    Array.isArray(item) && item.length === 2 && item.every((n) => typeof n === 'number');
  const write = (item: unknown, indent: string): void => {
    if (Array.isArray(item)) {
      if (item.length === 0) return emit('[]');
      const plain = item.every(isPlain);
      if (plain || item.every(isPoint)) {
        emit('[');
        item.forEach((v, i) => emit((i === 0 ? '' : plain ? ',' : ', ') + JSON.stringify(v)));
        return emit(']');
      }
      const inner = indent + '  ';
      emit('[\n');
      item.forEach((v, i) => {
        emit(inner);
        write(v, inner);
        emit(i < item.length - 1 ? ',\n' : '\n');
      });
      return emit(`${indent}]`);
    }
    if (item !== null && typeof item === 'object') {
      const entries = Object.entries(item).filter(([, v]) => v !== undefined);
      if (entries.length === 0) return emit('{}');
      const inner = indent + '  ';
      emit('{\n');
      entries.forEach(([key, v], i) => {
        emit(`${inner}${JSON.stringify(key)}: `);
        write(v, inner);
        emit(i < entries.length - 1 ? ',\n' : '\n');
      });
      return emit(`${indent}}`);
    }
    emit(JSON.stringify(item) ?? 'null');
  };
  try {
    write(value, '');
    return { text: parts.join(''), complete: true };
  } catch (error) {
    if (!(error instanceof Full)) throw error;
    const text = parts.join('').slice(0, maxChars);
    // End at a line's end: a cut mid-line reads like broken JSON.
    return { text: text.slice(0, Math.max(text.lastIndexOf('\n'), 0)), complete: false };
  }
}
