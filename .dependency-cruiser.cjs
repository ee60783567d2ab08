/**
 * The import graph of src/ (issue 15), checked by `npm run depcheck` (part of `npm run lint`).
 *
 * Layers, lowest first; imports flow downward only:
 *   domain     src/domain        pure rules (no Nest, no TypeORM)
 *   common     src/common, src/config   errors, HTTP plumbing, file helpers, validated configuration
 *   database   src/database      Db, data source, migrations, start-up checks
 *   features   src/<feature>     module, controller, service, repository, entities of one feature
 *   web        src/web           server-rendered pages over the features' services
 *   app        src/app, src/*.ts the application: module list, entity list, start-up, CLIs
 *
 * No import runs back up today. Feature folders must not import each other in a circle, and neither
 * may the sub-folders of one feature (src/registry: provinces, organizing-bodies, units, blocs, in
 * that order); since issue 15 items 2 and 3 no circle is left, so every one fails the check.
 * docs/architecture.md ("Imports flow downward") explains the order.
 */
const FEATURE = '^src/(?!domain/|common/|config/|database/|web/|app/)[^/]+/';
/** A feature's folder as the folder-scope rule names it (no trailing slash), sub-folders included. */
const FEATURE_FOLDER = '^src/(?!domain|common|config|database|web|app)[^/.]+';
const APP = '^src/(app/|[^/]+\\.ts$)';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'src/domain imports nothing else of src/ (the ESLint rule also forbids Nest and TypeORM).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/(?!domain/)' },
    },
    {
      name: 'common-below-database',
      comment: 'common and config serve every layer and import only the domain.',
      severity: 'error',
      from: { path: '^src/(common|config)/' },
      to: { path: '^src/(?!domain/|common/|config/)' },
    },
    {
      name: 'database-below-features',
      comment: 'The database layer knows no feature: the app layer gives it the entity list.',
      severity: 'error',
      from: { path: '^src/database/' },
      to: { path: '^src/(?!domain/|common/|config/|database/)' },
    },
    {
      name: 'features-below-web',
      comment: 'A feature never imports the web pages or the application layer.',
      severity: 'error',
      from: { path: FEATURE },
      to: { path: `^src/web/|${APP}` },
    },
    {
      name: 'web-below-app',
      comment: 'The web pages never import the application layer.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: APP },
    },
    {
      name: 'no-test-code-in-src',
      comment: 'Builders and fixtures live in test/builders and are imported only by tests.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'no-circular-between-features',
      comment: 'Two feature folders never import each other, directly or through others.',
      severity: 'error',
      scope: 'folder',
      from: { path: FEATURE_FOLDER },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Specs may reach across layers (e.g. the DTO rules walk every feature's DTOs).
    exclude: { path: '\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
