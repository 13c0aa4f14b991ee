import {describe, expect, it} from 'vitest'
import {removePageFurniture} from '../../src/clean/page-furniture.ts'
import {cleanText} from '../../src/clean/clean-text.ts'

const HEAD = (n: number) => `THE EVENING HERALD -- Friday, March 6, 1998           Page ${n}`

describe('removePageFurniture', () => {
  const cases: {name: string; text: string; expected: string; removed: string[]}[] = [
    {name: 'a text with no form feed is untouched', text: 'One line.\n\nPage 2\n', expected: 'One line.\n\nPage 2\n', removed: []},
    {
      name: 'running heads and page numbers go; a sentence going on over the page joins as a wrap',
      text: `The mayor said the city\nwould spend\n- 1 -\n\f\n${HEAD(2)}\n\nmore money on roads.\n\n- 2 -\n\f${HEAD(3)}\n\nThe end.\n`,
      expected: 'The mayor said the city\nwould spend\nmore money on roads.\n\nThe end.\n',
      removed: ['- 1 -', HEAD(2), '- 2 -', HEAD(3)],
    },
    {
      name: 'a page ending on a sentence keeps a paragraph break',
      text: `First paragraph ends here.\n\f\n${HEAD(2)}\n\nSecond one.\n`,
      expected: 'First paragraph ends here.\n\nSecond one.\n',
      removed: [HEAD(2)],
    },
    {
      name: 'a blank line under the page\'s last line keeps a paragraph break',
      text: `a paragraph with no stop\n\n\f\n${HEAD(2)}\n\nnext paragraph\n`,
      expected: 'a paragraph with no stop\n\nnext paragraph\n',
      removed: [HEAD(2)],
    },
    {
      name: 'a head repeated on two pages without a page number',
      text: 'MIDWEST EDITION\n\nbody one\n\fMIDWEST EDITION\nbody two\n\fMIDWEST EDITION\nbody three\n',
      expected: 'body one\nbody two\nbody three\n',
      removed: ['MIDWEST EDITION', 'MIDWEST EDITION', 'MIDWEST EDITION'],
    },
    {
      name: 'a break with no furniture is left as written, form feed and all',
      text: 'page one text\n\fpage two text\n',
      expected: 'page one text\n\fpage two text\n',
      removed: [],
    },
    {
      name: 'a page number set apart at a head\'s start',
      text: 'it went on\n\f12      THE HERALD\n\nand on.\n',
      expected: 'it went on\nand on.\n',
      removed: ['12      THE HERALD'],
    },
    {
      name: 'a table row at a page\'s top is no head',
      text: 'Results:\n\fWells Fargo      20,500      5,200      12\nCitigroup        20,100      4,600      11\n',
      expected: 'Results:\n\fWells Fargo      20,500      5,200      12\nCitigroup        20,100      4,600      11\n',
      removed: [],
    },
    {
      name: 'a body line at one page\'s top only is kept',
      text: 'The council met.\n\fThe council voted.\n',
      expected: 'The council met.\n\fThe council voted.\n',
      removed: [],
    },
    {
      name: 'a page number in a text with no form feed stays',
      text: 'The end of it.\n\n  - 3 -  \n',
      expected: 'The end of it.\n\n  - 3 -  \n',
      removed: [],
    },
    {
      name: 'a page number at the last page\'s foot goes, the final line break stays',
      text: 'One.\n\f\nTwo.\n\n  - 2 -  \n',
      expected: 'One.\n\f\nTwo.\n',
      removed: ['- 2 -'],
    },
  ]
  for (const {name, text, expected, removed} of cases) {
    it(name, () => {
      const result = removePageFurniture(text)
      expect(result.text).toBe(expected)
      expect(result.lines).toEqual(removed)
    })
  }
})

describe('cleanText: page furniture', () => {
  const paged = `WASHINGTON (AP) -- Senator Anna Holt said on Monday that "the\nbill is dead\n- 1 -\n\f\n${HEAD(2)}\n\nand buried," and left.\n`
  it('records each removed line as clean:page-furniture, first, and gives the quote back whole', () => {
    const result = cleanText(paged)
    expect(result.text).toBe('WASHINGTON (AP) -- Senator Anna Holt said on Monday that "the\nbill is dead\nand buried," and left.')
    expect(result.removed).toEqual([
      {rule: 'clean:page-furniture', text: '- 1 -'},
      {rule: 'clean:page-furniture', text: HEAD(2)},
    ])
  })
  it('leaves the text as before when the rule is off', () => {
    expect(cleanText(paged, {disable: ['page-furniture']}).text).toContain('Page 2')
  })
})

describe('removePageFurniture loses nothing but the lines it lists', () => {
  // seeded random pages of body lines, heads, page numbers, blank lines and form feeds: every character that is not
  // white space is in the text or in a removed line, as many times as in the input
  const pieces = ['The mayor said.', 'and went on', HEAD(3), HEAD(14), '- 2 -', 'Page 9 of 12', '12      THE HERALD', 'Total      1,200      12', '', '  ', '\f', '\f\n', 'x']
  let seed = 7
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  const letters = (text: string) => [...text.replace(/\s/g, '')].sort().join('')
  it('on 500 random texts', () => {
    for (let n = 0; n < 500; n++) {
      const text = Array.from({length: 1 + Math.floor(next() * 30)}, () => pieces[Math.floor(next() * pieces.length)]!).join('\n')
      const {text: out, lines} = removePageFurniture(text)
      expect(letters(out + lines.join(''))).toBe(letters(text))
    }
  })
})
