// Vite plugin: writes a Brotli and a gzip copy next to every text file of the build, so that
// `duban serve` sends compressed files (@fastify/static `preCompressed`) without compressing on
// each request. Offices often reach a city's server through a slow extranet: the dashboard's
// scripts and styles shrink from ~2.8 MB to ~0.6 MB on the wire.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT = /\.(js|css|html|svg|json|txt)$/;

export function precompress(): Plugin {
  return {
    name: 'duban-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir!;
      for (const file of Object.values(bundle)) {
        if (!TEXT.test(file.fileName) || file.fileName.startsWith('.vite/')) continue;
        const raw = Buffer.from(file.type === 'chunk' ? file.code : file.source);
        if (raw.length < 512) continue;
        const br = brotliCompressSync(raw, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 10, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
        const gz = gzipSync(raw, { level: 9 });
        // A copy that is not clearly smaller is not worth a second file.
        if (br.length < raw.length * 0.9) writeFileSync(join(dir, `${file.fileName}.br`), br);
        if (gz.length < raw.length * 0.9) writeFileSync(join(dir, `${file.fileName}.gz`), gz);
      }
    },
  };
}
