// npm run bench:timeline [-- --corpus corpus --workers 1 --runs 5 --arms base=/other/tree/bin/lede.js,new=bin/lede.js]
// The serial parts of `lede run`, measured from inside: the run is spawned with LEDE_TRACE (src/io/trace.ts), which
// marks process start, modules loaded, checks done, threads created, the worker's modules and pipeline, the first
// batch, the last result, the corpus stages' finish, the id rewrite, the commit and exit, each with the wall time
// and the thread's and the process's CPU. Several arms (builds of other trees) run alternated (a b b a a b ...), so
// that a shared machine's load falls on both alike; medians per mark, and the process's user+sys CPU from outside.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {loadavg, tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {parseScriptArgs} from '../tools/lib/script-args.ts'

const root = new URL('..', import.meta.url).pathname
const {values} = parseScriptArgs({
  name: 'bench:timeline',
  about:
    'The start-up and tail of `lede run` from its LEDE_TRACE marks: wall ms since process start and CPU ms per mark, median over\n' +
    '--runs, for one or more builds (--arms name=path/to/bin/lede.js,...) run alternated.',
  options: {
    corpus: {type: 'string', default: 'corpus', value: '<dir>', description: 'corpus folder (default: the 4 seed articles)'},
    workers: {type: 'string', default: '1', check: 'number', description: '`lede run --workers`'},
    runs: {type: 'string', default: '5', check: 'number', description: 'runs per arm'},
    arms: {type: 'string', default: `this=${join(root, 'bin', 'lede.js')}`, value: '<name=bin,...>', description: 'builds to compare, each name=path of its bin/lede.js'},
  },
  example: 'npm run bench:timeline -- --runs 10 --arms base=../base/bin/lede.js,new=bin/lede.js',
})

const arms = values.arms.split(',').map((arm) => {
  const [name, path] = arm.split('=')
  return {name: name!, bin: resolve(path!)}
})
const runs = Number(values.runs)
const work = mkdtempSync(join(tmpdir(), 'lede-timeline-'))
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

interface Mark {
  name: string
  thread: number
  wallMs: number
  threadCpuMs: number
  processCpuMs: number
}

/** One traced run: its marks (wall relative to the process's start) and the user+sys CPU seconds the child used. */
function tracedRun(bin: string): {marks: Mark[]; cpuSeconds: number} {
  const out = join(work, 'out')
  const file = join(work, 'trace.tsv')
  rmSync(file, {force: true})
  const child = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, bin, 'run', values.corpus, '--out', out, '-q', '--workers', values.workers], {
    encoding: 'utf8',
    env: {...process.env, LEDE_TRACE: file},
  })
  // when the process was gone, seen from here: after its exit mark come the isolates' teardown and Node's own exit
  const ended = performance.timeOrigin + performance.now()
  if (child.status !== 0 && child.status !== 1) throw new Error(`lede run failed (exit ${child.status}): ${child.stderr}`)
  const [user, sys] = child.stderr.trim().split('\n').pop()!.split(' ').map(Number)
  const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => line.split('\t'))
  const start = Number(lines[0]![0])
  const marks = lines.map(([wall, thread, own, all, name]) => ({name: name!, thread: Number(thread), wallMs: Number(wall) - start, threadCpuMs: Number(own), processCpuMs: Number(all)}))
  marks.push({name: 'process-ended', thread: 0, wallMs: ended - start, threadCpuMs: NaN, processCpuMs: (user! + sys!) * 1000})
  return {marks, cpuSeconds: user! + sys!}
}

const results = new Map(arms.map((arm) => [arm.name, [] as Array<ReturnType<typeof tracedRun>>]))
console.log(`lede bench:timeline: ${values.corpus}, --workers ${values.workers}, ${runs} runs per arm (${arms.map((a) => `${a.name} ${a.bin}`).join('; ')}); load at start ${loadavg().map((x) => x.toFixed(2)).join(', ')}`)
// a b b a a b ...: each arm goes first as often as the other
const order = Array.from({length: runs * arms.length}, (_, i) => {
  const round = Math.floor(i / arms.length)
  const k = i % arms.length
  return arms[round % 2 === 0 ? k : arms.length - 1 - k]!
})
for (const arm of order) {
  const run = tracedRun(arm.bin)
  results.get(arm.name)!.push(run)
  const exit = run.marks.find((m) => m.name === 'exit')
  console.log(`  ${arm.name.padEnd(6)} exit at ${exit?.wallMs.toFixed(0)} ms, ${run.cpuSeconds.toFixed(2)} s CPU (load ${loadavg()[0]!.toFixed(2)})`)
}

// marks keyed by name and thread kind (main 0, worker threads any other id), in the order of the first arm's first run
const keyOf = (m: Mark) => `${m.thread === 0 ? 'main' : 'worker'} ${m.name}`
const keys = [...new Set([...results.values()].flatMap((rs) => rs.flatMap((r) => r.marks.map(keyOf))))]
const stat = (arm: string, key: string, field: 'wallMs' | 'threadCpuMs' | 'processCpuMs') =>
  median(results.get(arm)!.flatMap((r) => {
    const m = r.marks.find((x) => keyOf(x) === key)
    return m ? [m[field]] : []
  }))
console.log('')
console.log(`median per mark: wall ms since process start / the thread's CPU ms / the process's CPU ms`)
console.log(`${'mark'.padEnd(34)}${arms.map((a) => a.name.padStart(24)).join('')}`)
for (const key of keys) {
  const cells = arms.map((a) => `${stat(a.name, key, 'wallMs').toFixed(0)} / ${stat(a.name, key, 'threadCpuMs').toFixed(0)} / ${stat(a.name, key, 'processCpuMs').toFixed(0)}`)
  console.log(`${key.padEnd(34)}${cells.map((c) => c.padStart(24)).join('')}`)
}
// the serial parts as intervals of each run (medians of intervals, not differences of the medians above): wall ms,
// and the main thread's own CPU ms where the interval is the main thread's work alone
const between = (from: string, to: string, field: 'wallMs' | 'threadCpuMs') => (r: ReturnType<typeof tracedRun>) => {
  const a = r.marks.find((m) => m.thread === 0 && m.name === from)
  const b = r.marks.find((m) => m.thread === 0 && m.name === to)
  return a && b && Number.isFinite(b[field] - a[field]) ? [b[field] - a[field]] : []
}
for (const [label, from, to, field] of [
  ['start-up (process start -> first batch returned), wall', 'process-start', 'first-batch-returned', 'wallMs'],
  ['tail (last result -> process ended), wall', 'last-result', 'process-ended', 'wallMs'],
  ['corpus stages finish (finish-start -> finished-link), main CPU', 'finish-start', 'finished-link', 'threadCpuMs'],
  ['commit (commit-start -> commit-end), main CPU', 'commit-start', 'commit-end', 'threadCpuMs'],
  ['tail (last-result -> exit), main CPU', 'last-result', 'exit', 'threadCpuMs'],
] as const) {
  for (const a of arms) {
    const ms = results.get(a.name)!.flatMap(between(from, to, field))
    if (ms.length === 0) continue
    console.log(`${a.name}: ${label} median ${median(ms).toFixed(0)} ms, runs ${ms.map((x) => x.toFixed(0)).join(' ')}`)
  }
}
for (const a of arms) {
  const cpu = results.get(a.name)!.map((r) => r.cpuSeconds)
  console.log(`${a.name}: process CPU (user+sys, from outside) median ${median(cpu).toFixed(2)} s, runs ${cpu.map((c) => c.toFixed(2)).join(' ')}`)
}
console.log(`load at end ${loadavg().map((x) => x.toFixed(2)).join(', ')}`)
rmSync(work, {recursive: true, force: true})
