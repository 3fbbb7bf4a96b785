/** Vite build of the dashboard: web/ is the root, the bundle lands in web/dist (served by `redline serve`). */
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Writes .br and .gz beside every text asset so the server can send them precompressed. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'redline-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(_options, bundle) {
      for (const file of [...Object.keys(bundle), 'index.html']) {
        if (!/\.(js|css|html|svg)$/.test(file)) continue;
        const path = join(outDir, file);
        const data = readFileSync(path);
        if (data.length < 1024) continue;
        writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
        );
      }
    },
  };
}

export default defineConfig({
  root,
  // Relative asset paths so the dashboard works under any mount point.
  base: './',
  plugins: [react(), precompress()],
  build: {
    outDir: join(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rollupOptions: {
      output: {
        // One named chunk for the chart library, loaded only by views that draw charts.
        manualChunks: (id: string) => (/node_modules\/(echarts|zrender)\//.test(id) ? 'echarts' : undefined),
      },
    },
  },
  server: {
    // `vite --config web/vite.config.ts` during development proxies the API to a running `redline serve`.
    proxy: { '/api': process.env.REDLINE_API ?? 'http://127.0.0.1:4400' },
  },
});
