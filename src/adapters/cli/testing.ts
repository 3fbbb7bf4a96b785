/** Test helper: runs the `redline` CLI in-process and captures its output and exit code. For tests only. */
import { main } from './main.js';

export interface CliRun {
  code: number;
  /** Standard output. */
  out: string;
  /** Standard error. */
  err: string;
}

export async function runCli(...args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const stdout = process.stdout.write.bind(process.stdout);
  const stderr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => (
    (out += String(chunk)),
    true
  )) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (
    (err += String(chunk)),
    true
  )) as typeof process.stderr.write;
  process.exitCode = undefined;
  try {
    return { code: await main(['node', 'redline', ...args]), out, err };
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
    process.exitCode = undefined;
  }
}
