// Bundles the `redline` command into dist/cli/bundle/ with esbuild: one entry (entry.ts), one entry per worker
// thread, and code-split chunks so each command loads only the modules it reaches (`--version` loads none).
// Type checking is tsc's job (`npm run typecheck`); `npm run build` also emits the library with declarations.
//
// Why dist/cli/bundle: modules locate the repository's examples/ and web/dist/ as `../../../` from their own
// URL (src/adapters/server/*.ts); a chunk three folders below the package root resolves them the same way.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/cli/bundle`;
const src = `${root}src/`;

// Small pure-JS dependencies are bundled (fewer files to resolve at start-up); the rest stay external:
// native modules, packages that read files beside themselves, and the large ones only some commands load.
const BUNDLED = new Set(['commander', 'picocolors', 'cli-table3', 'yaml', 'js-yaml', 'zod', 'pure-rand']);

/** Our modules export plain functions and data: one whose exports no command uses can be left out of a chunk. */
const SIDE_EFFECT_FREE_SOURCES = {
  name: 'redline-sources',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (a) => {
      const name = a.path.startsWith('@') ? a.path.split('/').slice(0, 2).join('/') : a.path.split('/')[0];
      return BUNDLED.has(name) ? undefined : { external: true };
    });
    b.onResolve({ filter: /^\./ }, async (a) => {
      if (a.pluginData === 'resolving' || !a.importer.startsWith(src)) return undefined;
      const r = await b.resolve(a.path, { kind: a.kind, resolveDir: a.resolveDir, pluginData: 'resolving' });
      if (r.errors.length > 0) return { errors: r.errors };
      return { path: r.path, sideEffects: false };
    });
  },
};

const started = Date.now();
await rm(outdir, { recursive: true, force: true });
const result = await build({
  metafile: true,
  entryPoints: {
    entry: 'src/adapters/cli/entry.ts',
    'monte-carlo-thread.worker': 'src/adapters/parallel/monte-carlo-thread.worker.ts',
    'monte-carlo.worker': 'src/adapters/parallel/monte-carlo.worker.ts',
    'stability.worker': 'src/adapters/parallel/stability.worker.ts',
    'ingest-prepare.worker': 'src/adapters/parallel/ingest-prepare.worker.ts',
    // The store loads its evidence plugin by a computed specifier ('./evidence-repo.js' beside the chunk).
    'evidence-repo': 'src/adapters/store/evidence-repo.ts',
  },
  absWorkingDir: root,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // Bundled CommonJS packages (commander, cli-table3) call require() for Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [SIDE_EFFECT_FREE_SOURCES],
  logLevel: 'warning',
});
if (process.env.BUILD_META) (await import('node:fs')).writeFileSync(process.env.BUILD_META, JSON.stringify(result.metafile));
process.stdout.write(`CLI bundle written to dist/cli/bundle/ in ${Date.now() - started} ms\n`);
