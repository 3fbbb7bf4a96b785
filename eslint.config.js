// Flat config: typescript-eslint's recommended rules plus the dependency rule of ARCHITECTURE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const coreForbidden = {
  patterns: [
    { group: ['**/adapters/**'], message: 'The core must not import adapters (ARCHITECTURE.md).' },
    { group: ['node:*', 'fs', 'path', 'http', 'child_process', 'worker_threads'], message: 'The core does no I/O.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', 'dist/**', 'coverage/**', 'fixtures/**', '.coord/**', 'test-results/**', '.redline-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/case/**/*.ts', 'src/kit/**/*.ts', 'src/engines/**/*.ts', 'src/formats/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.worker.ts'],
    rules: {
      'no-restricted-imports': ['error', coreForbidden],
      'no-restricted-globals': ['error', { name: 'Date', message: 'Time arrives as an argument in the core.' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use a seeded generator from src/kit/random.ts.' }],
    },
  },
  {
    // Core tests check the core alone: anything that needs an adapter is a cross-cutting test under test/.
    files: ['src/case/**/*.test.ts', 'src/kit/**/*.test.ts', 'src/engines/**/*.test.ts', 'src/formats/**/*.test.ts', 'src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/adapters/**'], message: 'A core test must not import an adapter; put it under test/ (ARCHITECTURE.md).' }] }],
    },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/adapters/**'], message: 'The web app talks to the HTTP API only.' }] }],
    },
  },
);
