/** Vite build of the dashboard: web/ is the root, the bundle lands in web/dist (served by `redline serve`). */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Relative asset paths so the dashboard works under any mount point.
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  server: {
    // `vite --config web/vite.config.ts` during development proxies the API to a running `redline serve`.
    proxy: { '/api': process.env.REDLINE_API ?? 'http://127.0.0.1:4400' },
  },
});
