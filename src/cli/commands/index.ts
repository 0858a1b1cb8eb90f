// Every sub-command module; main.ts registers them in this order.
export * as parse from './parse.js';
export * as assess from './assess.js';
export * as import from './import.js';
export * as migrate from './migrate.js';
export * as search from './search.js';
export * as backup from './backup.js';
export * as serve from './serve.js';
export * as user from './user.js';
export * as export from './export.js';
export * as diff from './diff.js';
export * as demo from './demo.js';
