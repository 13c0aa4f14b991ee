// The house rules of docs/architecture.md, checked on the import graph: src/ folders ("rooms") form layers,
// no room imports a room of a higher layer, no two rooms import each other (directly or round a circle), and
// shipped code (what `lede` loads) imports exactly the runtime dependencies package.json declares.
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {builtinModules} from 'node:module'
import {dirname, join, relative, resolve, sep} from 'node:path'
import ts from 'typescript'
import {describe, expect, it} from 'vitest'

const root = resolve(dirname(new URL(import.meta.url).pathname), '..')

/** Layers, lowest first; a room may import its own layer or lower ones. Mirrors the diagram in docs/architecture.md. */
const LAYERS: readonly (readonly string[])[] = [
  ['doc', 'version'],
  ['schema', 'stage'],
  ['text'],
  ['adapters', 'names', 'ner', 'dates', 'numbers', 'money', 'clean', 'segment', 'dateline'],
  ['entities', 'quotes', 'link'],
  ['stages'],
  ['pipelines'],
  ['io'],
  ['run', 'eval', 'export', 'view'],
  ['cli'],
]
const RANK = new Map(LAYERS.flatMap((rooms, rank) => rooms.map((room) => [room, rank] as const)))

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listSources(path) : /\.(ts|mjs|js)$/.test(name) ? [path] : []
  })
}

// the room of a file: its folder under src/ (a file directly in src/ is its own room), or "pipelines"
function roomOf(path: string): string {
  const parts = relative(root, path).split(sep)
  if (parts[0] === 'pipelines') return 'pipelines'
  return parts.length === 2 ? parts[1]!.replace(/\.(ts|mjs|js)$/, '') : parts[1]!
}

// every specifier a file loads: static and dynamic imports, re-exports, require() (natural is loaded by path)
function specifiersOf(path: string): string[] {
  const source = readFileSync(path, 'utf8')
  const found: string[] = []
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push((m[1] ?? m[2] ?? m[3] ?? m[4])!)
  }
  return found
}

const files = [...listSources(join(root, 'src')), ...listSources(join(root, 'pipelines'))]
const edges = new Map<string, Set<string>>()
const because = new Map<string, string>()
for (const file of files) {
  for (const spec of specifiersOf(file)) {
    if (!spec.startsWith('.')) continue
    const target = resolve(dirname(file), spec)
    // an import from outside src/ and pipelines/ is no room's: the "doors" tests below name it
    if (!/^(src|pipelines)$/.test(relative(root, target).split(sep)[0]!)) continue
    const from = roomOf(file)
    const to = roomOf(target)
    if (from === to) continue
    if (!edges.has(from)) edges.set(from, new Set())
    edges.get(from)!.add(to)
    because.set(`${from} -> ${to}`, relative(root, file))
  }
}

describe('import graph of src/ and pipelines/', () => {
  it('places every room in a layer', () => {
    const rooms = [...new Set(files.map(roomOf))].sort()
    expect(rooms.filter((room) => !RANK.has(room))).toEqual([])
  })

  it('has no import from a lower layer to a higher one', () => {
    const upward: string[] = []
    for (const [from, tos] of edges) {
      for (const to of tos) if (RANK.get(from)! < RANK.get(to)!) upward.push(`${from} -> ${to} (${because.get(`${from} -> ${to}`)})`)
    }
    expect(upward.sort()).toEqual([])
  })

  it('has no circle between rooms', () => {
    const circles: string[] = []
    const state = new Map<string, 'open' | 'done'>()
    const path: string[] = []
    const visit = (room: string): void => {
      state.set(room, 'open')
      path.push(room)
      for (const next of edges.get(room) ?? []) {
        if (state.get(next) === 'open') circles.push([...path.slice(path.indexOf(next)), next].join(' -> '))
        else if (!state.has(next)) visit(next)
      }
      path.pop()
      state.set(room, 'done')
    }
    for (const room of [...edges.keys()].sort()) if (!state.has(room)) visit(room)
    expect(circles).toEqual([])
  })
})

describe('dependencies', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {dependencies: Record<string, string>; devDependencies: Record<string, string>}
  const packageOf = (spec: string): string => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!)
  const builtins = new Set(builtinModules)

  // what `lede` loads: bin/lede.js and everything reachable from it through relative imports
  const shipped = new Set<string>()
  const packages = new Map<string, string>()
  const queue = [join(root, 'bin/lede.js'), join(root, 'src/cli.ts'), join(root, 'src/run/worker-entry.mjs')]
  while (queue.length > 0) {
    const file = queue.pop()!
    // dist/ is compiled from the sources walked here (bin/lede.js loads it when current); it may not exist yet
    if (shipped.has(file) || relative(root, file).startsWith('dist/')) continue
    shipped.add(file)
    for (const spec of specifiersOf(file)) {
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec)
        if (/\.(ts|mjs|js)$/.test(target)) queue.push(target)
      } else if (!spec.startsWith('node:') && !builtins.has(spec)) packages.set(packageOf(spec), relative(root, file))
    }
  }

  it('ships code that imports only declared runtime dependencies', () => {
    const undeclared = [...packages].filter(([name]) => !(name in manifest.dependencies)).map(([name, file]) => `${name} (${file})`)
    expect(undeclared).toEqual([])
  })

  it('declares as runtime dependencies only packages shipped code imports', () => {
    const unused = Object.keys(manifest.dependencies).filter((name) => !packages.has(name))
    expect(unused).toEqual([])
  })

  it('keeps in src/ and pipelines/ only code lede loads (research code lives in tools/)', () => {
    // the adapters of the devDependencies read only at training and by benches: the one door to their packages
    const trainingAdapters = new Set(['src/adapters/compromise.ts', 'src/adapters/gazetteers.ts'])
    const unshipped = files.map((file) => relative(root, file)).filter((file) => !shipped.has(join(root, file)) && !trainingAdapters.has(file))
    expect(unshipped).toEqual([])
  })
})

// docs/architecture.md, "The contract": third-party NLP only in adapters/, research tools outside src/
describe('doors', () => {
  // the packages src/ may import outside src/adapters: the engine's (schemas, queue, threads, CLI, Redis, DuckDB, the
  // TypeScript loader) and one decoder of character references; every library that reads language (compromise,
  // wink-nlp, natural, Readability, linkedom, chardet, the gazetteer data packages) goes through an adapter
  const ENGINE = new Set(['zod', 'p-queue', 'piscina', 'commander', 'bullmq', 'ioredis', '@duckdb/node-api', 'tsx', 'entities'])
  const packageOf = (spec: string): string => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!)

  it('imports third-party language libraries only in src/adapters', () => {
    const outside = files
      .filter((file) => roomOf(file) !== 'adapters')
      .flatMap((file) => specifiersOf(file).filter((spec) => !spec.startsWith('.') && !spec.startsWith('node:') && !builtinModules.includes(spec) && !ENGINE.has(packageOf(spec))).map((spec) => `${relative(root, file)}: ${spec}`))
    expect(outside).toEqual([])
  })

  it('imports nothing from tools/, bench/, scripts/ or test/ in src/ and pipelines/', () => {
    const research = files.flatMap((file) =>
      specifiersOf(file)
        .filter((spec) => spec.startsWith('.') && /^(tools|bench|scripts|test)$/.test(relative(root, resolve(dirname(file), spec)).split(sep)[0]!))
        .map((spec) => `${relative(root, file)}: ${spec}`),
    )
    expect(research).toEqual([])
  })
})

// STYLE.md §6: a one-sentence TSDoc on each export. A type that only names a documented zod schema's type
// (`export type X = z.infer<typeof X>`) shares that schema's comment.
describe('comments', () => {
  it('gives every export of src/ and pipelines/ a TSDoc comment', () => {
    const bare: string[] = []
    for (const file of files) {
      const lines = readFileSync(file, 'utf8').split('\n')
      for (const [i, line] of lines.entries()) {
        const m = /^export\s+(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([\w$]+)/.exec(line)
        if (!m) continue
        if (new RegExp(`^export type ${m[1]} = z\\.(?:infer|input|output)<typeof ${m[1]}>$`).test(line)) continue
        if (!/\*\/\s*$/.test(lines[i - 1] ?? '')) bare.push(`${relative(root, file)}:${i + 1} ${m[1]}`)
      }
    }
    expect(bare).toEqual([])
  })
})

// docs/architecture.md, "One lexer": text is cut into tokens once (src/segment), with one character table (src/text)
describe('one lexer', () => {
  const sourceOf = (file: string) => readFileSync(file, 'utf8')
  const under = (room: string) => files.filter((file) => roomOf(file) === room)

  it('builds per-code-unit character tables only in src/text', () => {
    const tables = files.filter((file) => roomOf(file) !== 'text' && /\b65536\b|0x10000\b/.test(sourceOf(file)))
    expect(tables.map((file) => relative(root, file))).toEqual([])
  })

  it('lets quotes and entities read words only from the token layer, never by scanning text with a word pattern', () => {
    // a global regex over letters is how a second lexer starts (the old scanWords); marks and cue regexes are fine
    const scanners = [...under('quotes'), ...under('entities')].filter((file) => /\/[^/\n]*\\p\{L[^/\n]*\/[a-z]*g[a-z]*/.test(sourceOf(file)))
    expect(scanners.map((file) => relative(root, file))).toEqual([])
    const readers = [...under('quotes'), ...under('entities')].filter((file) => /from '\.\.\/text\/words\.ts'/.test(sourceOf(file)))
    expect(readers.map((file) => relative(root, file)).sort()).toEqual(['src/entities/words.ts', 'src/quotes/words.ts'])
  })
})

// STYLE.md §6: verb-first finders. The phrase finders quote attribution is built from (src/quotes/phrases.ts) were
// named for what they return (`subjectBefore`, `cueAt`); a function of src/quotes that returns a Phrase or a cue
// match says what it does: find, collect or trim
describe('naming', () => {
  it('names every function of src/quotes that returns a Phrase or a CueMatch verb-first', () => {
    const quotes = files.filter((file) => roomOf(file) === 'quotes')
    const declared = quotes.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^(?:export )?function (\w+)\([^)]*\): (?:Phrase|CueMatch)\b/gm)].map((m) => `${relative(root, file)}: ${m[1]}`),
    )
    expect(declared.length).toBeGreaterThan(10)
    expect(declared.filter((d) => !/: (?:find|collect|trim)[A-Z]/.test(d))).toEqual([])
  })

  // a finder, for this rule: an exported function of src/ whose declared return type holds spans (a type with numeric
  // `start` and `end`, declared anywhere in src/, or such a type's array, union, promise or generator). Its name opens
  // with one of these verbs; a finder with a new verb adds it here, where the names can be read together
  const VERBS = ['find', 'match', 'merge', 'relabel', 'resolve', 'recognise', 'attribute', 'place', 'sort', 'decode', 'read', 'scale']

  it('names every exported finder of src/ (a function returning spans) verb-first', () => {
    const parsed = files.filter((file) => file.endsWith('.ts')).map((file) => [file, ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)] as const)
    // every interface and type alias of src/ by name (a name declared twice holds spans when either does)
    const declarations = new Map<string, Array<ts.InterfaceDeclaration | ts.TypeAliasDeclaration>>()
    for (const [, source] of parsed) {
      for (const statement of source.statements) {
        if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) declarations.set(statement.name.text, [...(declarations.get(statement.name.text) ?? []), statement])
      }
    }
    // the name a type or member is declared or referred to by (the last part of a qualified one)
    const nameOf = (node: ts.Node): string => (ts.isIdentifier(node) ? node.text : ts.isQualifiedName(node) ? node.right.text : ts.isPropertyAccessExpression(node) ? node.name.text : '')
    const spanNames = new Map<string, boolean>()
    const CONTAINERS = new Set(['Array', 'ReadonlyArray', 'Promise', 'Generator', 'AsyncGenerator', 'Iterable', 'AsyncIterable', 'Readonly'])
    const hasSpanMembers = (members: ts.NodeArray<ts.TypeElement>): boolean =>
      ['start', 'end'].every((key) => members.some((m) => ts.isPropertySignature(m) && nameOf(m.name) === key && m.type?.kind === ts.SyntaxKind.NumberKeyword))
    const holdsSpans = (node: ts.TypeNode | undefined, params: Map<string, ts.TypeNode | undefined>): boolean => {
      if (node === undefined) return false
      if (ts.isTypeReferenceNode(node)) {
        const name = nameOf(node.typeName)
        if (params.has(name)) return holdsSpans(params.get(name), new Map())
        if (CONTAINERS.has(name)) return holdsSpans(node.typeArguments?.[0], params)
        return isSpanName(name)
      }
      if (ts.isArrayTypeNode(node)) return holdsSpans(node.elementType, params)
      if (ts.isUnionTypeNode(node) || ts.isIntersectionTypeNode(node)) return node.types.some((t) => holdsSpans(t, params))
      if (ts.isParenthesizedTypeNode(node) || ts.isTypeOperatorNode(node)) return holdsSpans(node.type, params)
      if (ts.isTypeLiteralNode(node)) return hasSpanMembers(node.members)
      return false
    }
    function isSpanName(name: string): boolean {
      if (name === 'Span') return true
      if (!spanNames.has(name)) {
        spanNames.set(name, false)
        spanNames.set(
          name,
          (declarations.get(name) ?? []).some((d) =>
            ts.isInterfaceDeclaration(d)
              ? hasSpanMembers(d.members) || (d.heritageClauses ?? []).some((h) => h.types.some((t) => isSpanName(nameOf(t.expression))))
              : holdsSpans(d.type, new Map()),
          ),
        )
      }
      return spanNames.get(name)!
    }
    const finders: string[] = []
    for (const [file, source] of parsed) {
      for (const statement of source.statements) {
        if (!ts.isFunctionDeclaration(statement) || statement.name === undefined || !statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue
        const params = new Map((statement.typeParameters ?? []).map((p) => [p.name.text, p.constraint] as const))
        if (holdsSpans(statement.type, params)) finders.push(`${relative(root, file)}: ${statement.name.text}`)
      }
    }
    expect(finders.length).toBeGreaterThan(30)
    const verbFirst = new RegExp(`: (?:${VERBS.join('|')})[A-Z]`)
    expect(finders.filter((f) => !verbFirst.test(f))).toEqual([])
    // parsing src/ took 1.2 s warm and 3.1 s cold at load 18
  }, 30_000)
})

// STYLE.md §3, "compute, then set": the stages that read words whole open one reading view
// (src/segment/reading-view.ts) instead of unwrapping and closing line-end hyphens each in its own way
describe('thin stages', () => {
  it('leaves unwrapping and closing line-end hyphens to the reading view', () => {
    const stages = files.filter((file) => roomOf(file) === 'stages')
    const own = stages.filter((file) => /\b(?:unwrapText|closeLineHyphens)\b/.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file))
    expect(own).toEqual([])
    const readers = stages.filter((file) => /\bopenReadingView\(/.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file))
    expect(readers.sort()).toEqual(['src/stages/dateline.ts', 'src/stages/entities.ts', 'src/stages/money.ts', 'src/stages/quotes.ts'])
  })

  // a warm-up knows its finder's rare branches (src/text/warm-up.ts): it lives beside the finder, as the tagger's do
  // in src/ner, and the stage only calls it
  it('leaves warm-ups to the finders\' rooms', () => {
    const stages = files.filter((file) => roomOf(file) === 'stages')
    expect(stages.filter((file) => /\bwarmUpOnce\b/.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file))).toEqual([])
  })

  // STYLE §3: a stage calls finders and writes; a helper or a table at a stage file's top level is a finder's work
  // (the link stage's gathering was, until it moved to src/link/gather.ts)
  it('declares nothing at the top level of a stage file but its exports', () => {
    const stages = files.filter((file) => roomOf(file) === 'stages')
    const own = stages.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^(?:async\s+)?(?:function\*?|const|let|var|class)\s+(\w+)/gm)].map((m) => `${relative(root, file)}: ${m[1]}`))
    expect(own).toEqual([])
  })
})

// docs/architecture.md, "The contract": every field a stage writes on the Doc is a declared layer, so a stage's
// `requires`/`assigns` (and test/stages/declared-layers.test.ts, which guards exactly LAYER_NAMES) can see it
describe('declared layers', () => {
  // the document's identity and bookkeeping, set at ingest or by the engine, never by a stage
  const NOT_LAYERS = ['id', 'source', 'meta', 'messages']

  it('declares every field of Doc but its identity and messages as a layer (LAYER_NAMES)', async () => {
    const {LAYER_NAMES} = await import('../src/doc.ts')
    const source = readFileSync(join(root, 'src/doc.ts'), 'utf8')
    const body = /\nexport interface Doc \{\n([\s\S]*?)\n\}/.exec(source)![1]!
    const fields = [...body.matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]!)
    expect(fields.length).toBeGreaterThan(10)
    expect(fields.filter((f) => !NOT_LAYERS.includes(f)).sort()).toEqual([...LAYER_NAMES].sort())
  })
})

// STYLE.md §6.5-6.6: kebab-case file names, and no console output outside the command line: src/cli.ts alone writes to
// the terminal (run/ and io/ report through the streams and callbacks it hands them), so a write elsewhere is a debug
// line left behind, or output a worker thread or a library caller cannot redirect
describe('conventions', () => {
  it('names every code file, and each folder that holds one, in kebab-case', () => {
    const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+)*$/
    const code = ['src', 'pipelines', 'test', 'tools', 'bench', 'scripts', 'bin', 'wasm'].flatMap((dir) => listSources(join(root, dir)).map((file) => relative(root, file)))
    expect(code.length).toBeGreaterThan(300)
    expect(code.filter((path) => !path.split(sep).every((part) => kebab.test(part)))).toEqual([])
  })

  it('writes to the terminal only from src/cli.ts, and never through console', () => {
    const sources = files.map((file) => [relative(root, file), readFileSync(file, 'utf8')] as const)
    expect(sources.filter(([, source]) => /\bconsole\.\w+/.test(source)).map(([path]) => path)).toEqual([])
    expect(sources.filter(([, source]) => /\bprocess\.(?:stdout|stderr)\b/.test(source)).map(([path]) => path)).toEqual(['src/cli.ts'])
  })
})
