/**
 * The commented starter case that `redline init` writes: a small, valid, fictional negotiation that shows every
 * part of the case format once (actors with a veto and a person, an options issue and a continuous one, dated
 * stances with red lines and a source, one proposal, one event, one scenario), so a new user edits instead of
 * starting from a blank page. The test parses it with the real schema.
 */
export interface StarterOptions {
  id: string;
  title: string;
  /** The date the case is "as of" and the stances are dated from (YYYY-MM-DD). */
  date: string;
  /** The file name the commands in the header comment refer to. */
  file: string;
}

/** A YAML scalar safe to drop into the template (quoted, with quotes and backslashes escaped). */
function quoted(text: string): string {
  return JSON.stringify(text);
}

export function starterCase({ id, title, date, file }: StarterOptions): string {
  return `# yaml-language-server: $schema=./redline.schema.json
# A starter case written by \`redline init\`. Replace the fictional content with your own negotiation, then run
#   redline validate ${file}   (every problem at once, with line, column and a hint)
#   redline check ${file} draft-accord
#   redline serve ${file}   (the dashboard on http://127.0.0.1:4400)
# The format is described in docs/case-format.md; \`redline schema\` prints the JSON Schema for your editor.
format: 1
id: ${id}
title: ${quoted(title)}
description: >-
  What is being negotiated, between whom, and how the issues are oriented on their 0–100 scales.
asOf: ${date}

# Actors: capability is relative leverage over the outcome (any unit, the largest is often 100); veto: true
# marks those whose consent any settlement needs. Persons roll up to their parent (state, group, alliance).
actors:
  - id: north
    name: Northland
    kind: state
    capability: 60
    veto: true
    aliases: [Northland, Northern government, the northern capital]
  - id: south
    name: Southland
    kind: state
    capability: 40
    veto: true
    aliases: [Southland, Southern government]
  - id: mediator
    name: Regional Union
    kind: organisation
    capability: 20
    aliases: [the Union, Union mediators]
  - id: north-leader
    name: President of Northland
    kind: person
    parent: north
    capability: 0

# Issues live on 0–100. Options scales name ordered outcomes; continuous scales label a few anchors.
issues:
  - id: border
    name: Line of the border
    description: Where the border between the two states runs after a settlement.
    keywords: [border, boundary, demarcation]
    scale:
      kind: options
      options:
        - { id: north-claim, label: Northern claim line, value: 0 }
        - { id: split, label: Split the disputed strip, value: 50 }
        - { id: south-claim, label: Southern claim line, value: 100 }
    statusQuo: { position: split, date: ${date} }
  - id: troops
    name: Troops withdrawn from the strip
    description: Share of each side's forces withdrawn from the disputed strip, in per cent.
    keywords: [withdrawal, troops, forces]
    scale:
      kind: continuous
      anchors: [{ value: 0, label: No withdrawal }, { value: 100, label: Full withdrawal }]
    statusQuo: { position: 0, date: ${date} }

# Sources: every stance can cite one with a short quoted span.
sources:
  - id: memo-1
    title: Notes from the first round of talks
    publisher: Case author
    date: ${date}

# Stances: where an actor stands from a date on. salience 0–100 (how much the issue matters to it);
# redLine is the acceptable set: { min, max } on any scale and/or { options: [...] } on options scales.
stances:
  - actor: north
    issue: border
    date: ${date}
    position: north-claim
    salience: 80
    redLine: { options: [north-claim, split] }
    sources: [{ source: memo-1, quote: "the strip stays ours or is shared" }]
  - actor: south
    issue: border
    date: ${date}
    position: south-claim
    salience: 70
    redLine: { options: [split, south-claim] }
  - actor: north
    issue: troops
    date: ${date}
    position: 20
    salience: 40
    redLine: { max: 60 }
  - actor: south
    issue: troops
    date: ${date}
    position: 90
    salience: 60
    redLine: { min: 40 }
  - actor: mediator
    issue: troops
    date: ${date}
    position: 60
    salience: 50

# Proposals: numbered points in your own words; settles says which outcome each point sets.
proposals:
  - id: draft-accord
    title: Mediators' draft accord
    kind: plan
    date: ${date}
    authors: [mediator]
    points:
      - number: 1
        summary: The disputed strip is shared under joint administration.
        settles: [{ issue: border, position: split }]
      - number: 2
        summary: Both sides pull half of their forces out of the strip within six months.
        settles: [{ issue: troops, position: 50 }]

# Events: what happened, with a type from the event ontology (meet, propose, agree, reject, attack, ...).
events:
  - id: first-round
    date: ${date}
    type: meet
    actors: [north, south, mediator]
    summary: First round of talks under the Union's auspices.

# Scenarios: what-if overlays applied with --scenario ID.
scenarios:
  - id: south-hardens
    name: Southland rules out any shared strip
    changes:
      - { op: stance, actor: south, issue: border, redLine: { options: [south-claim] } }
`;
}
