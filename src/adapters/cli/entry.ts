/**
 * The `redline` process: runs the CLI on the process's arguments. `bin/redline.js` loads the compiled copy of
 * this module from dist/; `npm run dev -- ARGS` runs it from the sources under tsx.
 */
import { main } from './main.js';

// `redline ... | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

process.exitCode = await main(process.argv);
