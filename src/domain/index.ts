// The types every layer shares. Import from here, not from the files behind it.
export * from './status.js';
export * from './task.js';
export * from './assessment.js';
export * from './errors.js';
export * from './period.js';
export * from './light.js';
export * from './roles.js';
export * from './report.js';
export * from './task-seqs.js';
