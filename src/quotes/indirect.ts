/**
 * Reported (indirect) speech without quote marks: "X said (that) CLAUSE", "CLAUSE, X said.",
 * "According to X, CLAUSE." Found per sentence of narrative, outside quotations.
 */
import type {Span, Token} from '../doc.ts'
import type {QuoteSpan} from './marks.ts'
import {findCueAt, findPhraseAfter, findSubjectAfterQuote, findSubjectOfCue, type CueMatch} from './phrases.ts'
import {readQuoteWords, type Word} from './words.ts'

/** A stretch of reported speech with its cue and speaker span. */
export interface IndirectSpan extends Span {
  cue: CueMatch
  cueText: string
  /** where the cue stands in the text */
  cueSpan: Span
  speaker: Span
}

// verbs that take a listener before their clause ("told reporters that …")
const TAKES_LISTENER = new Set(['tell', 'inform', 'assure', 'reassure', 'remind', 'notify', 'warn'])
// cues that report a clause without "that" ("X said the talks failed"); others need "that" ("announced that …")
const BARE_CLAUSE = new Set(['say', 'tell', 'add', 'claim', 'insist', 'argue', 'state', 'note', 'explain', 'stress', 'emphasize', 'emphasise', 'reiterate', 'assert', 'contend', 'maintain', 'warn', 'predict', 'acknowledge', 'admit', 'allege', 'agree', 'complain', 'conclude', 'concede', 'caution', 'write', 'suggest', 'reckon', 'recall', 'repeat', 'testify', 'estimate', 'hint', 'boast', 'joke', 'quip', 'vow', 'promise', 'pledge', 'confide'])
// cues whose clause is rarely reported speech ("asked to", "called for", "read")
const NOT_REPORTING = new Set(['ask', 'call', 'read', 'quote', 'cite', 'thank', 'praise', 'hail', 'mock', 'sing', 'chant', 'cheer', 'beam', 'smile', 'grin', 'laugh', 'sigh', 'echo', 'order', 'question', 'challenge', 'accuse', 'criticize', 'criticise', 'blast', 'slam', 'reject', 'dismiss', 'interrupt', 'lecture', 'preach', 'speak', 'volunteer', 'react', 'write', 'post', 'tweet', 'text', 'email', 'message', 'blog', 'report'])
const TERMINATORS = new Set(['.', '!', '?', ';'])
const ABBREVIATED = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'sen.', 'rep.', 'gov.', 'gen.', 'st.', 'u.s.', 'u.k.', 'jr.', 'sr.'])

/** Finds reported speech in the narrative sentences of each paragraph, outside the given quotations. */
export function findIndirect(text: string, paragraphs: Span[], tokens: readonly Token[], quotes: readonly QuoteSpan[]): IndirectSpan[] {
  const paras = paragraphs.length > 0 ? paragraphs : [{start: 0, end: text.length}]
  const out: IndirectSpan[] = []
  let q = 0
  for (const para of paras) {
    const words = readQuoteWords(text, tokens, para.start, para.end)
    let start = 0
    for (let k = 0; k <= words.length; k++) {
      const word = words[k]
      const ends = !word || (word.kind === 'punct' && TERMINATORS.has(word.text) && !ABBREVIATED.has(word.lower))
      if (!ends) continue
      const sentence = words.slice(start, k)
      start = k + 1
      if (sentence.length < 4) continue
      const from = sentence[0]!.start
      const to = sentence.at(-1)!.end
      // sentences holding a quotation are the quote's attribution, not reported speech
      while (q < quotes.length && quotes[q]!.close <= from) q++
      if (q < quotes.length && quotes[q]!.open < to) continue
      const found = reportedIn(text, sentence)
      if (found) out.push(found)
    }
  }
  return out
}

function reportedIn(text: string, words: Word[]): IndirectSpan | null {
  // According to X, CLAUSE.
  if (words[0]!.lower === 'according' && words[1]?.lower === 'to') {
    const comma = words.findIndex((w) => w.text === ',')
    const cue = findCueAt(words, 0)
    const phrase = findPhraseAfter(words, 2, comma > 0 ? comma : words.length)
    if (cue && phrase && comma > 0 && words.length - comma > 4) return result(text, words, comma + 1, words.length - 1, cue, phrase.first, phrase.last)
    return null
  }
  // CLAUSE, X said. / CLAUSE, said X. / CLAUSE, X, a spokeswoman for Y, told Z.
  for (let c = Math.max(2, words.length - 30); c < words.length; c++) {
    const cue = findCueAt(words, c)
    if (!cue || !reports(cue) || cue.gerund || isPassive(words, c) || !closesSentence(words, cue)) continue
    if (words[c - 1]!.text === ',' && !TAKES_LISTENER.has(cue.lemma)) {
      const phrase = findPhraseAfter(words, cue.endIndex, words.length)
      if (phrase && c - 1 >= 3) return result(text, words, 0, c - 2, cue, phrase.first, phrase.last)
    }
    // the subject starts after one of the last few commas: the leftmost that reads as a subject and its appositions
    let commas = 0
    let best: {m: number; first: number; last: number} | null = null
    for (let m = c - 1; m >= 3 && commas < 3; m--) {
      if (words[m]!.text !== ',') continue
      commas++
      const subject = findSubjectAfterQuote(words, m + 1, c, true)
      if (subject) best = {m, first: subject.first, last: subject.last}
    }
    if (best) return result(text, words, 0, best.m - 1, cue, best.first, best.last)
  }
  // X said (that) CLAUSE.
  for (let c = 1; c < words.length - 3; c++) {
    const cue = findCueAt(words, c)
    if (!cue || !reports(cue) || isPassive(words, c)) continue
    const subject = findSubjectOfCue(words, c, 0)
    if (!subject) continue
    const clause = clauseAfter(words, cue)
    if (clause === null) continue
    return result(text, words, clause, words.length - 1, cue, subject.first, subject.last)
  }
  return null
}

// where the reported clause starts after a cue, or null when what follows is no clause ("said to be", "told of")
function clauseAfter(words: Word[], cue: CueMatch): number | null {
  let i = cue.endIndex
  // "told reporters (on Monday) that": skip the listener
  if (TAKES_LISTENER.has(cue.lemma)) {
    const end = Math.min(words.length, i + 6)
    let j = i
    while (j < end && words[j]!.lower !== 'that' && words[j]!.text !== ',') j++
    if (j < end && words[j]!.lower === 'that') return j + 1 < words.length - 2 ? j + 1 : null
    i = Math.min(i + 1, words.length - 1)
  }
  // "said on Wednesday that": a short adverbial before "that"
  for (let j = i; j < words.length && j - i < 6; j++) {
    if (words[j]!.lower === 'that') return j + 1 < words.length - 2 ? j + 1 : null
    if (words[j]!.kind === 'punct' && words[j]!.text !== ',') break
  }
  const first = words[i]
  if (!first || first.kind !== 'word' || !BARE_CLAUSE.has(cue.lemma)) return null
  // a clause opens with a subject: a pronoun, a determiner or a name, not "to", a preposition or an adverb
  if (!/^(?:he|she|it|they|we|i|you|there|this|these|those|the|a|an|his|her|its|their|our|no|some|many|most|all)$/.test(first.lower) && !first.upper) return null
  return words.length - i >= 4 ? i : null
}

function reports(cue: CueMatch): boolean {
  return cue.class === 'speech' && cue.lemma !== 'according to' && !NOT_REPORTING.has(cue.lemma)
}

// "It cannot be ruled out", "It is also noted": a passive cue reports nobody's speech
function isPassive(words: Word[], c: number): boolean {
  let k = c - 1
  while (k >= 0 && /^(?:also|not|never|widely|often|already|long)$/.test(words[k]!.lower)) k--
  return k >= 0 && /^(?:be|been|being|is|are|was|were|get|got)$/.test(words[k]!.lower)
}

// a closing attribution ends the sentence, perhaps with a listener or a short adverbial ("told reporters on Monday")
function closesSentence(words: Word[], cue: CueMatch): boolean {
  const rest = words.length - cue.endIndex
  if (rest === 0) return true
  const next = words[cue.endIndex]!
  if (TAKES_LISTENER.has(cue.lemma) && rest <= 4) return true
  return rest <= 6 && /^(?:on|in|at|during|after|before|last|this|yesterday|today|recently|earlier|later|late|early|monday|tuesday|wednesday|thursday|friday|saturday|sunday|,)$/.test(next.lower)
}

// the reported words from `first` to `last`, without leading punctuation or quote marks
function result(text: string, words: Word[], first: number, last: number, cue: CueMatch, speakerFirst: number, speakerLast: number): IndirectSpan | null {
  while (first <= last && words[first]!.kind === 'punct') first++
  while (last >= first && words[last]!.kind === 'punct' && words[last]!.text !== ')') last--
  if (last - first < 2) return null
  return {
    start: words[first]!.start,
    end: words[last]!.end,
    cue,
    cueText: text.slice(cue.start, cue.end),
    cueSpan: {start: cue.start, end: cue.end},
    speaker: {start: words[speakerFirst]!.start, end: words[speakerLast]!.end},
  }
}
