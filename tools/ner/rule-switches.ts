/**
 * The recogniser's switchable rules as the research scripts take them on their command line (bench:ner,
 * score:ner-set): the beam, the two rules that can only be turned off, and the four that can be turned on or off
 * whatever their default, so a round can be scored with a rule before its default changes. One table and one reader,
 * where each script had its own copy of both.
 */
import {DEFAULT_BEAM, DEFAULT_CONSISTENCY, DEFAULT_EDGE_TRIM, DEFAULT_GIVEN_NAME_JOIN, DEFAULT_NAME_UNKNOWN, DEFAULT_ORG_CONTEXT, DEFAULT_ORG_COORDINATION, DEFAULT_ORG_EVIDENCE, DEFAULT_TWO_STAGE} from '../../src/ner/recognise.ts'
import {failUsage, type ScriptOption, type ScriptSpec} from '../lib/script-args.ts'

const onOff = (on: boolean) => (on ? 'on' : 'off')

/** The rule options of a script's table, spread into its `options`. */
export const RULE_SWITCH_OPTIONS = {
  beam: {type: 'string', default: String(DEFAULT_BEAM), check: 'number', description: 'beam width of the decoder'},
  'no-name-unknown': {type: 'boolean', default: false, description: 'turn off the unknown-name rule'},
  'no-consistency': {type: 'boolean', default: false, description: 'turn off the document label-consistency pass (src/ner/consistency.ts)'},
  'given-name-join': {type: 'boolean', default: false, description: `join a Title-case given name tagged MISC with the one-word PERSON after it (rule J, docs/ner.md nineteenth round; default ${onOff(DEFAULT_GIVEN_NAME_JOIN)})`},
  'no-given-name-join': {type: 'boolean', default: false, description: 'turn rule J off'},
  'edge-trim': {type: 'boolean', default: false, description: `trim a stray or wrapping bracket or quotation mark from a mention's edges (rule P, docs/ner.md twenty-first round; default ${onOff(DEFAULT_EDGE_TRIM)})`},
  'no-edge-trim': {type: 'boolean', default: false, description: 'turn rule P off'},
  'org-evidence': {type: 'boolean', default: false, description: `give ORG from context and form after tagging (rule O, docs/ner.md twenty-fifth round; default ${onOff(DEFAULT_ORG_EVIDENCE)})`},
  'no-org-evidence': {type: 'boolean', default: false, description: 'turn rule O off'},
  'org-context': {type: 'boolean', default: false, description: `make a place or person ORG when its sentence names it an organisation by apposition or coordination (rule D, docs/ner.md protocol D; default ${onOff(DEFAULT_ORG_CONTEXT)})`},
  'no-org-context': {type: 'boolean', default: false, description: 'turn rule D off'},
  'org-coordination': {type: 'boolean', default: false, description: `let rule D take a person coordinated only with organisations for one (its D3, docs/ner.md protocol D2; default ${onOff(DEFAULT_ORG_COORDINATION)})`},
  'no-org-coordination': {type: 'boolean', default: false, description: 'rule D without D3'},
  'two-stage': {type: 'boolean', default: false, description: `decode again where a name disagrees with its other occurrences, with the first pass's labels as features (docs/ner.md twenty-seventh round; default ${onOff(DEFAULT_TWO_STAGE)}; needs a model trained with --stage1)`},
  'no-two-stage': {type: 'boolean', default: false, description: 'turn the two-stage pass off'},
} satisfies Record<string, ScriptOption>

/** The values of those options, as parseScriptArgs gives them. */
export type RuleSwitchValues = {beam: string} & {[K in Exclude<keyof typeof RULE_SWITCH_OPTIONS, 'beam'>]: boolean}

/** The tagger options the switches give. */
export interface RuleSettings {
  beam: number
  nameUnknown: boolean
  consistency: boolean
  givenNameJoin: boolean
  edgeTrim: boolean
  orgEvidence: boolean
  orgContext: boolean
  orgCoordination: boolean
  twoStage: boolean
}

// the rules that can be turned on or off, with their option names and defaults
const PAIRS = [
  ['given-name-join', 'givenNameJoin', DEFAULT_GIVEN_NAME_JOIN],
  ['edge-trim', 'edgeTrim', DEFAULT_EDGE_TRIM],
  ['org-evidence', 'orgEvidence', DEFAULT_ORG_EVIDENCE],
  ['org-context', 'orgContext', DEFAULT_ORG_CONTEXT],
  ['org-coordination', 'orgCoordination', DEFAULT_ORG_COORDINATION],
  ['two-stage', 'twoStage', DEFAULT_TWO_STAGE],
] as const

/** Reads the switches: a rule given on takes it, off leaves it out, neither keeps its default; on and off at once is a usage error (exit 2). */
export function readRuleSwitches(spec: ScriptSpec, values: RuleSwitchValues): RuleSettings {
  const settings: RuleSettings = {
    beam: Number(values.beam),
    nameUnknown: DEFAULT_NAME_UNKNOWN && !values['no-name-unknown'],
    consistency: DEFAULT_CONSISTENCY && !values['no-consistency'],
    givenNameJoin: DEFAULT_GIVEN_NAME_JOIN,
    edgeTrim: DEFAULT_EDGE_TRIM,
    orgEvidence: DEFAULT_ORG_EVIDENCE,
    orgContext: DEFAULT_ORG_CONTEXT,
    orgCoordination: DEFAULT_ORG_COORDINATION,
    twoStage: DEFAULT_TWO_STAGE,
  }
  for (const [flag, key, fallback] of PAIRS) {
    const on = values[flag]
    const off = values[`no-${flag}`]
    if (on && off) failUsage(spec, `give --${flag} or --no-${flag}, not both`)
    settings[key] = on ? true : off ? false : fallback
  }
  return settings
}
