// npm run build (also run by `npm ci` / `npm install` through `prepare`): compiles the shipped TypeScript
// (src/, pipelines/) to plain JavaScript in dist/, so `lede` and every worker thread start without the tsx
// loader compiling the sources at run time. Two bundles (dist/cli.js for the main thread, dist/worker.js for
// worker threads) plus lazily loaded chunks for the commands that are not `run`; npm packages stay external but zod.
// dist/build-info.json lists every source file with its size and mtime: bin/lede.js runs the sources through
// tsx instead of a dist/ that is older than them (a developer's edit is never hidden by a stale build).
import {execFileSync} from 'node:child_process'
import {mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {dirname, join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {answerHelp} from './plain-args.mjs'
import {sourceKey} from './source-key.mjs'

answerHelp({
  name: 'build',
  about:
    'Compiles the shipped TypeScript (src/, pipelines/) with esbuild into dist/ (dist/cli.js, dist/worker.js and their chunks) and\n' +
    'writes dist/build-info.json and dist/type-vectors.bin; npm ci runs it through prepare. Takes no options.',
  example: 'npm run build',
})

let build
try {
  ;({build} = await import('esbuild'))
} catch {
  // an install without devDependencies (npm ci --omit=dev) has no esbuild: lede then runs its sources through tsx
  console.log('lede build: esbuild is not installed (devDependencies omitted); lede will run its TypeScript sources through tsx')
  process.exit(0)
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
const started = performance.now()

// `import.meta.url` keeps meaning "this source file": files next to a module (models/, package.json) and
// createRequire resolve exactly as they do from the sources, whatever bundle the module ended up in
const sourceUrl = {
  name: 'source-url',
  setup(b) {
    b.onLoad({filter: /\.ts$/}, (args) => {
      const text = readFileSync(args.path, 'utf8')
      if (!text.includes('import.meta.url')) return undefined
      const fromDist = relative(dist, args.path).split('\\').join('/')
      return {contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromDist)}, import.meta.url).href`), loader: 'ts'}
    })
  },
}

// marks every bare import external (as esbuild's `packages: 'external'` does) except the packages named, which are bundled
function externalPackagesBut(bundled) {
  return {
    name: 'external-packages',
    setup(b) {
      b.onResolve({filter: /^[^./]/}, (args) => {
        if (args.path.startsWith('node:')) return {path: args.path, external: true}
        const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0]
        return bundled.includes(name) ? undefined : {path: args.path, external: true}
      })
      // zod's table of every error-message locale (z.locales): lede never sets one, and its messages are English
      b.onLoad({filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/}, () => ({contents: 'export {default as en} from "./en.js"\n', loader: 'js'}))
    },
  }
}

rmSync(dist, {recursive: true, force: true})
mkdirSync(dist)
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    cli: 'src/cli.ts',
    worker: 'src/run/worker.ts',
    'build-type-vectors': 'scripts/build-type-vectors.ts',
    'build-char-tables': 'scripts/build-char-tables.ts',
  },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // esbuild's table says node20 lacks \p{…} in regular expressions, so it rewrote every such literal as
  // `new RegExp(…)`, built again at each evaluation (one inside a per-word function: once per word, ~1 µs each);
  // Node has had them since 10
  supported: {'regexp-unicode-property-escapes': true},
  // npm packages stay external (node_modules), but zod: its entry loads ~95 files in every thread at start, 60 of
  // them error-message locales lede never uses; bundled without them, each thread's start-up runs 5-12% fewer
  // instructions (docs/scale.md, "Start-up and tail of one worker")
  plugins: [sourceUrl, externalPackagesBut(['zod'])],
  // the executor starts dist/worker.js instead of the tsx entry when it runs from this build; the key of what this build
  // compiles (scripts/source-key.mjs): the type vectors it writes (below) carry it, and a run uses them only with the same key
  define: {__LEDE_BUNDLE__: 'true', __LEDE_SOURCE_KEY__: JSON.stringify(sourceKey(root))},
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
})
// the lock file too: zod is compiled into dist/, so a build older than an installed zod is stale like one older than src/
const sources = [...Object.keys(result.metafile.inputs).filter((path) => !path.includes('node_modules')), 'package-lock.json']
  .sort()
  .map((path) => {
    const info = statSync(join(root, path))
    return {path, size: info.size, mtimeMs: info.mtimeMs}
  })
writeFileSync(join(dist, 'build-info.json'), JSON.stringify({sources}, null, 1) + '\n')
console.log(`lede build: ${sources.length} source files -> dist/ in ${Math.round(performance.now() - started)} ms`)
// the character tables of src/text/chars.ts, as this build's code computes them on this Node.js: every thread of a
// run reads them instead of computing them at its load; a build that cannot write them still builds (threads compute them)
try {
  execFileSync(process.execPath, [join(dist, 'build-char-tables.js')], {stdio: 'inherit'})
} catch {
  console.log('lede build: no character tables written (see the error above); threads compute them at load')
}
// the word-type vectors of the model's known words, by this build's code (src/ner/type-vectors.ts); a build that cannot
// make them (no model file yet) still builds: runs then sum every type, as without the file
try {
  execFileSync(process.execPath, [join(dist, 'build-type-vectors.js')], {stdio: 'inherit'})
} catch {
  console.log('lede build: no word-type vectors written (see the error above); runs sum every word type themselves')
}
