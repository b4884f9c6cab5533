/**
 * Shows a long view in stages, one per task: a report is a few thousand DOM and SVG nodes, and
 * mounting them in one go blocked the page for 200 ms or more (two long tasks at the end of every
 * run). Each stage mounts after the previous one painted.
 */
import { useEffect, useState } from 'react';

/** How many of `count` stages to show now; starts again at 1 when `key` changes. */
export function useStages(count: number, key: unknown): number {
  const [state, setState] = useState({ key, shown: 1 });
  const shown = state.key === key ? state.shown : 1;
  useEffect(() => {
    if (shown >= count) return;
    // After the next paint, in a task of its own.
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setState({ key, shown: shown + 1 }), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [count, key, shown]);
  return shown;
}
