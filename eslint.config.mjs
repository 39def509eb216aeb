// Boundaries are enforced here, each with the approved route in its message.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import officeAddins from 'eslint-plugin-office-addins';

const nodeModules = ['fs', 'path', 'os', 'child_process', 'crypto', 'stream', 'util', 'worker_threads'];
const officeGlobals = [
  { name: 'Office', message: 'Only src/adapters/office and src/taskpane/bootstrap touch Office: go through the WorkbookPort.' },
  { name: 'Excel', message: 'Only src/adapters/office touches Excel: go through the WorkbookPort.' },
];

// The plugin's own flat "recommended" also swaps in its parser (an older typescript-eslint), turns on
// eslint-plugin-prettier and sets ecmaVersion 6 for every file; only its office-addins/* rules are
// wanted here, at the levels it recommends, so they are taken from it rather than restated. Its
// rules know the request context only by the name `context` (not `ctx`): see src/adapters/office.
const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((config) => Object.entries(config.rules ?? {}))
    .filter(([name]) => name.startsWith('office-addins/')),
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    // Type-aware rules over src, test and bench: tsconfig.json includes all three.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['src/adapters/office/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: officeAddinsRules,
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'react/no-danger': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Cell text is never rendered as HTML: let React escape it.',
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'exceljs', message: 'src/core is pure: ExcelJS belongs in src/adapters/xlsx.' },
            { name: 'react', message: 'src/core is pure: UI belongs in src/taskpane.' },
            ...nodeModules.map((name) => ({ name, message: 'src/core is pure: file and process access belong in src/cli or an adapter.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'src/core is pure: Node built-ins belong in src/cli or an adapter.' },
            { group: ['@fluentui/*', 'react-dom', 'react-dom/*'], message: 'src/core is pure: UI belongs in src/taskpane.' },
            { group: ['**/adapters/**', '**/taskpane/**', '**/cli/**', '**/port/**'], message: 'src/core depends on nothing above it: move shared types into src/core.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...officeGlobals,
        { name: 'window', message: 'src/core is pure: no DOM.' },
        { name: 'document', message: 'src/core is pure: no DOM.' },
        { name: 'process', message: 'src/core is pure: pass options in.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src/core never reads the clock: the report date is passed in.' },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/adapters/office/**', 'src/taskpane/bootstrap/**', 'src/core/**'],
    rules: { 'no-restricted-globals': ['error', ...officeGlobals] },
  },
  {
    files: ['src/taskpane/**/*.tsx', 'src/taskpane/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
