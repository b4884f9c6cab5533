// seedrandom ships each generator as its own CommonJS file; only the main module is typed.
declare module 'seedrandom/lib/alea.js' {
  /** Alea's whole state: three fractions in [0, 1) and a carry. */
  export interface AleaState {
    s0: number;
    s1: number;
    s2: number;
    c: number;
  }
  interface Alea {
    (seed: string): () => number;
    (seed: string, options: { state: true }): (() => number) & { state(): AleaState };
  }
  const alea: Alea;
  export default alea;
}
