import {describe, expect, it} from 'vitest'
import {isMoneyLike, resolveOverlaps} from '../../src/entities/overlaps.ts'
import type {EntitySpan} from '../../src/doc.ts'

describe('isMoneyLike', () => {
  it.each([
    ['$6.98 billion', true],
    ['€6 billion', true],
    ['500 million dollars', true],
    ['USD 20', true],
    ['Euroclear', false],
    ['2025', false],
    ['Dollar General', false],
  ])('%s -> %s', (text, expected) => {
    expect(isMoneyLike(text)).toBe(expected)
  })
})

describe('resolveOverlaps', () => {
  const text = 'On May 16, 2025 the EU gave €6 billion ($6.98 billion) to Theresa May in 1000 pieces.'
  const at = (needle: string, label: EntitySpan['label']): EntitySpan => {
    const start = text.indexOf(needle)
    return {start, end: start + needle.length, label}
  }

  it('keeps one label per span, drops money and bare numbers, prefers the longer span', () => {
    const names = [at('EU', 'ORG'), at('€6 billion', 'MISC'), at('$6.98 billion', 'MISC'), at('May 16', 'PERSON'), at('Theresa May', 'PERSON'), at('1000', 'MISC')]
    const dates = [at('May 16, 2025', 'DATE')]
    const kept = resolveOverlaps(text, names, dates).map((s) => [text.slice(s.start, s.end), s.label])
    expect(kept).toEqual([
      ['May 16, 2025', 'DATE'],
      ['EU', 'ORG'],
      ['Theresa May', 'PERSON'],
    ])
  })

  it('keeps the recogniser label on an exact tie and the output sorted', () => {
    const names = [at('Theresa May', 'PERSON')]
    const dates = [at('Theresa May', 'DATE'), at('2025', 'DATE')]
    expect(resolveOverlaps(text, names, dates)).toEqual([at('2025', 'DATE'), at('Theresa May', 'PERSON')])
  })

  describe('with the money layer', () => {
    const money = 'Profit was 21.8 million French francs, bonds fell C$ 0.45, Euro 96 ended and the EU gave $6.98 billion.'
    const span = (needle: string, label: EntitySpan['label']): EntitySpan => {
      const start = money.indexOf(needle)
      return {start, end: start + needle.length, label}
    }
    const figures = [span('21.8 million French francs', 'MONEY'), span('C$ 0.45', 'MONEY'), span('$6.98 billion', 'MONEY')]
    const show = (spans: EntitySpan[]) => spans.map((s) => `${s.label}:${money.slice(s.start, s.end)}`)
    it.each<[string, EntitySpan[], EntitySpan[], string[]]>([
      ['a nationality inside a figure is kept, the figure gives way', [span('French', 'MISC')], [span('21.8 million', 'CARDINAL')], ['MISC:French', 'MONEY:C$ 0.45', 'MONEY:$6.98 billion']],
      ['a dollar prefix inside a figure is kept', [span('C$', 'MISC')], [], ['MONEY:21.8 million French francs', 'MISC:C$', 'MONEY:$6.98 billion']],
      ['a name holding a figure\'s digits is dropped', [span('$6.98 billion', 'MISC'), span('EU', 'ORG')], [], ['MONEY:21.8 million French francs', 'MONEY:C$ 0.45', 'ORG:EU', 'MONEY:$6.98 billion']],
      ['a money-looking name no figure overlaps stays', [span('Euro 96', 'MISC')], [], ['MONEY:21.8 million French francs', 'MONEY:C$ 0.45', 'MISC:Euro 96', 'MONEY:$6.98 billion']],
    ])('%s', (_name, names, numbers, expected) => {
      expect(show(resolveOverlaps(money, names, [], [...figures, ...numbers], true))).toEqual(expected)
    })

    it('drops money-looking names by their text when the money layer is not known', () => {
      expect(show(resolveOverlaps(money, [span('Euro 96', 'MISC'), span('French', 'MISC')], [], []))).toEqual(['MISC:French'])
    })
  })
})
