/**
 * The only door to `wink-nlp` (with `wink-eng-lite-web-model`): Universal POS tags and lemmas for
 * lede's own tokens. wink tokenizes by itself, so its tokens are placed back on the text and each
 * lede token takes the tag and lemma of the wink token(s) it covers.
 */
import {createRequire} from 'node:module'
import type winkNLP from 'wink-nlp'
import type {Span} from '../doc.ts'

/** A token's part of speech (Universal Dependencies UPOS) and lemma. */
export interface PosTag {
  pos: string
  lemma: string
}

type WinkNlp = ReturnType<typeof winkNLP>
let nlp: WinkNlp | null = null

// wink and its model are required on first use (importing the model reads it: ~0.5 s), so runs without the token
// layer, `lede --help` and every worker thread of such a run never pay for them
function load(): WinkNlp {
  if (nlp) return nlp
  const require = createRequire(import.meta.url)
  const create = require('wink-nlp') as typeof winkNLP
  nlp = create(require('wink-eng-lite-web-model'), ['sbd', 'pos'])
  return nlp
}

interface Placed extends Span {
  pos: string
  lemma: string
}

/** Tags every token of `text` (UTF-16 spans) with its UPOS tag and lemma; tokens wink does not cover get `X` and their own text. */
export function tagTokens(text: string, tokens: readonly Span[]): PosTag[] {
  if (tokens.length === 0) return []
  const w = load()
  const its = w.its
  const doc = w.readDoc(text)
  const values = doc.tokens().out(its.value) as string[]
  const tags = doc.tokens().out(its.pos) as string[]
  // its.lemma is typed for the add-on signature; out() calls it the same way
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[]
  // place wink's tokens on the text: its values are the text as written, in order
  const placed: Placed[] = []
  let cursor = 0
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!
    const at = text.indexOf(value, cursor)
    // a value wink rewrote (rare) is skipped rather than placed far away
    if (at < 0 || at - cursor > 200) continue
    // wink gives some tokens no lemma ("cannot" before a comma is one token with a null lemma): the form, lower-cased,
    // as for a token it did not place (fuzz seed 11000191: the tokens record failed its schema, write:invalid-record)
    placed.push({start: at, end: at + value.length, pos: tags[i]!, lemma: lemmas[i] ?? value.toLowerCase()})
    cursor = at + value.length
  }
  const out: PosTag[] = []
  let j = 0
  for (const token of tokens) {
    while (j < placed.length && placed[j]!.end <= token.start) j++
    const covering: Placed[] = []
    for (let k = j; k < placed.length && placed[k]!.start < token.end; k++) covering.push(placed[k]!)
    out.push(tagOf(text, token, covering))
  }
  return out
}

function tagOf(text: string, token: Span, covering: readonly Placed[]): PosTag {
  const form = text.slice(token.start, token.end)
  if (covering.length === 0) return {pos: 'X', lemma: form}
  const first = covering.find((c) => c.pos !== 'PUNCT') ?? covering[0]!
  const same = covering.length === 1 && first.start === token.start && first.end === token.end
  // UD keeps a proper noun's form as its lemma; wink lowercases it
  const lemma = first.pos === 'PROPN' ? form : same ? first.lemma : form.toLowerCase()
  return {pos: first.pos, lemma}
}

let lexicon: ReadonlySet<string> | null = null

/**
 * Whether `word` (lower case) is an English word form in the lexicon of `wink-eng-lite-web-model` (about 85,000
 * lowercase entries drawn from WordNet and news text: inflected forms such as `appropriations`, common names such
 * as `washington`, no fragments such as `tions`). Read on first use (about 0.3 s), so runs that never ask do not pay.
 */
export function isEnglishWord(word: string): boolean {
  lexicon ??= readLexicon()
  return lexicon.has(word)
}

function readLexicon(): ReadonlySet<string> {
  const require = createRequire(import.meta.url)
  // the core model's lexeme list is not part of wink's typed interface: read it defensively, and fail loudly (the
  // adapter test checks known words) rather than answer "no word" for everything after an upgrade changes it
  const model = require('wink-eng-lite-web-model') as {core?: () => {features?: {lexeme?: {list?: unknown}}}}
  const list = model.core?.().features?.lexeme?.list
  if (!Array.isArray(list) || list.length < 10_000) throw new Error('wink-eng-lite-web-model: no lexeme list in the core model (has its layout changed?)')
  const words = new Set<string>()
  for (const entry of list) if (typeof entry === 'string') words.add(entry.toLowerCase())
  return words
}
