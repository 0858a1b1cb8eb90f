// The parts of the server's source the web app may import, as a package boundary: `@duban/domain`
// (shared types, enums, limits and the API contract in src/domain/api), `@duban/workflow/*` (the
// report workflow's pure rules) and `@duban/assess/*` (the browser-safe assessor). Nothing else:
// eslint forbids reaching into ../src by relative paths. web/tsconfig.json maps the same names.
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../src/', import.meta.url));

export const dubanAliases = [
  { find: /^@duban\/domain$/, replacement: `${src}domain/index.ts` },
  { find: /^@duban\/(domain|workflow|assess)\/(.*)$/, replacement: `${src}$1/$2` },
];
