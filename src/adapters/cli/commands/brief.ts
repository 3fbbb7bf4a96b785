/**
 * `redline brief CASE`: a self-contained HTML briefing (executive summary, then actors, positions and each
 * proposal's point × actor matrix), to standard output or `-o FILE`, and optionally printed to PDF.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { computeBriefing } from '../../briefing/compute.js';
import { buildBriefingHtml } from '../../briefing/html.js';
import { loadForAnalysis } from '../case-input.js';
import { CliError, EXIT } from '../exit-codes.js';
import { color, print } from '../output.js';

interface BriefOptions {
  asOf?: string;
  scenario?: string;
  output?: string;
  pdf?: string;
}

export function register(program: Command): void {
  program
    .command('brief')
    .description(
      'write a self-contained HTML briefing of the case (executive summary first), optionally as PDF',
    )
    .argument('<case>', 'case file')
    .option('--as-of <date>', 'analysis date (YYYY-MM-DD); default: the case’s asOf or its latest date')
    .option('--scenario <id>', 'apply a scenario overlay first')
    .option('-o, --output <file>', 'write the HTML here instead of standard output')
    .option(
      '--pdf <file>',
      'also print the briefing to PDF with Chromium (CHROMIUM_PATH, else chromium on PATH)',
    )
    .action(async (file: string, opts: BriefOptions) => {
      const input = await loadForAnalysis(file, { ...opts, json: opts.output === undefined && !opts.pdf });
      const data = computeBriefing(input.case, { asOf: input.asOf, scenario: input.scenario });
      const html = buildBriefingHtml(input.case, data);
      if (opts.output) {
        await save(opts.output, html);
        print(color.dim(`wrote ${opts.output}`));
      } else if (!opts.pdf) process.stdout.write(html);
      if (opts.pdf) {
        const { htmlToPdf, NoChromiumError } = await import('../../briefing/pdf.js');
        let pdf: Buffer;
        try {
          pdf = await htmlToPdf(html);
        } catch (e) {
          if (e instanceof NoChromiumError) throw new CliError(`--pdf: ${e.message}`, EXIT.usage);
          throw new CliError(
            `--pdf: Chromium could not print the briefing: ${(e as Error).message}`,
            EXIT.invalid,
          );
        }
        await save(opts.pdf, pdf);
        print(color.dim(`wrote ${opts.pdf}`));
      }
    });
}

async function save(path: string, content: string | Buffer): Promise<void> {
  try {
    await writeFile(path, content);
  } catch (e) {
    throw new CliError(
      `${path}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
      EXIT.unreadable,
    );
  }
}
