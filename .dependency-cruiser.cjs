// Module boundaries (CONVENTIONS.md): domain libraries know nothing of Nest, Prisma, Redis or I/O;
// libraries never import apps; no cycles anywhere.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'domain-is-pure',
      comment: 'libs/math and libs/grading are plain TypeScript: no framework, database, queue or network.',
      severity: 'error',
      from: { path: '^libs/(math|grading)/' },
      to: {
        path: '(^libs/(db|queue|config|webhooks|inference)/)|(@nestjs|@prisma|bullmq|ioredis|(^|/)pg($|/)|node_modules/(openai|node-llama-cpp))',
      },
    },
    {
      name: 'math-below-grading',
      severity: 'error',
      from: { path: '^libs/math/' },
      to: { path: '^libs/grading/' },
    },
    {
      name: 'db-holds-no-decisions',
      comment:
        "libs/db only reads and writes rows: what is written and which events follow is the results service's (libs/results); grading and webhook rules stay out of it.",
      severity: 'error',
      from: { path: '^libs/db/' },
      to: { path: '^libs/(grading|math|webhooks|results|review|integrations|inference)/' },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-are-separate',
      comment: 'The API, worker and CLI share code only through libs/.',
      severity: 'error',
      from: { path: '^apps/(api|worker|cli)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'only-db-touches-prisma',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: '^libs/db/' },
      to: { path: '(@prisma/|libs/db/generated/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|libs/db/generated/)' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
