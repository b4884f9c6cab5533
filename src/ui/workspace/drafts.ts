/**
 * Field drafts: text typed into a field but not yet committed (no Enter, Tab or leaving the
 * field). They are saved beside the workspace so that a reload or a crash does not lose them,
 * and put back into their field when it shows the same value they were typed over.
 */
import { createSaveScheduler, type SaveScheduler } from './saveScheduler.ts';

export interface FieldDraft {
  /** The field's label as shown, for the restore message (never the internal path). */
  label: string;
  text: string;
  /** The value the field showed when the text was typed over it. */
  over: string;
}

/** Drafts by the field's path in the document (`units[0].crew`). */
export type DraftMap = Readonly<Record<string, FieldDraft>>;

export function withDraft(drafts: DraftMap, path: string, draft: FieldDraft): DraftMap {
  return { ...drafts, [path]: draft };
}

export function withoutDraft(drafts: DraftMap, path: string): DraftMap {
  if (!(path in drafts)) return drafts;
  const rest = { ...drafts };
  delete rest[path];
  return rest;
}

/** The draft to show in a field that now shows `shown`, if it was typed over that value. */
export function draftFor(drafts: DraftMap, path: string, shown: string): string | null {
  const draft = drafts[path];
  return draft && draft.over === shown ? draft.text : null;
}

/** Saved drafts as read back: anything malformed (an older version, damage) is dropped. */
export function readDraftMap(value: unknown): DraftMap {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const drafts: Record<string, FieldDraft> = {};
  for (const [path, draft] of Object.entries(value as Record<string, unknown>)) {
    if (typeof draft !== 'object' || draft === null) continue;
    const { label, text, over } = draft as Record<string, unknown>;
    if (typeof label === 'string' && typeof text === 'string' && typeof over === 'string') {
      drafts[path] = { label, text, over };
    }
  }
  return drafts;
}

export interface DraftStatus {
  count: number;
  /** True while the newest drafts are not yet written. */
  pending: boolean;
  /** False if the last write failed. */
  ok: boolean;
}

/**
 * The drafts of one page, written through to storage on every keystroke (coalesced while a
 * write is under way). Outside React: a keystroke re-renders only its own field; the header
 * hears of the count and the write state through `subscribe`.
 */
export class DraftStore {
  private drafts: DraftMap = {};
  private status: DraftStatus = { count: 0, pending: false, ok: true };
  private readonly saver: SaveScheduler<DraftMap>;
  private readonly listeners = new Set<(status: DraftStatus) => void>();

  constructor(write: (drafts: DraftMap) => Promise<void>) {
    this.saver = createSaveScheduler(write, (outcome) =>
      this.update({ pending: outcome.value !== this.drafts, ok: outcome.ok }),
    );
  }

  all(): DraftMap {
    return this.drafts;
  }

  /** Drafts read back from storage: they are on disk already. */
  restore(drafts: DraftMap): void {
    this.drafts = drafts;
    this.update({ count: Object.keys(drafts).length, pending: false, ok: true });
  }

  shownIn(path: string, shown: string): string | null {
    return draftFor(this.drafts, path, shown);
  }

  keep(path: string, draft: FieldDraft): void {
    this.change(withDraft(this.drafts, path, draft));
  }

  drop(path: string): void {
    this.change(withoutDraft(this.drafts, path));
  }

  /** Writes the drafts again (e.g. when the page is hidden), if anything is not yet written. */
  flush(): void {
    if (this.status.pending || !this.status.ok) this.saver.request(this.drafts);
  }

  subscribe(listener: (status: DraftStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  private change(next: DraftMap): void {
    if (next === this.drafts) return;
    this.drafts = next;
    this.update({ count: Object.keys(next).length, pending: true });
    this.saver.request(next);
  }

  private update(change: Partial<DraftStatus>): void {
    this.status = { ...this.status, ...change };
    for (const listener of this.listeners) listener(this.status);
  }
}
