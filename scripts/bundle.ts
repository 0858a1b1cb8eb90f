// `npm run bundle`: one archive for a machine without network, duban-VERSION-linux-x64.tar.gz with
// the built server and web app, the production node_modules (better-sqlite3's native module
// included, built for this Node), the Node runtime itself, a Chinese font for PDF exports, and a
// start script. Unpack it anywhere and run `./duban serve`; nothing is downloaded (docs/operations.md).
//
//   npm run bundle [-- --out DIR] [--no-build] [--no-node]
//
// node_modules is copied from this checkout and pruned to production packages, not reinstalled: a
// reinstall would download again and would have to rebuild better-sqlite3.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const out = resolve(option('--out') ?? root);
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const name = `duban-${version}`;
const archive = join(out, `${name}-linux-${process.arch}.tar.gz`);
const log = (line: string) => process.stderr.write(`bundle: ${line}\n`);
const run = (cmd: string, cmdArgs: string[], cwd = root) =>
  execFileSync(cmd, cmdArgs, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });

/** Fonts that cover Chinese, in order of preference (Debian's packages). */
const FONTS = [
  ['/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', '/usr/share/doc/fonts-wqy-zenhei/copyright'],
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/doc/fonts-noto-cjk/copyright'],
];

if (process.platform !== 'linux') throw new Error('the bundle is made on Linux, for Linux');
if (!args.includes('--no-build')) {
  log('building the server and the web app');
  run('npm', ['run', 'build']);
}
for (const built of ['dist/cli/main.js', 'web/dist/index.html'])
  if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run npm run build first`);

const stage = mkdtempSync(join(tmpdir(), 'duban-bundle-'));
const dir = join(stage, name);
try {
  mkdirSync(dir);
  for (const part of ['bin', 'dist', 'data', 'web/dist', 'deploy', 'package.json', 'package-lock.json', 'README.md'])
    if (existsSync(join(root, part))) cpSync(join(root, part), join(dir, part), { recursive: true });
  log('copying node_modules and pruning it to production packages');
  cpSync(join(root, 'node_modules'), join(dir, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  run('npm', ['prune', '--omit=dev', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], dir);
  rmSync(join(dir, 'node_modules/.cache'), { recursive: true, force: true });

  if (!args.includes('--no-node')) {
    mkdirSync(join(dir, 'node/bin'), { recursive: true });
    copyFileSync(process.execPath, join(dir, 'node/bin/node'));
    chmodSync(join(dir, 'node/bin/node'), 0o755);
  }

  const font = FONTS.find(([file]) => existsSync(file));
  if (font) {
    mkdirSync(join(dir, 'fonts'));
    copyFileSync(font[0], join(dir, 'fonts', font[0].split('/').pop()!));
    if (existsSync(font[1])) copyFileSync(font[1], join(dir, 'fonts', 'COPYRIGHT'));
    writeFileSync(
      join(dir, 'fonts/fonts.conf'),
      // The system's fonts and ours; the start script points fontconfig here.
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir prefix="relative">.</dir>\n  <cachedir>~/.cache/duban-fontconfig</cachedir>\n</fontconfig>\n`,
    );
  } else log('no Chinese font found on this machine: PDF exports will need one on the target (fonts-wqy-zenhei)');

  writeFileSync(
    join(dir, 'duban'),
    `#!/bin/sh
# Start script of the duban bundle: the bundled Node (else the system's), the bundled Chinese font
# for PDF exports, and the bundled modules; nothing is downloaded. ./duban serve, ./duban config check …
here=$(cd "$(dirname "$0")" && pwd)
node="$here/node/bin/node"
[ -x "$node" ] || node=$(command -v node) || { echo "duban: Node.js 20 or 22 is needed (or a bundle with node/)" >&2; exit 2; }
[ -f "$here/fonts/fonts.conf" ] && [ -z "$FONTCONFIG_FILE" ] && export FONTCONFIG_FILE="$here/fonts/fonts.conf"
exec "$node" "$here/bin/duban.js" "$@"
`,
  );
  chmodSync(join(dir, 'duban'), 0o755);

  mkdirSync(out, { recursive: true });
  log(`writing ${archive}`);
  run('tar', ['-czf', archive, '-C', stage, name]);
  log(`done: ${(statSync(archive).size / 1024 / 1024).toFixed(1)} MB`);
  process.stdout.write(`${archive}\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
