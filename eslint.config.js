import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SQL_ELSEWHERE =
  'SQL and table access belong in a *.repository.ts of the feature that owns the table, or in src/database (README: "Where SQL lives").';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  { files: ['bench/**', 'src/cli/**'], rules: { 'no-console': 'off' } },
  {
    // Where SQL lives (README): only a feature's repositories and the database layer touch tables.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.repository.ts', 'src/database/**', 'src/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(query|createQueryBuilder|getRepository)$/]',
          message: SQL_ELSEWHERE,
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(find|findOne|findBy|findOneBy|findAndCount|count|countBy|exists|existsBy|insert|update|upsert|delete|save|remove|increment|decrement)$/][callee.object.name=/^(m|manager|em|tx|runner)$/]',
          message: SQL_ELSEWHERE,
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(find|findOne|findBy|findOneBy|findAndCount|count|countBy|exists|existsBy|insert|update|upsert|delete|save|remove|increment|decrement)$/][callee.object.property.name="manager"]',
          message: SQL_ELSEWHERE,
        },
        {
          selector: 'Literal[value=/^\\s*(SELECT|INSERT|UPDATE|DELETE|WITH|PRAGMA)\\s/]',
          message: SQL_ELSEWHERE,
        },
        {
          selector: 'TemplateElement[value.raw=/^\\s*(SELECT|INSERT|UPDATE|DELETE|WITH|PRAGMA)\\s/]',
          message: SQL_ELSEWHERE,
        },
      ],
    },
  },
);
