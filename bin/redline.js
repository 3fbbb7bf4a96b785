#!/usr/bin/env node
// Entry point of the `redline` command: runs the compiled CLI in dist/ (`npm run build` writes it).
try {
  await import('../dist/cli/bundle/entry.js');
} catch (err) {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli/bundle/entry.js')) {
    process.stderr.write('redline: the compiled CLI is missing; run `npm run build` first (or `npm run dev -- ARGS`)\n');
    process.exit(70);
  }
  throw err;
}
