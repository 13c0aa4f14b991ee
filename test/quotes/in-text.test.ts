import {describe, expect, it} from 'vitest'
import {isEnglishWord} from '../../src/adapters/wink.ts'
import type {Quote} from '../../src/doc.ts'
import {placeQuotesInText} from '../../src/quotes/in-text.ts'
import {findLineHyphens} from '../../src/segment/line-hyphens.ts'
import {openReadingView} from '../../src/segment/reading-view.ts'

function viewOf(text: string) {
  const paragraphs = [{start: 0, end: text.length}]
  return openReadingView({text, paragraphs, lineHyphens: findLineHyphens(text, paragraphs, isEnglishWord)})
}

function quoteIn(text: string, quoted: string, cue: string, mention: string): Quote {
  const span = (s: string) => ({start: text.indexOf(s), end: text.indexOf(s) + s.length})
  return {...span(quoted), label: 'QUOTE', kind: 'direct', cue, cueLemma: 'say', cueSpan: span(cue), speaker: {...span(mention), mention, name: mention, entityId: null}} as unknown as Quote
}

describe('placeQuotesInText', () => {
  it('returns the quotes themselves when the view closed nothing', () => {
    const view = viewOf('"We won," the minister\nsaid.')
    const quotes = [quoteIn(view.text, '"We won,"', 'said', 'the minister')]
    expect(placeQuotesInText(quotes, view)).toBe(quotes)
  })

  it('maps the quote, its cue and its speaker back, and reads cue and mention from the unwrapped text', () => {
    const text = '"We won," the min-\nister an-\nnounced.'
    const view = viewOf(text)
    expect(view.text).toBe('"We won," the minister announced.')
    const [placed] = placeQuotesInText([quoteIn(view.text, '"We won,"', 'announced', 'the minister')], view)
    expect(text.slice(placed!.start, placed!.end)).toBe('"We won,"')
    expect(placed!.cue).toBe('an- nounced')
    expect(text.slice(placed!.cueSpan!.start, placed!.cueSpan!.end)).toBe('an-\nnounced')
    expect(placed!.speaker.mention).toBe('the min- ister')
    expect(text.slice(placed!.speaker.start!, placed!.speaker.end!)).toBe('the min-\nister')
  })
})
