// The evidence types the web app offers are the ones the server accepts.
import { expect, it } from 'vitest';
import { ALLOWED_EXTENSIONS } from '../../src/server/routes/reports/upload.js';
import { EVIDENCE_EXTENSIONS } from '../../src/workflow/rules.js';

it('offers in the web app exactly the evidence types the server accepts', () => {
  expect([...EVIDENCE_EXTENSIONS].sort()).toEqual([...ALLOWED_EXTENSIONS].sort());
});
