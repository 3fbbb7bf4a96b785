/**
 * Problems found in a case, as data: a code from a closed set, a path from the case root, a message saying
 * what is wrong and a hint saying how to fix it. Locations (line, column) are added by the parser when the
 * case came from text; the file name by the adapter that read it.
 *
 * Every code is listed in ISSUE_CODES with its default hint (used when the producer has no more specific
 * one) and in docs/case-format.md; a test keeps the two in step.
 */
export type Severity = 'error' | 'warning';

export type CasePath = (string | number)[];

/** Every issue code a case file can produce, with the hint shown when the producer gives none. */
export const ISSUE_CODES = {
  // Refusals before parsing
  binary: 'case files are UTF-8 YAML or JSON text',
  too_large: 'split the material: case files hold the model, not the articles behind it',
  too_deep: 'a case file is a few levels deep; check for runaway brackets or indentation',
  too_many_keys: 'a case file needs far fewer keys; check for generated or repeated content',
  alias_bomb: 'write the repeated content out or use fewer aliases',
  not_a_case: 'start the file with "format: 1"',
  // Reading a file
  not_found: 'check the path',
  not_a_file: 'give the path of a .yaml or .json case file',
  unreadable: 'check the file’s permissions and that the disk is readable',
  // YAML syntax (one per mistake)
  yaml_syntax: 'check indentation, colons and closing brackets or quotes on this line and the one before',
  yaml_unquoted_colon: 'quote this text: it contains ": "',
  yaml_unquoted_comma: 'quote this value: it contains ", " inside { }',
  yaml_bad_indent: 'line it up with its siblings (same number of spaces)',
  yaml_unclosed: 'close the bracket or quote, or quote a value that contains [ ] { }',
  yaml_tab_indent: 'indent with spaces, not tabs',
  yaml_duplicate_key: 'each key may appear once per mapping; remove or rename one',
  yaml_complex_key: 'write the key as plain text, or put the list under a named key',
  yaml_multiple_documents: 'a case file holds one document: remove the extra "---"',
  // Schema
  unknown_key: 'remove it or correct its spelling; the hint lists the keys allowed here',
  missing_field: 'add the field',
  wrong_type: 'write a value of the type named in the message',
  out_of_range: 'use a number inside the range named in the message',
  too_small: 'add entries or text until the minimum named in the message is met',
  too_big: 'shorten the text or list to the maximum named in the message',
  bad_date: 'write the date as YYYY-MM-DD, e.g. 2025-08-15',
  bad_format: 'write the value in the form named in the message (e.g. an id, a #rrggbb colour, a URL)',
  invalid_value: 'use one of the allowed values listed in the hint',
  redline_min_above_max: 'swap min and max, or correct one of them',
  redline_empty_spec: 'give the red line min, max or a list of acceptable options',
  override_target: 'name the actor, the issue or both that the override applies to',
  invalid: 'correct the value as the message says',
  // References and meaning
  duplicate_id: 'give each entry its own id',
  duplicate_stance: 'merge them or change one date',
  unknown_actor: 'use the id of an actor listed under "actors", or add the actor',
  unknown_issue: 'use the id of an issue listed under "issues", or add the issue',
  unknown_source: 'use the id of a source listed under "sources", or add the source',
  unknown_proposal: 'use the id of a proposal listed under "proposals"',
  unknown_option: 'use one of the option ids of the issue (or of the conflict)',
  off_scale: 'use an option id or one of the option values of the issue',
  options_order: 'order the options from 0 towards 100',
  redline_options_on_continuous: 'replace options with min and/or max',
  empty_redline: 'widen min/max or list acceptable options',
  redline_excludes_position: 'check the position or widen the red line',
  conflicting_settlement: 'make the points agree',
  duplicate_point: 'give each point its own number',
  date_order: 'swap the dates',
  parent_cycle: 'break the cycle: an actor cannot be its own ancestor',
  self_reference: 'name another proposal, or remove "supersedes"',
  bad_offsets: 'swap start and end',
  capability_change: 'give exactly one of "factor" or "set", e.g. factor: 0.8 for −20 %',
  more_problems: 'fix the problems shown and validate again to see the rest',
  id_mismatch: 'the case id in the file must match the id in the address; change one of them',
  // GMCR conflicts (checked with the case; see docs/gmcr.md)
  no_conflict: 'add one under `conflicts:` (see docs/gmcr.md)',
  unknown_conflict: 'use the id of a conflict listed under "conflicts"',
  ambiguous_conflict: 'choose one conflict with --conflict',
  duplicate_dm: 'list each actor once as a decision maker; give it all its options',
  duplicate_option: 'option ids are unique within a conflict',
  dm_without_options: 'give the decision maker at least one option, or remove it',
  unknown_dm: 'name a decision maker of this conflict',
  bad_statement: 'write the statement over option ids with AND, OR, NOT, IF, IFF and parentheses',
  never_matches: 'check the condition: no state can satisfy it',
  bad_coalitions: 'list each decision maker in at most one coalition',
  bad_direction: 'use both, fwd or back',
  bad_ranking: 'rank every feasible state once, by number or Y/N string',
  contradictory_condition: 'a condition cannot require an option to be taken and not taken',
  duplicate_statement: 'remove the repeated statement',
  empty_condition: 'give the condition at least one option',
  no_feasible_state: 'relax the infeasibility conditions: every state is ruled out',
  no_options: 'give the conflict at least one option',
  no_preferences: 'give the decision maker statements or a ranking',
  shared_option: 'give each option to one decision maker',
  too_few_dms: 'a graph model needs at least two decision makers',
  too_many_options: 'split the conflict or group options: the state space doubles with each option',
  too_many_statements: 'keep the statements to those that order the states',
  unowned_option: 'give the option to a decision maker',
  infeasible_status_quo: 'choose a feasible status quo, or relax the infeasibility conditions',
  // Import formats (KTAB, gmcr-py)
  bad_json: 'save the file as JSON',
  bad_gmcr: 'correct the .gmcr file as the message says (see docs/gmcr.md)',
  missing_key: 'add the key named in the message',
  xml_syntax: 'correct the XML at the place named in the message',
  xml_unreadable: 'save the file as UTF-8 XML',
  ktab_actor_count: 'give at least two actors',
  ktab_actor_name: 'give each actor a name',
  ktab_capability: 'write capability as a non-negative number',
  ktab_csv_columns: 'give each row the columns of the KTAB layout',
  ktab_csv_extra_fields: 'remove the extra fields',
  ktab_csv_extra_line: 'remove the extra line',
  ktab_csv_header: 'start the file with the KTAB header rows',
  ktab_csv_missing_actor: 'add the actor’s row',
  ktab_dimension_count: 'give at least one dimension',
  ktab_duplicate_actor: 'give each actor its own name',
  ktab_not_a_number: 'write a number',
  ktab_position_range: 'write positions from 0 to 100 (or 0 to 1)',
  ktab_salience_range: 'write saliences from 0 to 100 (or 0 to 1)',
  ktab_salience_sum: 'make an actor’s saliences sum to at most 100 (or 1)',
  ktab_salience_zero: 'give the actor a positive salience somewhere',
  ktab_too_long: 'shorten the text',
  ktab_xml_actor_not_found: 'name an actor defined in the file',
  ktab_xml_adjust: 'correct the adjustment entry',
  ktab_xml_adjust_sum: 'make the adjustments sum as KTAB expects',
  ktab_xml_count: 'make the counts match the entries',
  ktab_xml_empty: 'the file has no scenario',
  ktab_xml_missing: 'add the element named in the message',
  ktab_xml_no_ideal_adjustment: 'add the ideal-adjustment entries',
  ktab_xml_parameter: 'use a parameter value KTAB accepts',
  ktab_xml_root: 'the root element must be a KTAB scenario',
  ktab_xml_seed: 'write the seed as a whole number',
  // Engine preconditions of a forecast (src/engines/bargaining/validate.ts), refused alike by CLI and API
  too_few_actors: 'a forecast needs at least two actors with a stance on the issue',
  not_finite: 'write positions, saliences and capabilities as finite numbers',
  negative: 'capabilities are non-negative',
  shape: 'every actor needs a value for every issue',
  zero_capability: 'give at least one actor a capability above 0',
  zero_salience: 'give the actor a salience above 0 on some issue',
  no_dimensions: 'choose a later date, or add stances',
} as const;

export type CaseIssueCode = keyof typeof ISSUE_CODES;

/** The codes as a list (for zod enums in wire schemas). */
export const ISSUE_CODE_LIST = Object.keys(ISSUE_CODES) as [CaseIssueCode, ...CaseIssueCode[]];

export interface CaseIssue {
  code: CaseIssueCode;
  severity: Severity;
  path: CasePath;
  message: string;
  hint?: string | undefined;
  line?: number;
  column?: number;
  file?: string;
}

export function isIssueCode(code: string): code is CaseIssueCode {
  return Object.hasOwn(ISSUE_CODES, code);
}

/** The issue with the code's default hint when it carries none. */
export function withHint(issue: CaseIssue): CaseIssue {
  return issue.hint ? issue : { ...issue, hint: ISSUE_CODES[issue.code] };
}

/** Renders a path as `actors[2].redLine.min`. */
export function formatPath(path: CasePath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out === '' ? '(root)' : out;
}

/** One line per issue: `file:line:col: severity [code] path: message` followed by an indented hint. */
export function formatIssue(issue: CaseIssue): string {
  const where = [issue.file, issue.line, issue.column].filter((x) => x !== undefined).join(':');
  const head = `${where ? `${where}: ` : ''}${issue.severity} [${issue.code}] ${formatPath(issue.path)}: ${issue.message}`;
  return issue.hint ? `${head}\n    hint: ${issue.hint}` : head;
}

export function errorsOf(issues: readonly CaseIssue[]): CaseIssue[] {
  return issues.filter((i) => i.severity === 'error');
}
