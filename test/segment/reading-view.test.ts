import {describe, expect, it} from 'vitest'
import {isEnglishWord} from '../../src/adapters/wink.ts'
import type {Doc, Span} from '../../src/doc.ts'
import {findLineHyphens} from '../../src/segment/line-hyphens.ts'
import {openReadingView} from '../../src/segment/reading-view.ts'
import {findTokens} from '../../src/segment/segment-text.ts'

// one wrapped paragraph, as the segment stage leaves it: paragraphs, tokens and the line-end hyphens found in them
function segmented(text: string): Pick<Doc, 'text' | 'paragraphs' | 'lineHyphens' | 'tokens'> {
  const paragraphs = [{start: 0, end: text.length}]
  return {text, paragraphs, tokens: findTokens(text), lineHyphens: findLineHyphens(text, paragraphs, isEnglishWord)}
}

const at = (text: string, s: string): Span => ({start: text.indexOf(s), end: text.indexOf(s) + s.length})

describe('openReadingView', () => {
  it.each([
    ['a wrap only', 'The House\nCommittee met.', true, 'The House Committee met.'],
    ['a wrap, kept', 'The House\nCommittee met.', false, 'The House\nCommittee met.'],
    ['a soft break', 'The Appropria-\ntions Committee.', true, 'The Appropriations Committee.'],
    ['a soft break, wraps kept', 'The Appropria-\ntions Committee.', false, 'The Appropriations Committee.'],
    ['a compound', 'a long-\nterm plan', true, 'a long-term plan'],
  ])('reads %s', (_name, text, unwrap, expected) => {
    expect(openReadingView(segmented(text), unwrap).text).toBe(expected)
  })

  it('gives the document its own layers back when nothing was closed', () => {
    const doc = segmented('The House\nCommittee met.')
    const view = openReadingView(doc)
    const spans = [at(view.text, 'House Committee')]
    expect(view.closed).toBe(false)
    expect(view.source).toBe(view.text)
    expect(view.tokens()).toBe(doc.tokens)
    expect(view.toView(spans)).toBe(spans)
    expect(view.toText(spans)).toBe(spans)
    expect(view.spanToText(spans[0]!)).toBe(spans[0])
  })

  it('maps spans across a closed break, and cuts the view into tokens of its own', () => {
    const doc = segmented('The House Appropria-\ntions Committee met.')
    const view = openReadingView(doc)
    expect(view.closed).toBe(true)
    expect(view.source).toBe('The House Appropria- tions Committee met.')
    const name = view.spanToText(at(view.text, 'House Appropriations Committee'))
    expect(doc.text.slice(name.start, name.end)).toBe('House Appropria-\ntions Committee')
    const [met] = view.toText([at(view.text, 'met')])
    expect(met).toEqual(at(doc.text, 'met'))
    expect(view.toView([at(doc.text, 'met')])).toEqual([at(view.text, 'met')])
    expect(view.tokens().map((t) => view.text.slice(t.start, t.end))).toEqual(['The', 'House', 'Appropriations', 'Committee', 'met', '.'])
  })

  it('reads the token layer only when asked for it (the money stage declares no tokens)', () => {
    const doc = segmented('A $5 mil-\nlion deal.')
    const guarded = new Proxy(doc, {get: (target, key) => (key === 'tokens' ? expect.unreachable('tokens read') : Reflect.get(target, key))})
    expect(openReadingView(guarded).text).toBe('A $5 million deal.')
  })
})
