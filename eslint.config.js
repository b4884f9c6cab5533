import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
    // The simulator must be deterministic: no wall clock, no unseeded randomness.
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Use a named seeded stream (src/sim/random.ts).',
        },
        { object: 'Date', property: 'now', message: 'No wall clock in src/sim.' },
        { object: 'performance', property: 'now', message: 'No wall clock in src/sim.' },
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
            'Engines differ in the last bit here: use src/sim/detmath.ts so traces match in Node and the browser.',
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
      'src/sim/detmath.ts',
      'src/sim/studentT.ts',
      'src/sim/queueing.ts',
      'src/sim/engine.ts',
    ],
    rules: { 'no-restricted-properties': 'off', 'no-restricted-syntax': 'off' },
  },
);
