import {describe, expect, it} from 'vitest'
import {findClauseSubject, findCueAt, findPhraseAfter, findSubjectBefore} from '../../src/quotes/phrases.ts'
import {readQuoteWords, type Word} from '../../src/quotes/words.ts'
import {findTokens} from '../../src/segment/segment-text.ts'

function lex(text: string): Word[] {
  return readQuoteWords(text, findTokens(text), 0, text.length)
}

function phraseText(words: Word[], phrase: {first: number; last: number} | null): string | null {
  return phrase ? words.slice(phrase.first, phrase.last + 1).map((w) => w.text).join(' ') : null
}

function indexOf(words: Word[], text: string): number {
  return words.findIndex((w) => w.text === text)
}

describe('findCueAt', () => {
  it.each([
    ['Jane Roe said it', 'said', 'say'],
    ['the report said it', 'said', 'say'],
    ['according to Jane', 'according', 'according to'],
    ['Jane Roe pointed out that', 'pointed', 'point out'],
    ['they report that', 'report', 'report'],
  ])('%s', (text, word, lemma) => {
    const words = lex(text)
    expect(findCueAt(words, indexOf(words, word))?.lemma).toBe(lemma)
  })

  it.each([
    ['a report on', 'report'],
    ['his comments confirm', 'comments'],
    ['a text message to', 'message'],
    ['The Washington Post reported', 'Post'],
  ])('%s: %s is no cue', (text, word) => {
    const words = lex(text)
    expect(findCueAt(words, indexOf(words, word))).toBeNull()
  })
})

describe('findSubjectBefore', () => {
  it.each([
    ["Ukraine's First Deputy Foreign Minister Ivan Petrov said", "Ukraine 's First Deputy Foreign Minister Ivan Petrov"],
    ['Moscow objected, with ministry spokeswoman Anna Ivanova saying', 'ministry spokeswoman Anna Ivanova'],
    ['He also emphasized', 'He'],
    ['Jane Roe has repeatedly said', 'Jane Roe'],
    ['US Secretary of State Jane Roe, in fact, stressed', 'US Secretary of State Jane Roe'],
    ['Jane Roe, a spokeswoman for the ministry, told', 'Jane Roe'],
    ['after the talks, Gov. Jane Roe (D-Ore.), said', 'Gov. Jane Roe ( D-Ore. )'],
    ['Analysts say', 'Analysts'],
    ['Another tweeted', 'Another'],
  ])('%s', (text, expected) => {
    const words = lex(text)
    let cue = words.length - 1
    while (cue >= 0 && findCueAt(words, cue) === null) cue--
    expect(phraseText(words, findSubjectBefore(words, cue, 0))).toBe(expected)
  })
})

describe('findPhraseAfter', () => {
  it.each([
    ['said one local analyst, who asked', 'one local analyst'],
    ['said a resident of the city, who', 'a resident of the city'],
    ['said Jane Roe on Monday', 'Jane Roe'],
    ['said Jane Roe at a rally', 'Jane Roe'],
    ['said a professor at the university.', 'a professor at the university'],
    ['reads a Wednesday editorial in the paper.', 'a Wednesday editorial'],
  ])('%s', (text, expected) => {
    const words = lex(text)
    expect(phraseText(words, findPhraseAfter(words, 1, words.length))).toBe(expected)
  })
})

describe('findClauseSubject', () => {
  it.each([
    ['In a statement released Thursday, Rep. Jane Roe reacted to the news, saying', 'Rep. Jane Roe'],
    ['Speaking in his real voice, he proceeded to recite a passage, saying', 'he'],
    ['Eight years ago, he supported her and said', 'he'],
    ['When he returned he began by saying', 'he'],
  ])('%s', (text, expected) => {
    const words = lex(text)
    expect(phraseText(words, findClauseSubject(words, 0, words.length - 1))).toBe(expected)
  })
})
