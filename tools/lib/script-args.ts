// The argument parser of every npm research script (bench/*.ts, scripts/*.ts): node:util parseArgs plus a usage
// text, so `--help` answers and a mistyped option is one clear line and exit code 2, never a Node stack trace.
// Kept outside src/ because the shipped CLI has its own parser (commander); only the research scripts use this.
import {isAbsolute, relative} from 'node:path'
import {parseArgs} from 'node:util'

/** One option of a script: its parseArgs type, default, what it does, and which values make sense. */
export interface ScriptOption {
  type: 'string' | 'boolean'
  default?: string | boolean
  short?: string
  /** `number`: a finite number; `numbers`: a comma-separated list of them. Checked before the script runs. */
  check?: 'number' | 'numbers'
  /** The script refuses to run without it. */
  required?: boolean
  /** The value's placeholder in the usage line (`<n>`, `<dir>`, ...). */
  value?: string
  description: string
}

/** What a script is, for its usage text. */
export interface ScriptSpec<O extends Record<string, ScriptOption> = Record<string, ScriptOption>> {
  /** The npm script name (`bench:money`). */
  name: string
  /** What the script measures or does, one or a few sentences. */
  about: string
  options: O
  /** Positional arguments as they appear in the usage line (`<command> [<id>...]`); none are accepted without it. */
  positionals?: string
  /** One or more example command lines. */
  example: string | string[]
}

type ValueOf<T extends ScriptOption> = T extends {type: 'boolean'} ? boolean : T extends {default: string} | {required: true} ? string : string | undefined

/** The parsed values, typed from the option table. */
export type ScriptValues<O extends Record<string, ScriptOption>> = {[K in keyof O]: ValueOf<O[K]>}

/** The outcome of reading argv: values to run with, the help text to print, or a usage error. */
export type ScriptArgs<O extends Record<string, ScriptOption>> =
  | {kind: 'run'; values: ScriptValues<O>; positionals: string[]}
  | {kind: 'help'; text: string}
  | {kind: 'error'; message: string; usage: string}

// defaults that are absolute paths are shown relative to where the user stands (npm runs scripts from the repository)
const shown = (value: string | boolean): string =>
  String(value)
    .split(',')
    .map((part) => (isAbsolute(part) ? relative(process.cwd(), part) || '.' : part))
    .join(',')

const placeholder = (name: string, option: ScriptOption): string => {
  if (option.type === 'boolean') return `--${name}`
  const value = option.value ?? (option.check === 'number' ? '<n>' : option.check === 'numbers' ? '<n,n,...>' : '<value>')
  return `--${name} ${option.default !== undefined && option.default !== '' ? shown(option.default) : value}`
}

/** The one-line synopsis: `usage: npm run <name> -- [--mb 20] [--keep] ...`. */
export function usageLine(spec: ScriptSpec): string {
  const parts = Object.entries(spec.options).map(([name, o]) => (o.required ? placeholder(name, o) : `[${placeholder(name, o)}]`))
  if (spec.positionals) parts.unshift(spec.positionals)
  return parts.length ? `usage: npm run ${spec.name} -- ${parts.join(' ')}` : `usage: npm run ${spec.name}`
}

/** The full `--help` text: what the script does, every option with its default, and examples. */
export function helpText(spec: ScriptSpec): string {
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` ${o.value ?? (o.check === 'numbers' ? '<n,n,...>' : o.check === 'number' ? '<n>' : '<value>')}` : ''}`
    const fallback = o.required ? ' (required)' : o.type === 'string' && o.default !== undefined && o.default !== '' ? ` (default ${shown(o.default)})` : ''
    return [flag, `${o.description}${fallback}`] as const
  })
  rows.push(['-h, --help', 'print this help and exit'])
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2
  const examples = Array.isArray(spec.example) ? spec.example : [spec.example]
  return [
    usageLine(spec),
    '',
    spec.about,
    '',
    'Options:',
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}${text.replaceAll('\n', `\n  ${' '.repeat(width)}`)}`),
    '',
    examples.length > 1 ? 'Examples:' : 'Example:',
    ...examples.map((e) => `  ${e}`),
  ].join('\n')
}

/** Turns parseArgs' error into one short sentence naming the option. */
function describeParseError(error: unknown): string {
  const code = (error as {code?: string}).code
  const message = error instanceof Error ? error.message : String(error)
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? ''
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${quoted}`
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument ${quoted}`
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = quoted.split(' ')[0]!.replace(/^-\w, /, '')
    return /does not take an argument/.test(message) ? `option ${option} takes no value` : `option ${option} needs a value`
  }
  return message.split('. ')[0]!
}

/** Reads argv against the spec without printing or exiting: the pure part, for tests. */
export function readScriptArgs<O extends Record<string, ScriptOption>>(spec: ScriptSpec<O>, argv: string[]): ScriptArgs<O> {
  const usage = usageLine(spec)
  const options: Record<string, {type: 'string' | 'boolean'; short?: string; default?: string | boolean}> = {help: {type: 'boolean', short: 'h'}}
  for (const [name, o] of Object.entries(spec.options)) {
    options[name] = {type: o.type, ...(o.short ? {short: o.short} : {}), ...(o.default !== undefined ? {default: o.default} : {})}
  }
  // --help wins over everything else on the line, so a user can always ask for it
  if (argv.some((a) => a === '--help' || a === '-h')) return {kind: 'help', text: helpText(spec)}
  let parsed
  try {
    parsed = parseArgs({args: argv, options, allowPositionals: spec.positionals !== undefined, strict: true})
  } catch (error) {
    return {kind: 'error', message: describeParseError(error), usage}
  }
  const values = parsed.values as Record<string, string | boolean | undefined>
  for (const [name, o] of Object.entries(spec.options)) {
    const value = values[name]
    if (o.required && (value === undefined || value === '')) return {kind: 'error', message: `option --${name} is required`, usage}
    if (typeof value !== 'string' || !o.check) continue
    const items = o.check === 'numbers' ? value.split(',') : [value]
    if (items.some((item) => item.trim() === '' || !Number.isFinite(Number(item)))) {
      return {kind: 'error', message: `option --${name} takes ${o.check === 'numbers' ? 'numbers separated by commas' : 'a number'}, not "${value}"`, usage}
    }
  }
  delete values.help
  return {kind: 'run', values: values as ScriptValues<O>, positionals: parsed.positionals}
}

/** Prints a usage error (one line naming the problem, then the usage line) to stderr and exits with code 2. */
export function failUsage(spec: ScriptSpec, message: string): never {
  console.error(`${spec.name}: ${message}\n${usageLine(spec)}\n(npm run ${spec.name} -- --help for every option)`)
  process.exit(2)
}

/** Parses the script's argv: prints the help and exits 0 on --help, exits 2 with one clear line on a bad option. */
export function parseScriptArgs<O extends Record<string, ScriptOption>>(
  spec: ScriptSpec<O>,
  argv: string[] = process.argv.slice(2),
): {values: ScriptValues<O>; positionals: string[]} {
  const result = readScriptArgs(spec, argv)
  if (result.kind === 'help') {
    console.log(result.text)
    process.exit(0)
  }
  if (result.kind === 'error') failUsage(spec, result.message)
  return {values: result.values, positionals: result.positionals}
}
