// The fault suite at full size, as a report: the real CLI misused and killed the way a nightly job is.
// Prints one line per check with what it measured; exits 1 when any check fails.
// Usage: npm run bench:faults [-- --docs 200 --long-line-mb 5]
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {loadavg, tmpdir} from 'node:os'
import {join} from 'node:path'
import {checkOutput, filesUnder, fingerprint, fuzzCorpus, lede, newsCorpus, outputBytes, STAGING, stagedItems, until} from '../test/faults/kit.ts'
import {parseScriptArgs} from '../tools/lib/script-args.ts'

const {values} = parseScriptArgs({
  name: 'bench:faults',
  about: 'The fault suite at full size, as a report: the real CLI misused and killed the way a nightly job is; one line per check,\nexit code 1 when any check fails.',
  options: {
    docs: {type: 'string', default: '200', check: 'number', description: 'documents in the news corpus'},
    'long-line-mb': {type: 'string', default: '5', check: 'number', description: 'megabytes of the single-line document'},
  },
  example: 'npm run bench:faults -- --docs 50 --long-line-mb 1',
})
const DOCS = Number(values.docs)
const LONG_LINE = Number(values['long-line-mb']) * 1e6
const work = mkdtempSync(join(tmpdir(), 'lede-bench-faults-'))
let failed = 0
const report = (ok: boolean, what: string, detail: string) => {
  if (!ok) failed++
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${detail}`)
}
const same = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(a) === JSON.stringify(b)

console.log(`lede bench:faults, ${DOCS} documents, ${LONG_LINE / 1e6} MB single line, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`)
const corpus = await newsCorpus(join(work, 'corpus'), DOCS)
const ref = await lede(['run', corpus, '--out', join(work, 'reference'), '--quiet']).done
const reference = outputBytes(join(work, 'reference'))
report(ref.code === 0, 'reference run', `exit ${ref.code}, ${reference['articles.jsonl']?.split('\n').length ?? 0 - 1} article lines`)

// 1. output folder and input never overlap
for (const [name, outOf] of [
  ['out = corpus', (c: string) => c],
  ['out contains the corpus', (c: string) => join(c, '..')],
  ['out inside the corpus, holding other files', (c: string) => join(c, 'mine')],
] as const) {
  const dir = join(work, `overlap-${name.replace(/\W+/g, '-')}`)
  const c = join(dir, 'corpus')
  cpSync(corpus, c, {recursive: true})
  writeFileSync(join(c, 'articles.jsonl'), `${JSON.stringify({id: 'x', text: 'A user article.'})}\n`)
  cpSync(join(c, '0000.txt'), join(c, 'mine', 'keep.txt'), {recursive: true})
  const before = fingerprint(dir)
  const {code} = await lede(['run', c, '--out', outOf(c)]).done
  const unchanged = same(fingerprint(dir), before)
  report(code === 2 && unchanged, name, `exit ${code}, every input byte ${unchanged ? 'unchanged' : 'CHANGED'}`)
}

// 2. two concurrent runs
{
  const out = join(work, 'concurrent')
  const first = lede(['run', corpus, '--out', out, '--quiet'])
  await until(() => existsSync(join(out, 'lede.lock')))
  const second = await lede(['run', corpus, '--out', out, '--quiet']).done
  const firstDone = await first.done
  const check = checkOutput(out)
  const ok = second.code === 3 && /in use by another lede run/.test(second.stderr) && firstDone.code === 0 && check.problems.length === 0 && same(outputBytes(out), reference)
  report(ok, 'two concurrent runs', `second exit ${second.code} (${second.stderr.trim().slice(0, 90)}…), first exit ${firstDone.code}, output ${check.problems.length === 0 ? 'valid and identical' : check.problems.join('; ')}`)
}

// 3. kill -9 at several moments, then --resume
for (const share of [0, 0.1, 0.35, 0.6, 0.9]) {
  const out = join(work, `kill-${share}`)
  const run = lede(['run', corpus, '--out', out, '--quiet'], {LEDE_CHECKPOINT_MS: '200'})
  // a fast run may finish before the moment comes: then there is nothing to kill, and the check is skipped
  let exited = false
  void run.done.then(() => (exited = true))
  await until(() => exited || (existsSync(join(out, STAGING)) && stagedItems(out) >= Math.floor(share * DOCS)), 600_000)
  if (exited) {
    console.log(`skip kill -9 at ${share * 100}%: the run finished first`)
    continue
  }
  run.child.kill('SIGKILL')
  await run.done
  const staged = stagedItems(out)
  const killed = checkOutput(out)
  const resumed = await lede(['run', corpus, '--out', out, '--resume', '--quiet']).done
  const after = checkOutput(out)
  const identical = same(outputBytes(out), reference)
  report(
    killed.problems.length === 0 && resumed.code === 0 && after.problems.length === 0 && identical,
    `kill -9 at ${share * 100}% (${staged} inputs checkpointed)`,
    `after the kill ${killed.problems.length === 0 ? 'every .jsonl parses, no partial output set' : killed.problems.join('; ')}; --resume exit ${resumed.code}, JSONL ${identical ? 'byte-identical' : 'DIFFERENT'}`,
  )
}

// 4. kill -9 while replacing an earlier complete run
{
  const out = join(work, 'replace')
  cpSync(join(work, 'reference'), out, {recursive: true})
  const before = fingerprint(out)
  const other = await newsCorpus(join(work, 'other'), Math.ceil(DOCS / 2))
  const run = lede(['run', other, '--out', out, '--quiet'], {LEDE_CHECKPOINT_MS: '200'})
  // as in 3: a small --docs run can finish before two inputs are seen staged, and the wait then lasted its full 10 minutes
  let exited = false
  void run.done.then(() => (exited = true))
  await until(() => exited || stagedItems(out) >= 2, 600_000)
  if (exited) console.log('skip kill -9 while replacing a complete run: the run finished first')
  else {
    run.child.kill('SIGKILL')
    await run.done
    const after = fingerprint(out)
    const kept = Object.entries(before).every(([file, hash]) => after[file] === hash)
    const check = checkOutput(out)
    report(kept && check.problems.length === 0, 'kill -9 while replacing a complete run', `previous run ${kept ? 'intact' : 'DAMAGED'}, counts ${check.problems.length === 0 ? 'match the manifest' : check.problems.join('; ')}`)
  }
}

// 5. Ctrl-C
{
  const out = join(work, 'sigint')
  const run = lede(['run', corpus, '--out', out], {LEDE_CHECKPOINT_MS: '200'})
  let exited = false
  void run.done.then(() => (exited = true))
  await until(() => exited || stagedItems(out) >= Math.floor(DOCS / 3), 600_000)
  if (exited) console.log('skip SIGINT: the run finished first')
  else {
    run.child.kill('SIGINT')
    const {code, stderr} = await run.done
    const resumed = await lede(['run', corpus, '--out', out, '--resume', '--quiet']).done
    const identical = same(outputBytes(out), reference)
    const message = stderr.split('\n').find((l) => l.includes('interrupted')) ?? ''
    report(code === 130 && /--resume/.test(message) && resumed.code === 0 && identical, 'SIGINT', `exit ${code}, "${message.slice(0, 140)}…"; --resume ${identical ? 'byte-identical' : 'DIFFERENT'}`)
  }
}

// 6. a symbolic link is accounted for
{
  const dir = join(work, 'links')
  const c = join(dir, 'corpus')
  cpSync(join(corpus, '0000.txt'), join(c, 'a.txt'))
  cpSync(join(corpus, '0001.txt'), join(dir, 'elsewhere', 'b.txt'))
  symlinkSync(join(dir, 'elsewhere'), join(c, 'linked-folder'))
  symlinkSync(join(dir, 'gone.txt'), join(c, 'broken.txt'))
  const out = join(dir, 'out')
  const {code} = await lede(['run', c, '--out', out, '--quiet']).done
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
  const ok = code === 0 && manifest.inputs.files === 2 && manifest.inputs.skippedFiles.includes('broken.txt')
  report(ok, 'symbolic links', `a linked folder outside the corpus read (${manifest.inputs.files} files), broken link listed: ${JSON.stringify(manifest.inputs.skipped)}`)
}

// 7. fuzz corpus
{
  const dir = join(work, 'fuzz')
  const c = join(dir, 'corpus')
  const {jsonlLines} = await fuzzCorpus(c, {longLineBytes: LONG_LINE})
  const out = join(dir, 'out')
  const started = performance.now()
  const {code, stderr} = await lede(['run', c, '--out', out, '--quiet']).done
  const seconds = (performance.now() - started) / 1000
  const check = checkOutput(out)
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
  const onDisk = filesUnder(c)
  const listed = manifest.inputs.skippedFiles.filter((p: string) => onDisk.includes(p)).length
  const accounted = manifest.inputs.files + listed === onDisk.length
  const inputs = manifest.inputs.files - 2 + jsonlLines === manifest.inputs.documents + manifest.inputs.rejected
  report(
    (code === 0 || code === 1) && !/\n\s+at /.test(stderr) && check.problems.length === 0 && accounted && inputs,
    'fuzz corpus',
    `${onDisk.length} files on disk = ${manifest.inputs.files} read + ${listed} skipped; ${manifest.inputs.documents} documents + ${manifest.inputs.rejected} rejected; ` +
      `${manifest.inputs.skippedFiles.length - listed} links/pipes listed; every written line ${check.problems.length === 0 ? 'schema-valid' : check.problems.slice(0, 3).join('; ')}; exit ${code} in ${seconds.toFixed(1)} s`,
  )
}

rmSync(work, {recursive: true, force: true})
console.log(failed === 0 ? 'all checks passed' : `${failed} checks failed`)
process.exitCode = failed === 0 ? 0 : 1
