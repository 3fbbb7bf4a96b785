/**
 * Scenario overlays: a scenario's changes applied on top of a case give a new case, so every analysis runs
 * unchanged on "what if" variants. Stance changes override every dated stance of that actor on that issue,
 * so whichever stance an `asOf` date resolves to carries the change.
 */
import type { Case, Scenario, ScenarioChange, Stance } from './schema.js';
import { UnknownIdError } from '../kit/errors.js';

export class UnknownScenarioError extends UnknownIdError {
  constructor(
    readonly scenarioId: string,
    known: string[],
  ) {
    super(`case/scenario: no scenario "${scenarioId}" (known: ${known.join(', ') || 'none'})`, known);
  }
}

export function findScenario(c: Case, scenarioId: string): Scenario {
  const s = c.scenarios.find((x) => x.id === scenarioId);
  if (!s)
    throw new UnknownScenarioError(
      scenarioId,
      c.scenarios.map((x) => x.id),
    );
  return s;
}

/** The case with the scenario's changes applied (the input is not modified). */
export function applyScenario(c: Case, scenarioId: string): Case {
  return findScenario(c, scenarioId).changes.reduce(applyChange, c);
}

const EARLIEST = '0001-01-01';

function applyChange(c: Case, ch: ScenarioChange): Case {
  switch (ch.op) {
    case 'capability':
      return {
        ...c,
        actors: c.actors.map((a) =>
          a.id !== ch.actor ? a : { ...a, capability: ch.set ?? a.capability * (ch.factor ?? 1) },
        ),
      };
    case 'veto':
      return { ...c, actors: c.actors.map((a) => (a.id === ch.actor ? { ...a, veto: ch.veto } : a)) };
    case 'statusQuo':
      return {
        ...c,
        issues: c.issues.map((i) =>
          i.id !== ch.issue
            ? i
            : {
                ...i,
                statusQuo: {
                  date: i.statusQuo?.date ?? EARLIEST,
                  sources: [],
                  ...i.statusQuo,
                  position: ch.position,
                },
              },
        ),
      };
    case 'stance': {
      const matches = (s: Stance) => s.actor === ch.actor && s.issue === ch.issue;
      const patch = (s: Stance): Stance => {
        const next: Stance = { ...s };
        if (ch.position !== undefined) next.position = ch.position;
        if (ch.salience !== undefined) next.salience = ch.salience;
        if (ch.redLine === null) delete next.redLine;
        else if (ch.redLine !== undefined) next.redLine = ch.redLine;
        return next;
      };
      if (c.stances.some(matches))
        return { ...c, stances: c.stances.map((s) => (matches(s) ? patch(s) : s)) };
      if (ch.position === undefined || ch.salience === undefined) return c;
      const added: Stance = {
        actor: ch.actor,
        issue: ch.issue,
        date: EARLIEST,
        position: ch.position,
        salience: ch.salience,
        ...(ch.redLine ? { redLine: ch.redLine } : {}),
        sources: [],
      };
      return { ...c, stances: [...c.stances, added] };
    }
  }
}
