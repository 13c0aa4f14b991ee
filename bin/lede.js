#!/usr/bin/env node
// Runs the compiled build (dist/, made by `npm run build`, which `npm ci` runs through `prepare`): no TypeScript
// compilation at start-up, in this thread or in the worker threads. Without a build, or with one older than the
// sources (a development checkout after an edit), it runs the TypeScript sources through tsx's loader instead,
// so what runs is always what the sources say. LEDE_FROM_SOURCE=1 forces the sources (profiling, debugging).
import {appendFileSync, readFileSync, statSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {setFlagsFromString} from 'node:v8'
import {startModelRead} from './model-read.js'

// LEDE_TRACE=<file>: the run's timeline (src/io/trace.ts, same line format; docs/scale.md), from the process's start
function traceMark(name, wall = performance.timeOrigin + performance.now(), cpuMs) {
  if (!process.env.LEDE_TRACE) return
  const cpu = process.cpuUsage()
  let own = cpuMs
  try {
    own ??= Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6
  } catch {
    own = NaN
  }
  appendFileSync(process.env.LEDE_TRACE, `${wall.toFixed(1)}\t0\t${own.toFixed(1)}\t${(cpuMs ?? (cpu.user + cpu.system) / 1000).toFixed(1)}\t${name}\n`)
}
traceMark('process-start', performance.timeOrigin, 0)
traceMark('bin-start')
process.on('exit', () => traceMark('exit'))

// an older Node fails inside a dependency with a stack trace (an unknown flag, a missing API): say so in one line
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 20 || (major === 20 && minor < 10)) {
  process.stderr.write(`lede: needs Node.js 20.10 or newer; this is Node.js ${process.versions.node} (${process.execPath})\n`)
  process.exit(3)
}

// V8 optimises a function once it has run about 66 KB of its bytecode (the default interrupt budget), before
// its rarer paths have run: many of lede's functions were then compiled again after each new path deoptimised
// them, and every worker thread paid that compile time anew. Four times the budget lets the type feedback
// settle first (fewer, later compiles; less optimising-compiler CPU per thread, the hot code is as fast).
// V8 flags are per process, so this covers the worker threads started later. A flag given on the command line
// (node --interrupt-budget=… bin/lede.js) wins.
if (!process.execArgv.some((arg) => arg.startsWith('--interrupt-budget'))) setFlagsFromString('--interrupt-budget=270336')
// Every thread (isolate) compiles lede's hot code anew on V8's helper threads, and that compile time is most of
// what a second worker adds. Half V8's default cumulative inlining budget (920 bytes of bytecode inlined into one
// optimised function) makes each compile smaller while the compiled code runs as fast: on the 20 MB varied corpus
// with --workers 2, the helper threads' CPU fell from 9.2 / 10.0 s to 7.5 / 7.5 s, the worker threads' stayed
// 27.3 / 28.5 -> 27.3 / 28.0 s (docs/scale.md). A command-line value wins here too.
if (!process.execArgv.some((arg) => arg.startsWith('--max-inlined-bytecode-size-cumulative'))) setFlagsFromString('--max-inlined-bytecode-size-cumulative=460')

const root = new URL('../', import.meta.url)

function buildIsCurrent() {
  if (process.env.LEDE_FROM_SOURCE === '1') return false
  let info
  try {
    info = JSON.parse(readFileSync(new URL('dist/build-info.json', root), 'utf8'))
  } catch {
    return false
  }
  for (const {path, size, mtimeMs} of info.sources) {
    try {
      const now = statSync(new URL(path, root))
      if (now.size !== size || now.mtimeMs !== mtimeMs) return false
    } catch {
      return false
    }
  }
  return true
}

// a reader that stops early (`lede run --help | head -2`) closes the pipe: end quietly, as Unix tools do, instead
// of dying on an unhandled EPIPE with a stack trace
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

// `lede run` and `lede worker` check the NER model before any thread starts (~50 ms to read and inflate it): started
// here, in libuv's pool, it overlaps the CLI's module loading instead of following it (bin/model-read.js)
const command = process.argv[2]
if ((command === 'run' || command === 'worker') && !process.argv.includes('--help') && !process.argv.includes('-h')) {
  startModelRead(fileURLToPath(new URL('models/ner.bin', root)))
}

let main
traceMark('import-cli')
if (buildIsCurrent()) {
  ;({main} = await import('../dist/cli.js'))
} else {
  const {register} = await import('tsx/esm/api')
  register()
  ;({main} = await import('../src/cli.ts'))
}
traceMark('cli-loaded')
process.exitCode = await main(process.argv.slice(2))
