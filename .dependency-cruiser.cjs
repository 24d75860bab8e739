'use strict';
/**
 * Architecture rules, checked in every test run (test/architecture). Paths are relative to
 * the folder depcruise runs in.
 *
 * Domain code is the pure core: libs named `*-domain`, and any `domain/` folder. It imports
 * no framework, no driver and no I/O module, and nothing of the project outside the domain.
 */
const DOMAIN = '(^|/)libs/[^/]+-domain/|(^|/)domain/';
// Resolved paths: packages as `…node_modules/<name>/…`, Node's core modules by bare name.
const FRAMEWORKS_DRIVERS_IO = [
  '(^|/)node_modules/(@nestjs|@kurrent|@eventstore|@fastify)/',
  '(^|/)node_modules/(kafkajs|pg|pg-pool|mongoose|mongodb|nodemailer|fastify|rxjs|class-validator|class-transformer)/',
  '^(node:)?(fs|fs/promises|net|http|https|http2|dgram|dns|tls|child_process|cluster|worker_threads|sqlite|os|process|crypto)$',
];

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'Domain code imports no framework, driver or I/O module: time, ids and secrets arrive in commands.',
      from: { path: DOMAIN },
      to: { path: FRAMEWORKS_DRIVERS_IO, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-imports-only-domain',
      severity: 'error',
      comment: 'Domain code depends on other domain code only.',
      from: { path: DOMAIN },
      to: { path: '^(apps|libs|tools|test)/', pathNot: DOMAIN },
    },
    {
      name: 'apps-do-not-import-each-other',
      severity: 'error',
      comment:
        'A service reaches another through the bus or HTTP, never by import. apps/portal, the one-process composition root, is the only exception.',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/portal/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'production-code-does-not-import-tests-or-tools',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: '\\.(spec|contract)\\.ts$' },
      to: { path: '^(test|tools)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|\\.cache)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
