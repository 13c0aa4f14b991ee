import {describe, expect, it} from 'vitest'
import {isEnglishWord} from '../../src/adapters/wink.ts'
import {closeLineHyphens, findLineHyphens} from '../../src/segment/line-hyphens.ts'
import {measureGrowth} from '../helpers/linear-time.ts'

// the finder reads line breaks inside the paragraphs it is given; these cases are one wrapped paragraph each
// (the layout test checks which documents are wrapped), read through the unwrapped view as the entities stage does
function close(text: string, paragraphs = [{start: 0, end: text.length}]): string {
  const hyphens = findLineHyphens(text, paragraphs, isEnglishWord)
  return closeLineHyphens(text.replace(/\n/g, ' '), hyphens).text
}

describe('findLineHyphens with the English lexicon', () => {
  it.each([
    // soft breaks: the joined word is an English word form, or the tail is no word on its own
    ['a word broken inside', 'The House Appropria-\ntions Committee', 'The House Appropriations Committee'],
    ['both parts words, the whole one too', 'of the Environ-\nmental Protection Agency', 'of the Environmental Protection Agency'],
    ['a month', 'on Jan-\nuary 5', 'on January 5'],
    ['a verb', 'the minister an-\nnounced', 'the minister announced'],
    ['a name whose tail is no word', 'Slobodan Milose-\nvic said', 'Slobodan Milosevic said'],
    ['a name whose tail is a word, written whole elsewhere', 'Arnold Schwarzen-\negger won. Schwarzenegger said', 'Arnold Schwarzenegger won. Schwarzenegger said'],
    ['a name fragment before a word, nowhere else alone', 'the mayor of Fergu-\nson said', 'the mayor of Ferguson said'],
    ['a capital after the break, the word written whole elsewhere', 'PolitiFact rated it; Politi-\nFact said', 'PolitiFact rated it; PolitiFact said'],
    ['a word in capitals', 'THE GOVERN-\nMENT FELL', 'THE GOVERNMENT FELL'],
    ['a headline in capitals', 'HOUSE APPROPRIA-\nTIONS PANEL', 'HOUSE APPROPRIATIONS PANEL'],
    ['capitals, neither part a word', 'AN INTERNATIO-\nNAL PANEL', 'AN INTERNATIONAL PANEL'],
    ['a soft hyphen (U+00AD)', 'the Appropria\u00ad\ntions bill', 'the Appropriations bill'],
    ['trailing space and an indent around the break', 'the Appropria-  \n   tions bill', 'the Appropriations bill'],
    // compounds: the hyphen stays, the break closes
    ['both parts words, the whole one not', 'a long-\nterm plan', 'a long-term plan'],
    ['a prefix and a word', 'was re-\nelected', 'was re-elected'],
    ['a capital after the break', 'the McCain-\nFeingold law', 'the McCain-Feingold law'],
    ['a month after a prefix', 'in mid-\nSeptember', 'in mid-September'],
    ['a year after a prefix', 'prices pre-\n1990 were', 'prices pre-1990 were'],
    ['an initialism before the hyphen', 'the NATO-\nled force', 'the NATO-led force'],
    ['a phrase compound', 'a state-of-the-\nart plant', 'a state-of-the-art plant'],
    ['the compound written elsewhere, the joined form a word too', 'his re-election and her re-\nelection', 'his re-election and her re-election'],
    ['a name before a word, written elsewhere alone', 'Putin said the Putin-\nbacked party won', 'Putin said the Putin-backed party won'],
    ['a capitalised prefix opening a sentence', 'It ended. Multi-\nparty talks', 'It ended. Multi-party talks'],
    ['a place before a participle, nowhere else alone', 'a Denver-\nbased firm', 'a Denver-based firm'],
    ['an initialism in capitals, the tail a word', 'THE NATO-\nLED FORCE', 'THE NATO-LED FORCE'],
    ['capitals, a head of two letters', 'ATA-UR-\nREHMAN SAID', 'ATA-UR-REHMAN SAID'],
    ['an initial before an initialism', 'Rep. Lee (D-\nN.C.) said', 'Rep. Lee (D-N.C.) said'],
    // left as they are: no letter before the hyphen, no word after it, an address
    ['a suspended hyphen', 'both pre-\nand post-war', 'both pre- and post-war'],
    ['a suspended hyphen before "to"', 'a two-\nto three-year term', 'a two- to three-year term'],
    ['a suspended hyphen in capitals', 'PRE-\nAND POST-WAR', 'PRE- AND POST-WAR'],
    ['a wire dash', 'the vote --\nand the count', 'the vote -- and the count'],
    ['a spaced dash', 'the vote -\nand the count', 'the vote - and the count'],
    ['a score', 'won 30-\n22 at home', 'won 30- 22 at home'],
    ['a dash before a bracket', 'the plan-\n(which failed)', 'the plan- (which failed)'],
    ['a URL', 'see http://example.com/some-\npath today', 'see http://example.com/some- path today'],
    ['an e-mail address', 'write to jane@exam-\nple.org now', 'write to jane@exam- ple.org now'],
    ['a web address', 'visit www.exam-\nple.org now', 'visit www.exam- ple.org now'],
    ['no hyphen', 'the House\nAppropriations Committee', 'the House Appropriations Committee'],
  ])('%s', (_name, text, expected) => {
    expect(close(text)).toBe(expected)
  })

  it('never joins across a paragraph break (a blank line)', () => {
    const text = 'The House Appropria-\n\ntions Committee'
    expect(close(text, [{start: 0, end: 20}, {start: 22, end: text.length}])).toBe('The House Appropria-  tions Committee')
  })
})

describe('findLineHyphens rules (a small lexicon)', () => {
  const words = new Set(['long', 'term', 'walk', 'way', 'walkway', 'anti', 'war', 'based'])
  const lexicon = (word: string) => words.has(word)
  it.each([
    ['the joined word is known', 'a walk-\nway', true],
    ['both parts known, the whole not', 'a long-\nterm', false],
    ['the tail no word', 'the Feder-\nation', true],
    ['the head no word, the tail one', 'an antii-\nwar', false],
    ['a capital tail', 'the Walk-\nWay', false],
    ['capitals, the joined word known', 'THE WALK-\nWAY', true],
    ['capitals, the tail a word', 'AN ANTII-\nWAR', false],
    ['capitals, neither part a word', 'THE FEDER-\nATION', true],
    ['capitals, neither part a word, a short head', 'THE FE-\nDERATION', false],
    ['a capitalised fragment before a word', 'met Ferg-\nway', true],
    ['the same fragment opening a sentence', 'Ferg-\nway met', false],
    ['the same fragment written alone elsewhere', 'Ferg met Ferg-\nway', false],
    ['a participle after a capitalised fragment', 'met Ferg-\nbased', false],
    ['a lowercase fragment before a word', 'an antii-\nwar', false],
    ['the joined form written elsewhere', 'a long-\nterm and longterm', true],
    ['the compound written elsewhere', 'a walk-\nway and a walk-way', false],
    ['written both ways as often: the rules decide', 'a walk-\nway, a walkway and a walk-way', true],
  ])('%s', (_name, text, join) => {
    expect(findLineHyphens(text, [{start: 0, end: text.length}], lexicon).map((h) => h.join)).toEqual([join])
  })
})

describe('findLineHyphens on a long wrapped document', () => {
  // each broken word's count of how the document writes it elsewhere was a fresh search of the whole text: a 4.4 M
  // character story with 11,090 distinct broken words took 25.7 s (quadratic); now one pass counts every word
  const story = (lines: number) =>
    Array.from({length: lines}, (_, i) => `the council said it would consider the matter of the conti${(i * 7919).toString(36)}-\nnuation plan,`).join('\n')
  it('takes linear time in the number of distinct broken words', () => {
    const run = (text: string) => findLineHyphens(text, [{start: 0, end: text.length}], () => false)
    expect(measureGrowth(run, story(2_000), story(20_000))).toBeLessThan(30)
  })
})

describe('closeLineHyphens', () => {
  const text = 'The House Appropria-\ntions Committee and a long-\nterm plan.'
  const hyphens = findLineHyphens(text, [{start: 0, end: text.length}], isEnglishWord)
  const view = closeLineHyphens(text.replace(/\n/g, ' '), hyphens)

  it('maps spans of the view back onto the text', () => {
    expect(view.text).toBe('The House Appropriations Committee and a long-term plan.')
    const at = (s: string) => ({start: view.text.indexOf(s), end: view.text.indexOf(s) + s.length})
    expect(text.slice(...Object.values(view.toText(at('House Appropriations Committee'))) as [number, number])).toBe('House Appropria-\ntions Committee')
    expect(text.slice(...Object.values(view.toText(at('Appropriations'))) as [number, number])).toBe('Appropria-\ntions')
    expect(text.slice(...Object.values(view.toText(at('long-term'))) as [number, number])).toBe('long-\nterm')
    expect(text.slice(...Object.values(view.toText(at('long-'))) as [number, number])).toBe('long-')
    expect(text.slice(...Object.values(view.toText(at('term plan'))) as [number, number])).toBe('term plan')
    expect(text.slice(...Object.values(view.toText(at('plan.'))) as [number, number])).toBe('plan.')
  })

  it('maps spans of the text into the view, and back', () => {
    for (let start = 0; start < text.length; start++) {
      for (let end = start; end <= text.length; end++) {
        const inView = view.toView({start, end})
        expect(inView.start).toBeLessThanOrEqual(inView.end)
        // a span whose ends are not at or inside a closed break (its characters are gone from the view) comes back as it was
        const back = view.toText(inView)
        const inside = (i: number) => hyphens.some((h) => i >= (h.join ? h.start : h.start + 1) && i <= h.end)
        if (!inside(start) && !inside(end) && end > start) expect(back).toEqual({start, end})
      }
    }
  })

  it('is the identity with nothing to close', () => {
    const same = closeLineHyphens('no breaks here', [])
    expect(same.text).toBe('no breaks here')
    expect(same.toText({start: 3, end: 9})).toEqual({start: 3, end: 9})
  })
})
