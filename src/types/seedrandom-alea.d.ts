// seedrandom ships each generator as its own CommonJS file; only the main module is typed.
declare module 'seedrandom/lib/alea.js' {
  const alea: (seed: string) => () => number;
  export default alea;
}
