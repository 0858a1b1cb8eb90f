// The web app is typed from the server's API contract (src/domain/api), not from a copy: change an
// answer's shape on the server and the web app's typecheck fails where a page reads it. Compiled
// with the TypeScript compiler API under web/tsconfig.json, against the real contract and against
// a copy with one field renamed; the program is one web module (the login state, which reads the
// session's CSRF token) and what it imports, so it takes seconds, not the whole app's typecheck.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const contractFile = `${root}src/domain/api/auth.ts`;
const webModule = `${root}web/src/auth/AuthContext.tsx`;

const config = ts.getParsedCommandLineOfConfigFile(
  `${root}web/tsconfig.json`,
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  },
)!;

// Library files (React's and TypeBox's types, lib.d.ts) are parsed once for both programs.
const parsed = new Map<string, ts.SourceFile>();

/** The web module's type errors, with `contractFile`'s text replaced by `contractText` when given. */
function webErrors(contractText?: string): string[] {
  const options = { ...config.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, fresh) => {
    if (contractText !== undefined && fileName === contractFile)
      return ts.createSourceFile(fileName, contractText, language);
    const known = parsed.get(fileName);
    if (known) return known;
    const file = read(fileName, language, onError, fresh);
    if (file && fileName.includes('/node_modules/')) parsed.set(fileName, file);
    return file;
  };
  const program = ts.createProgram({ rootNames: [webModule], options, host });
  expect(program.getSourceFile(contractFile), 'the web module reaches the contract').toBeDefined();
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('the web app follows the server', () => {
  const contract = readFileSync(contractFile, 'utf8');

  it('typechecks against the contract as it is', () => {
    expect(webErrors()).toEqual([]);
  });

  it("fails where a page reads a field the server's answer no longer has", () => {
    // The session's CSRF token, renamed in the server's answer only.
    const field = /^ {2}csrfToken: Nullable\(Type\.String\(\)\),$/m;
    expect(contract).toMatch(field);
    const errors = webErrors(contract.replace(field, '  csrfTokenV2: Nullable(Type.String()),'));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.startsWith(webModule))).toBe(true);
    expect(errors.join('\n')).toMatch(/Property 'csrfToken' does not exist/);
  });
});
