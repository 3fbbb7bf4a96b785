/**
 * Options of the BDM expected-utility model. The defaults are the "reproduction variant" of BDM.md §3, the
 * implementation choices that reproduce Scholz, Calbert & Smith (2011) Table 2; each can be switched to the
 * reading of the published equations (BDM.md §2).
 */
import { z } from 'zod';

export const BdmOptionsSchema = z.strictObject({
  rounds: z.number().int().min(1).max(1000).default(8).describe('Number of rounds (Scholz reports 8).'),
  probability: z
    .enum(['scholz-code', 'normalised'])
    .default('scholz-code')
    .describe(
      "How P(i beats j) is computed: 'scholz-code' divides i's support by the total absolute support over all " +
        "voters and all ordered pairs of actors (BDM.md §3 step 2, needed for Table 2); 'normalised' divides by the " +
        'absolute support over the pair only (eqs. 30–31, so P(i,j) + P(j,i) = 1).',
    ),
  selection: z
    .enum(['scholz-code', 'least-movement'])
    .default('scholz-code')
    .describe(
      "Which compromise offer an actor accepts: 'scholz-code' takes the smallest EU-weighted position " +
        "(BDM.md §3 step 5, needed for rounds 6–8 of Table 2); 'least-movement' the one that moves it least (§6.2).",
    ),
  q: z
    .number()
    .min(0)
    .max(1)
    .default(1)
    .describe(
      'Probability Q that the status quo persists without a challenge (1 = BDM 1994 / Scholz Table 2; 0.5 = BDM 2009).',
    ),
  stopWhenStable: z.boolean().default(false).describe('Stop before `rounds` when a round moves nobody.'),
  outcome: z
    .enum(['median', 'mean'])
    .default('median')
    .describe(
      'Which summary of the final positions is the forecast: the median voter (default) or the c·s-weighted mean.',
    ),
});

export type BdmOptions = z.infer<typeof BdmOptionsSchema>;
export type BdmOptionsInput = z.input<typeof BdmOptionsSchema>;
export const DEFAULT_BDM_OPTIONS: BdmOptions = BdmOptionsSchema.parse({});
