/**
 * What a proposal settles: per issue, the value it sets and the points that set it. When two points set
 * one issue differently the later point wins and a warning says so (the case validator flags it too).
 */
import { maybePositionValue, type Case, type Issue, type Proposal } from '../../case/index.js';
import { UnknownIdError } from '../../kit/errors.js';

export interface Settlement {
  issue: string;
  value: number;
  /** Point numbers that set this issue, in order. */
  points: number[];
}

export interface ProposalTerms {
  proposal: Proposal;
  settlements: Map<string, Settlement>;
  warnings: string[];
}

export class UnknownProposalError extends UnknownIdError {
  constructor(
    readonly proposalId: string,
    known: string[],
  ) {
    super(`engines/redlines: no proposal "${proposalId}" (known: ${known.join(', ') || 'none'})`, known);
  }
}

export function findProposal(c: Case, id: string): Proposal {
  const p = c.proposals.find((x) => x.id === id);
  if (!p)
    throw new UnknownProposalError(
      id,
      c.proposals.map((x) => x.id),
    );
  return p;
}

/** Terms depend on the proposal and the issues only (not on a date): kept per proposal object. */
const termsCache = new WeakMap<Proposal, { issues: Case['issues']; terms: ProposalTerms }>();

/** What `proposal` settles. Shared between calls (the result of a pure function of immutable values): read-only. */
export function proposalTerms(c: Case, proposal: Proposal): ProposalTerms {
  const known = termsCache.get(proposal);
  if (known && known.issues === c.issues) return known.terms;
  const terms = computeTerms(c, proposal);
  termsCache.set(proposal, { issues: c.issues, terms });
  return terms;
}

function computeTerms(c: Case, proposal: Proposal): ProposalTerms {
  const issues = new Map<string, Issue>(c.issues.map((i) => [i.id, i]));
  const settlements = new Map<string, Settlement>();
  const warnings: string[] = [];
  for (const pt of proposal.points) {
    for (const st of pt.settles) {
      const issue = issues.get(st.issue);
      const value = issue ? maybePositionValue(issue, st.position) : undefined;
      if (value === undefined) continue;
      const prev = settlements.get(st.issue);
      if (prev && prev.value !== value)
        warnings.push(
          `point ${pt.number} sets "${st.issue}" to ${value} after point ${prev.points.at(-1)} set it to ${prev.value}; using ${value}`,
        );
      settlements.set(st.issue, { issue: st.issue, value, points: [...(prev?.points ?? []), pt.number] });
    }
  }
  return { proposal, settlements, warnings };
}
