/*
 * A fast path for checking and writing records whose shape the code guarantees, derived from the zod schemas
 * themselves (zod stays the source of truth). zod's safeParse copies every record into a new object, keeps an
 * issue list and walks its checks generically: about 6 µs a record, a third of the record-building time. The
 * function compiled here walks the same schema definition once, at start, into one straight-line JavaScript
 * function (as zod's own object parser does, through `new Function`) that checks a record and writes its JSON in
 * one pass, in the schema's key order and without the keys the schema does not
 * name: exactly `JSON.stringify(schema.parse(record))`. It answers only when it is sure; for anything it does
 * not understand (a schema node or check kind not listed below) or a value that fails any check, it answers
 * null and the caller runs zod, which then writes the error record (or the record) exactly as before.
 */
import type {z} from 'zod'

/** JSON text of a record that certainly passes its schema, or null: not sure (ask zod). */
export type RecordJson = (record: unknown) => string | null

// the zod 4 internals read here: every schema has `_zod.def` ({type, checks, shape, innerType, element, entries, ...})
// and every check `_zod.def` ({check, ...}) and `_zod.check(payload)`
interface Check {
  _zod: {def: CheckDef; check: (payload: {value: unknown; issues: unknown[]}) => unknown}
}
interface Def {
  type: string
  format?: string
  check?: string
  checks?: Check[]
  coerce?: boolean
  shape?: Record<string, {_zod: {def: Def}}>
  catchall?: unknown
  innerType?: {_zod: {def: Def}}
  element?: {_zod: {def: Def}}
  entries?: Record<string, unknown>
}
interface CheckDef {
  check: string
  minimum?: number
  maximum?: number
  length?: number
  format?: string
  pattern?: RegExp
  value?: number
  inclusive?: boolean
}

/** Compiles a zod object schema into a function returning a record's JSON line text (no newline) when the record certainly passes the schema, else null. */
export function compileRecordJson(schema: z.ZodType): RecordJson {
  const compiler = new Compiler()
  const body = compiler.value((schema as unknown as {_zod: {def: Def}})._zod.def, 'v')
  const last = compiler.flush()
  try {
    const memos = compiler.memos.length > 0 ? `let ${compiler.memos.join(', ')}\n` : ''
    const write = new Function('C', 'passes', 'NEEDS_ESCAPE', `${memos}return function recordJson(v) {\nlet t = ''\n${body}\n${last}\nreturn t\n}`)(compiler.constants, passes, NEEDS_ESCAPE) as RecordJson
    return write
  } catch {
    // no code generation here (a locked-down runtime): every record goes through zod
    return () => null
  }
}

// the characters JSON.stringify escapes in a string: '"', '\\', U+0000-U+001F, and surrogates (a lone one is
// written as \uXXXX; a string with a pair goes to JSON.stringify too, which copies it unescaped)
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/

// a refinement (superRefine, refine): run as zod runs it, on a payload; it passes when it adds no issue. One payload
// serves every call (a refinement runs to its end before the next record, and a record it fails goes to zod, which
// makes its own): two objects less per record, and the payload keeps the shape superRefine gives it (`addIssue`)
const payload: {value: unknown; issues: unknown[]} = {value: undefined, issues: []}
function passes(check: Check, value: unknown): boolean {
  payload.value = value
  // a fresh list only after a failure: setting an array's length is a call into the runtime
  if (payload.issues.length !== 0) payload.issues = []
  const result = check._zod.check(payload)
  payload.value = undefined
  return !(result instanceof Promise) && payload.issues.length === 0
}

/**
 * The JSON text not yet appended to `t`: every constant piece of a line (braces, keys, commas, the quotes around a
 * string) is gathered here and appended as one literal with the next value, so a line is one `t +=` per value and
 * per run of constants instead of one per piece (each `+=` allocates a string: fewer of them is less garbage).
 */
interface Pending {
  text: string
  /** a loop index: the first append of an array item puts ',' before `text` when the index is not 0 */
  comma: string | null
}

class Compiler {
  constants: unknown[] = []
  /** declarations of the string writers' last value and its JSON, kept between calls */
  memos: string[] = []
  private names = 0
  private pending: Pending = {text: '', comma: null}

  /** Statements appending the gathered constant text to `t` ('' when there is none). */
  flush(): string {
    const {text, comma} = this.pending
    this.pending = {text: '', comma: null}
    if (comma !== null) return text === '' ? `if (${comma} > 0) t += ','` : `t += ${comma} > 0 ? ${JSON.stringify(',' + text)} : ${JSON.stringify(text)}`
    return text === '' ? '' : `t += ${JSON.stringify(text)}`
  }

  private constantText(text: string): void {
    this.pending.text += text
  }

  // the gathered constants, then the value of a JavaScript expression
  private append(expression: string): string {
    const flushed = this.flush()
    return `${flushed === '' ? '' : `${flushed}\n`}t += ${expression}`
  }

  // code run in either of two branches: each starts from the constants gathered before the branch and appends them at its end
  private branches(condition: string, whenTrue: () => string, whenFalse: () => string): string {
    const before = this.pending
    this.pending = {...before}
    const a = whenTrue()
    const aEnd = this.flush()
    this.pending = {...before}
    const b = whenFalse()
    const bEnd = this.flush()
    return `if (${condition}) {\n${a}\n${aEnd}\n} else {\n${b}\n${bEnd}\n}`
  }

  // a string that passed its checks, between quotes: the last value this field wrote is reused when the next record has the
  // same string (a document's records all carry its docId; labels and ids repeat), so it is tested (and escaped) once
  private quoted(v: string): string {
    const last = this.name('m')
    const json = this.name('j')
    this.memos.push(`${last} = null`, `${json} = ''`)
    // JSON.stringify is a call into the runtime (~0.2-1 µs a string); a string with nothing to escape (no quote,
    // backslash, control character or surrogate: what JSON.stringify escapes) is written as it is, and the quotes
    // around it go with the constants before and after it
    this.constantText('"')
    const memo = `if (${v} !== ${last}) {\n${last} = ${v}\n${json} = NEEDS_ESCAPE.test(${v}) ? JSON.stringify(${v}).slice(1, -1) : ${v}\n}`
    const write = this.append(json)
    this.constantText('"')
    return `${memo}\n${write}`
  }

  private constant(value: unknown): string {
    this.constants.push(value)
    return `C[${this.constants.length - 1}]`
  }

  private name(prefix: string): string {
    return `${prefix}${this.names++}`
  }

  /** Statements that append the JSON of the value in variable `v` to `t`, or return null when not sure it passes. */
  value(def: Def, v: string): string {
    // a schema that is itself a check (z.email(), z.int(), z.uuid(): a `format` or `check` on the type) runs it
    // inside zod's parse, out of sight of `checks`: zod decides
    if (def.format !== undefined || def.check !== undefined) return 'return null'
    const checks = this.checks(def, v)
    if (checks === null) return 'return null'
    const fail = checks === '' ? '' : `if (${checks}) return null\n`
    switch (def.type) {
      case 'string':
        if (def.coerce) return 'return null'
        return `if (typeof ${v} !== 'string') return null\n${fail}${this.quoted(v)}`
      case 'number':
        // zod 4's number rejects NaN and ±Infinity; for a finite number '' + n is JSON.stringify(n)
        if (def.coerce) return 'return null'
        return `if (typeof ${v} !== 'number' || !Number.isFinite(${v})) return null\n${fail}${this.append(`'' + ${v}`)}`
      case 'boolean':
        if (def.coerce) return 'return null'
        return `if (typeof ${v} !== 'boolean') return null\n${fail}${this.branches(v, () => (this.constantText('true'), ''), () => (this.constantText('false'), ''))}`
      case 'enum': {
        const values = this.constant(new Set(Object.values(def.entries ?? {}).filter((e) => typeof e === 'string')))
        return `if (typeof ${v} !== 'string' || !${values}.has(${v})) return null\n${fail}${this.quoted(v)}`
      }
      case 'nullable':
        if (checks !== '') return 'return null'
        return this.branches(`${v} === null`, () => (this.constantText('null'), ''), () => this.value(def.innerType!._zod.def, v))
      case 'array': {
        const i = this.name('i')
        const item = this.name('a')
        this.constantText('[')
        const open = this.flush()
        this.pending = {text: '', comma: i}
        const element = this.value(def.element!._zod.def, item)
        const close = this.flush()
        this.constantText(']')
        return [
          `if (!Array.isArray(${v})) return null`,
          open,
          `for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {`,
          `const ${item} = ${v}[${i}]`,
          element,
          close,
          '}',
          fail,
        ].join('\n')
      }
      case 'object':
        return this.object(def, v, fail)
      default:
        // record, unknown, union, literal, transforms...: zod decides
        return 'return null'
    }
  }

  private object(def: Def, v: string, fail: string): string {
    // a catchall (looseObject, strictObject) changes what happens to unnamed keys: zod decides
    if (def.catchall !== undefined) return 'return null'
    const lines = [`if (typeof ${v} !== 'object' || ${v} === null || Array.isArray(${v})) return null`]
    this.constantText('{')
    // whether a field has been written yet: known while compiling until an optional field may or may not be
    const empty = this.name('e')
    let written: boolean | null = false
    const separator = (key: string) => {
      const name = JSON.stringify(key) + ':'
      if (written === true) this.constantText(',' + name)
      else if (written === false) this.constantText(name)
      else {
        // not known while compiling: the constants gathered so far are appended with or without the comma
        const before = this.flush()
        this.constantText(name)
        return `${before}\nif (!${empty}) t += ','\n${empty} = false`
      }
      return ''
    }
    const fields = Object.entries(def.shape ?? {})
    // when the last field is optional, the closing brace goes into both of its branches (one append fewer per record)
    let closed = false
    for (const [index, [key, schema]] of fields.entries()) {
      const field = schema._zod.def
      const f = this.name('f')
      lines.push(`const ${f} = ${v}[${JSON.stringify(key)}]`)
      if (field.type === 'optional' && !field.checks?.length) {
        // an optional key whose value is undefined is left out (zod's output has it absent or undefined, which JSON omits)
        if (written === false) {
          lines.splice(1, 0, `let ${empty} = true`)
          written = null
        }
        // the key and its value in one branch, nothing in the other: each appends the constants gathered before it
        const before: boolean | null = written
        closed = index === fields.length - 1
        lines.push(
          this.branches(
            `${f} !== undefined`,
            () => {
              written = before
              const code = `${separator(key)}\n${this.value(field.innerType!._zod.def, f)}`
              if (closed) this.constantText('}')
              return code
            },
            () => {
              if (closed) this.constantText('}')
              return ''
            },
          ),
        )
        written = before
      } else {
        const sep = separator(key)
        lines.push(sep, this.value(field, f))
        if (written === null) lines.push(`${empty} = false`)
        written = true
      }
    }
    if (!closed) this.constantText('}')
    lines.push(fail)
    return lines.join('\n')
  }

  // the node's checks as one condition that is true when any fails, '' when none, null when one is of a kind not understood here
  private checks(def: Def, v: string): string | null {
    const failing: string[] = []
    for (const check of def.checks ?? []) {
      const c = check._zod.def
      switch (c.check) {
        case 'min_length':
          failing.push(`${v}.length < ${Number(c.minimum)}`)
          break
        case 'max_length':
          failing.push(`${v}.length > ${Number(c.maximum)}`)
          break
        case 'length_equals':
          failing.push(`${v}.length !== ${Number(c.length)}`)
          break
        case 'number_format':
          if (c.format !== 'safeint') return null
          failing.push(`!Number.isSafeInteger(${v})`)
          break
        case 'greater_than':
          failing.push(`${v} ${c.inclusive ? '<' : '<='} ${this.constant(c.value)}`)
          break
        case 'less_than':
          failing.push(`${v} ${c.inclusive ? '>' : '>='} ${this.constant(c.value)}`)
          break
        case 'string_format': {
          if (c.format !== 'regex' || !(c.pattern instanceof RegExp)) return null
          const pattern = this.constant(c.pattern)
          failing.push(`(${pattern}.lastIndex = 0, !${pattern}.test(${v}))`)
          break
        }
        case 'custom':
          failing.push(`!passes(${this.constant(check)}, ${v})`)
          break
        default:
          return null
      }
    }
    return failing.join(' || ')
  }
}
