import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** new AppError(…) takes a definition from <feature>.errors.ts, never a literal (cast or not). */
const APP_ERROR_ARGUMENT = [
  {
    selector: "NewExpression[callee.name='AppError'] > ObjectExpression.arguments:first-child",
    message: 'Define the error in <feature>.errors.ts and pass it: new AppError(FeatureErrors.X, …).',
  },
  {
    selector:
      "NewExpression[callee.name='AppError'] > :matches(TSAsExpression, TSSatisfiesExpression, TSTypeAssertion).arguments:first-child",
    message: 'Define the error in <feature>.errors.ts and pass it: new AppError(FeatureErrors.X, …).',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', '*.js', '*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: './tsconfig.check.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    // Builders and fixtures belong to the tests: the app never imports them.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/test/**'], message: 'src/ must not import test code (test/builders is for tests).' }] }],
      // Error codes are defined once, in <feature>.errors.ts (issue 15 item 7).
      'no-restricted-syntax': ['error', ...APP_ERROR_ARGUMENT],
    },
  },
  {
    // …and nowhere else: an error definition's shape ({ code, kind, message }) outside those files.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.spec.ts', 'src/**/*.errors.ts', 'src/common/errors/app-error.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...APP_ERROR_ARGUMENT,
        {
          selector:
            "ObjectExpression:has(> Property[key.name='code']):has(> Property[key.name='kind']):has(> Property[key.name='message'])",
          message: 'An error definition ({ code, kind, message }) belongs in <feature>.errors.ts.',
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'express'], message: 'src/domain is pure: no framework or database imports.' },
            { group: ['../../*/**', '!../../domain/**'], message: 'src/domain must not import feature modules.' },
            { group: ['**/test/**'], message: 'src/ must not import test code (test/builders is for tests).' },
          ],
        },
      ],
    },
  },
  {
    // The domain's specs may use the builders of test/builders (pure data, no framework).
    files: ['src/domain/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'express'], message: 'src/domain is pure: no framework or database imports.' },
            {
              regex: '^\\.\\./\\.\\./(?!domain/|\\.\\./test/builders/)',
              message: 'src/domain specs import only the domain and test/builders.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
