// ESLint (npm run lint, part of npm test): JavaScript's and typescript-eslint's recommended rules
// over the repository's own code. Formatting is Prettier's (npm run format), so ESLint's stylistic
// rules are off (eslint-config-prettier).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['.output/', '.wxt/', '.cache/', 'coverage/', 'assets/generated/', 'demo-screenshots/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  prettier,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks what is left out on purpose (a field split off with ...rest, an unused argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // A platform type that only names its supertype (types/core-platform.d.ts).
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
);
