// One linter configuration for the whole repository (`npm run lint`), with the house's import
// directions (architecture.md) enforced where they matter most.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noLangium = { paths: [{ name: 'langium', message: 'rules and views read the ArchModel only' }], patterns: [{ group: ['langium/*', 'vscode-languageserver*', '**/language/*', '**/lsp/*'], message: 'rules and views read the ArchModel only' }] };

export default tseslint.config(
    { ignores: ['out/**', 'node_modules/**', 'server/src/language/generated/**', '.cache/**', 'test-results/**', '**/*.js', '!eslint.config.mjs'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
            '@typescript-eslint/no-non-null-assertion': 'off',
            'no-control-regex': 'off'
        }
    },
    { files: ['server/src/rules/**/*.ts', 'server/src/views/**/*.ts', 'server/src/docs/**/*.ts'], rules: { 'no-restricted-imports': ['error', noLangium] } },
    { files: ['server/src/**/*.ts'], ignores: ['server/src/cli/**', 'server/src/main.ts'], rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'the server never imports vscode' }] }] } },
    { files: ['client/src/**/*.ts'], rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'langium', message: 'the client never imports Langium' }], patterns: [{ group: ['langium/*'], message: 'the client never imports Langium' }] }] } },
    { files: ['client/webview/**/*.ts'], rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'the webview never imports vscode' }] }] } },
    { files: ['**/*.mjs'], languageOptions: { globals: globals.node } },
    { files: ['test/**/*.ts', 'scripts/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } }
);
