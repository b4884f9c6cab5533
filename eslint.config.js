import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

// The folders of src, read from disk so that a new folder is covered by the layering rules below.
const srcFolders = readdirSync(new URL('./src', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** A no-restricted-imports pattern for relative imports that reach into the given src folders. */
const intoSrcFolders = (folders, message) => ({
  regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`,
  message,
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'test-results',
      'test-results-*',
      'playwright-report',
      '.scratch',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The simulator must be deterministic: no wall clock, no unseeded randomness, no
    // engine-approximated maths. src/lib holds helpers the simulator runs, so the same applies.
    files: ['src/sim/**/*.ts', 'src/lib/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use a named seeded stream (src/sim/random.ts).',
        },
        { object: 'Date', property: 'now', message: 'No wall clock in src/sim or src/lib.' },
        {
          object: 'performance',
          property: 'now',
          message: 'No wall clock in src/sim or src/lib.',
        },
        ...[
          'log',
          'exp',
          'pow',
          'sin',
          'cos',
          'tan',
          'asin',
          'acos',
          'atan',
          'atan2',
          'log1p',
          'expm1',
          'hypot',
          'cbrt',
          'log2',
          'log10',
          'sinh',
          'cosh',
          'tanh',
        ].map((property) => ({
          object: 'Math',
          property,
          message:
            'Engines differ in the last bit here: use src/lib/detmath.ts so traces match in Node and the browser.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "BinaryExpression[operator='**']",
          message: 'Use x * x or detmath.pow: ** is engine-approximated.',
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'self'],
    },
  },
  {
    // Reference formulas for tests and reports, never used to write a trace.
    files: [
      'src/lib/detmath.ts',
      'src/sim/analysis/studentT.ts',
      'src/sim/queueing.ts',
      'src/sim/engine.ts',
    ],
    rules: { 'no-restricted-properties': 'off', 'no-restricted-syntax': 'off' },
  },
  {
    // The floor (docs: "The layout"): arrows point down only. The file format may use src/lib but
    // not the simulator or anything above it.
    files: ['src/scenarios/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            intoSrcFolders(
              ['sim', 'worker', 'ui', 'cli'],
              'src/scenarios may not import src/sim (or anything above it): move the shared helper to src/lib.',
            ),
          ],
        },
      ],
    },
  },
  {
    // src/lib is the bottom: pure helpers that import no other folder of src.
    files: ['src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            intoSrcFolders(
              srcFolders.filter((folder) => folder !== 'lib'),
              'src/lib imports no other folder of src: pass what it needs in, or move it to src/lib.',
            ),
          ],
        },
      ],
    },
  },
);
