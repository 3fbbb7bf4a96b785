/**
 * Graph-model (GMCR) conflicts inside a case file. Owned by the stability engine (src/engines/gmcr);
 * this placeholder is replaced by the full conflict schema.
 */
import { z } from 'zod';

export const ConflictSchema = z
  .looseObject({ id: z.string() })
  .describe('A Graph Model for Conflict Resolution conflict: decision makers, options, feasibility, preferences.');

export type ConflictInput = z.input<typeof ConflictSchema>;
