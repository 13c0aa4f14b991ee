// npm run build:wasm: compiles wasm/beam.ts (AssemblyScript, the tagger's beam decoder) to WebAssembly and writes it
// base64 into src/ner/beam-wasm-bytes.ts, which is committed: installs, CI and `npm run build` never need the
// compiler. The compiler is fetched by npx at the pinned version (not a devDependency, so `npm ci` stays as it was).
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {createHash} from 'node:crypto'
import {answerHelp} from './plain-args.mjs'

answerHelp({
  name: 'build:wasm',
  about:
    'Compiles wasm/beam.ts (AssemblyScript, the tagger\'s beam decoder) to WebAssembly with the pinned compiler, fetched by\n' +
    'npx, and writes it base64 into src/ner/beam-wasm-bytes.ts (committed; the output is the same bit for bit). Takes no options.',
  example: 'npm run build:wasm',
})

const ASSEMBLYSCRIPT = 'assemblyscript@0.28.20'
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const scratch = mkdtempSync(join(tmpdir(), 'lede-wasm-'))
try {
  const out = join(scratch, 'beam.wasm')
  execFileSync('npx', ['--yes', '-p', ASSEMBLYSCRIPT, 'asc', join(root, 'wasm/beam.ts'), '-O3', '--runtime', 'stub', '--noAssert', '--enable', 'simd', '-o', out], {stdio: 'inherit'})
  const bytes = readFileSync(out)
  const sha = createHash('sha256').update(bytes).digest('hex').slice(0, 16)
  writeFileSync(
    join(root, 'src/ner/beam-wasm-bytes.ts'),
    `/** wasm/beam.ts compiled by \`npm run build:wasm\` (${ASSEMBLYSCRIPT}, -O3, SIMD; ${bytes.length} bytes, sha256 ${sha}...), base64: never edited by hand. */\nexport const BEAM_WASM_BASE64 =\n  '${bytes.toString('base64')}'\n`,
  )
  console.log(`lede build:wasm: wasm/beam.ts -> src/ner/beam-wasm-bytes.ts (${bytes.length} bytes, sha256 ${sha})`)
} finally {
  rmSync(scratch, {recursive: true, force: true})
}
