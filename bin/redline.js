#!/usr/bin/env node
// Entry point of the `redline` command: registers tsx so the TypeScript sources run as they are.
import { register } from 'tsx/esm/api';

// `redline ... | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

register();
const { main } = await import('../src/adapters/cli/main.ts');
process.exitCode = await main(process.argv);
