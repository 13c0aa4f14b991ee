import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {helpText, readScriptArgs, usageLine, type ScriptSpec} from '../../../tools/lib/script-args.ts'

const spec = {
  name: 'bench:demo',
  about: 'Measures the demo.',
  options: {
    mb: {type: 'string', default: '20', check: 'number', description: 'megabytes'},
    workers: {type: 'string', default: '1,2', check: 'numbers', description: 'worker counts'},
    out: {type: 'string', value: '<file>', description: 'where to write'},
    keep: {type: 'boolean', default: false, description: 'keep the corpus'},
  },
  example: 'npm run bench:demo -- --mb 5',
} satisfies ScriptSpec

describe('readScriptArgs', () => {
  it.each([
    {argv: [], values: {mb: '20', workers: '1,2', keep: false}},
    {argv: ['--mb', '5', '--keep'], values: {mb: '5', workers: '1,2', keep: true}},
    {argv: ['--mb=0.5', '--workers', '1,2,4', '--out', '/tmp/x'], values: {mb: '0.5', workers: '1,2,4', keep: false, out: '/tmp/x'}},
  ])('runs with $argv', ({argv, values}) => {
    expect(readScriptArgs(spec, argv)).toEqual({kind: 'run', values, positionals: []})
  })

  it.each([['--help'], ['-h'], ['--mb', '5', '--help'], ['--nope', '-h']])('answers help for %j, before any other check', (...argv) => {
    const result = readScriptArgs(spec, argv)
    expect(result.kind).toBe('help')
    const text = result.kind === 'help' ? result.text : ''
    for (const part of ['usage: npm run bench:demo --', 'Measures the demo.', '--mb <n>', '(default 20)', '--workers <n,n,...>', '(default 1,2)', '--out <file>', '--keep', '-h, --help', 'npm run bench:demo -- --mb 5']) {
      expect(text).toContain(part)
    }
  })

  it.each([
    {argv: ['--nope'], message: 'unknown option --nope'},
    {argv: ['-x'], message: 'unknown option -x'},
    {argv: ['--mb'], message: 'option --mb needs a value'},
    {argv: ['--keep=yes'], message: 'option --keep takes no value'},
    {argv: ['--mb', 'lots'], message: 'option --mb takes a number, not "lots"'},
    {argv: ['--workers', '1,,2'], message: 'option --workers takes numbers separated by commas, not "1,,2"'},
    {argv: ['stray'], message: 'unexpected argument stray'},
  ])('refuses $argv: $message', ({argv, message}) => {
    expect(readScriptArgs(spec, argv)).toEqual({kind: 'error', message, usage: usageLine(spec)})
  })

  it('requires a required option and accepts positionals only when the spec names them', () => {
    const withRequired = {...spec, options: {...spec.options, out: {...spec.options.out, required: true}}, positionals: '<command>'}
    expect(readScriptArgs(withRequired, [])).toMatchObject({kind: 'error', message: 'option --out is required'})
    expect(readScriptArgs(withRequired, ['stats', '--out', 'x'])).toMatchObject({kind: 'run', positionals: ['stats']})
    expect(usageLine(withRequired)).toBe('usage: npm run bench:demo -- <command> [--mb 20] [--workers 1,2] --out <file> [--keep]')
    expect(helpText(withRequired)).toContain('where to write (required)')
  })
})

// real scripts as users run them: fast ones only (argument parsing happens before any work), so CI time stays flat
describe('npm scripts answer --help and refuse bad options', () => {
  const run = (script: string, args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {cwd: new URL('../../..', import.meta.url).pathname, encoding: 'utf8', timeout: 30_000})

  it.each([
    ['bench/money.ts', 'usage: npm run bench:money -- [--mb 20]'],
    ['scripts/ner-set.ts', 'usage: npm run ner-set -- [stats | show <id>... | names]'],
    // a plain-Node build script (scripts/plain-args.mjs): before, --help ran the build
    ['scripts/build-wasm.mjs', 'usage: npm run build:wasm'],
    ['scripts/build.mjs', 'usage: npm run build'],
  ])('%s --help prints the usage and exits 0', (script, usage) => {
    const child = run(script, ['--help'])
    expect(child.status).toBe(0)
    expect(child.stdout).toContain(usage)
    expect(child.stdout).toContain('Example')
  })

  it('a bad option is one line and exit code 2, no stack trace', () => {
    const child = run('bench/segment.ts', ['--no-such-option'])
    expect(child.status).toBe(2)
    expect(child.stdout).toBe('')
    expect(child.stderr).toContain('bench:segment: unknown option --no-such-option')
    expect(child.stderr).toContain('usage: npm run bench:segment')
    expect(child.stderr).not.toContain('    at ')
  })

  // scripts/check-output.ts is no npm script but is in the README's list of them: a mistyped option was ignored (exit 0)
  it.each([
    [['test/gold', '--bogus'], /^check-output: Unknown option '--bogus'\nusage: /],
    [['test/gold', '--examples', 'x'], /^check-output: --examples takes a whole number, not "x"\nusage: /],
    [['test/gold', 'corpus'], /^check-output: give one output folder \(2 given\)\nusage: /],
  ])('check-output.ts %j is one line, the usage and exit code 2', (args, message) => {
    const child = run('scripts/check-output.ts', args)
    expect(child.status).toBe(2)
    expect(child.stdout).toBe('')
    expect(child.stderr).toMatch(message)
  })

  // every npm script that runs a file of bench/ or scripts/ reads its argv through the shared parser (or, on plain
  // Node, answerHelp), so its --help and its errors are the ones above: fuzz:stages had a parser of its own, which
  // did not answer -h and printed its own error format
  it('every npm script file reads its arguments through the shared parser', () => {
    const scripts = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {scripts: Record<string, string>}).scripts
    const files = Object.values(scripts).flatMap((command) => /\b((?:bench|scripts)\/[\w.-]+\.(?:ts|mjs))\b/.exec(command)?.[1] ?? [])
    expect(files.length).toBeGreaterThan(30)
    const own = files.filter((file) => !/\b(parseScriptArgs|answerHelp)\(/.test(readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8')))
    expect(own).toEqual([])
  })
})
