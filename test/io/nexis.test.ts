import {describe, expect, it} from 'vitest'
import {splitNexisExport} from '../../src/io/nexis.ts'

const story = (n: number) => `The Daily Courier\n\nStory ${n}\n\nSenator ${n} said the vote would wait.\n\nLOAD-DATE: March 4, 2019\n`

describe('splitNexisExport', () => {
  const cases: {name: string; text: string; expected: [number, string][] | null}[] = [
    {
      name: 'an export of three documents',
      text: `               1 of 3 DOCUMENTS\n\n${story(1)}\n               2 of 3 DOCUMENTS\n\n${story(2)}\n\n               3 of 3 DOCUMENTS\n${story(3)}`,
      expected: [[1, story(1).trimEnd()], [11, story(2).trimEnd()], [22, story(3).trimEnd()]],
    },
    {name: 'one document is no export to split', text: `1 of 1 DOCUMENT\n\n${story(1)}`, expected: null},
    {name: 'text before the first marker: no export', text: `Notes\n1 of 2 DOCUMENTS\n${story(1)}2 of 2 DOCUMENTS\n${story(2)}`, expected: null},
    {name: 'a text with no marker', text: story(1), expected: null},
    {
      name: 'a marker of another shape inside a story stays text',
      text: `1 of 2 DOCUMENTS\nThe report, 5 of 9 DOCUMENTS, was sealed.\n5 of 9 DOCUMENTS\n2 of 2 DOCUMENTS\nSecond.\n`,
      expected: [[1, 'The report, 5 of 9 DOCUMENTS, was sealed.\n5 of 9 DOCUMENTS'], [4, 'Second.']],
    },
    {
      name: 'an export cut short keeps the documents it holds',
      text: '1 of 25 DOCUMENTS\nFirst.\n2 of 25 DOCUMENTS\nSecond.\n',
      expected: [[1, 'First.'], [3, 'Second.']],
    },
    {name: 'an empty document is given as empty', text: '1 of 2 DOCUMENTS\n\n2 of 2 DOCUMENTS\nSecond.\n', expected: [[1, ''], [3, 'Second.']]},
  ]
  for (const {name, text, expected} of cases) {
    it(name, () => {
      const pieces = splitNexisExport(text)
      expect(pieces === null ? null : pieces.map((p) => [p.line, p.text])).toEqual(expected)
    })
  }
})
