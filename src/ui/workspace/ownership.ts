/**
 * One owner per workspace across the tabs of this browser: the tab holding the Web Lock saves;
 * any other tab is a reader, kept up to date over a BroadcastChannel, and waits in the lock's
 * queue, so that it becomes the owner when the owning tab closes or crashes (the browser
 * releases a dead tab's locks).
 */

const LOCK = 'drill-planner-workspace';
const CHANNEL = 'drill-planner-workspace';

export type Role = 'owner' | 'reader';

/** Calls `onRole` with 'reader' and later 'owner', or with 'owner' at once. Returns a stop. */
export function claimWorkspace(onRole: (role: Role) => void): () => void {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  // Without Web Locks (an old browser) there is no way to agree: every tab owns, as before.
  if (!locks) {
    onRole('owner');
    return () => undefined;
  }
  const stop = new AbortController();
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const own = async () => {
    if (stop.signal.aborted) return;
    onRole('owner');
    await held;
  };
  // Asked a task later: React's development double mount claims and lets go at once, and a
  // claim that was never made cannot make the second mount a reader of the first.
  const asking = setTimeout(() => {
    void locks.request(LOCK, { ifAvailable: true }, async (lock) => {
      if (lock) return own();
      if (stop.signal.aborted) return;
      onRole('reader');
      locks.request(LOCK, { signal: stop.signal }, own).catch(() => undefined);
    });
  }, 0);
  return () => {
    clearTimeout(asking);
    stop.abort();
    release();
  };
}

/** The owner's word to readers that it saved; they then read the saved workspace again. */
let announcer: BroadcastChannel | null = null;

export function announceSaved(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  announcer ??= new BroadcastChannel(CHANNEL);
  announcer.postMessage({ kind: 'saved' });
}

export function onOwnerSaved(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as { kind?: unknown } | null;
    if (data?.kind === 'saved') listener();
  };
  return () => channel.close();
}
