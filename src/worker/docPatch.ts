/**
 * What changed between two versions of the edited document, as a few patches, so that the
 * worker checking it keeps its own copy and is sent only the change: posting a 50 MB scenario
 * to the worker costs the page a structured clone of it on every edit. Versions share what an
 * edit did not touch (see copyForEdit in src/ui/workspace/history.ts), so the walk looks only
 * into what differs; long arrays with the same items are compared by identity, item by item.
 */

export type PatchPath = Array<string | number>;

export type DocPatch =
  | { path: PatchPath; set: unknown }
  | { path: PatchPath; remove: true }
  /** Items added at the end of an array whose earlier items are unchanged. */
  | { path: PatchPath; append: unknown[] };

/** Patches past which the whole document is sent instead. */
export const PATCH_LIMIT = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The patches that turn `before` into `after` (both objects), or null if there are more than
 * PATCH_LIMIT (send the whole document).
 */
export function diffDocs(before: unknown, after: unknown): DocPatch[] | null {
  const patches: DocPatch[] = [];
  const walk = (a: unknown, b: unknown, path: PatchPath): boolean => {
    if (a === b) return true;
    if (patches.length > PATCH_LIMIT) return false;
    if (Array.isArray(a) && Array.isArray(b)) {
      const common = Math.min(a.length, b.length);
      if (b.length >= a.length) {
        let same = 0;
        while (same < common && a[same] === b[same]) same++;
        if (same === common) {
          if (b.length > a.length) patches.push({ path, append: b.slice(a.length) });
          return true;
        }
      }
      if (a.length !== b.length) {
        patches.push({ path, set: b });
        return true;
      }
      for (let i = 0; i < b.length; i++) {
        if (a[i] !== b[i] && !walk(a[i], b[i], [...path, i])) return false;
      }
      return true;
    }
    if (isRecord(a) && isRecord(b)) {
      for (const key of Object.keys(b)) {
        if (!Object.hasOwn(a, key)) patches.push({ path: [...path, key], set: b[key] });
        else if (!walk(a[key], b[key], [...path, key])) return false;
      }
      for (const key of Object.keys(a)) {
        if (!Object.hasOwn(b, key)) patches.push({ path: [...path, key], remove: true });
      }
      return patches.length <= PATCH_LIMIT;
    }
    patches.push({ path, set: b });
    return true;
  };
  return walk(before, after, []) && patches.length <= PATCH_LIMIT ? patches : null;
}

/** Applies patches to a document in place (the worker's own copy); returns the document. */
export function applyPatches(doc: unknown, patches: readonly DocPatch[]): unknown {
  let root = doc;
  for (const patch of patches) {
    if (patch.path.length === 0) {
      if ('set' in patch) root = patch.set;
      continue;
    }
    let node = root as Record<string | number, unknown>;
    for (const segment of patch.path.slice(0, -1)) node = node[segment] as typeof node;
    const last = patch.path[patch.path.length - 1];
    if ('set' in patch) {
      Object.defineProperty(node, last, {
        value: patch.set,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else if ('remove' in patch) delete node[last];
    else {
      // One at a time: spreading a million items into push would overflow the stack.
      const list = node[last] as unknown[];
      for (const item of patch.append) list.push(item);
    }
  }
  return root;
}
