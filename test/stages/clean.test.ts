import {describe, expect, it} from 'vitest'
import {createDoc} from '../../src/doc.ts'
import {createPipeline, processDoc} from '../../src/stage.ts'
import {createClean} from '../../src/stages/clean.ts'

describe('createClean', () => {
  // qa7's sweep: a page converted with pdftotext -layout reads every line across two stories, without a word
  it.each([
    ['a page of two columns side by side', Array.from({length: 10}, (_, i) => `The council approved the budget ${i} times`.padEnd(46) + `Schools across the county closed again ${i}`).join('\n'), ['clean:side-columns']],
    ['the same stories one after the other', Array.from({length: 10}, (_, i) => `The council approved the budget ${i} times`).join('\n'), []],
  ])('warns of columns side by side: %s', (_name, text, codes) => {
    const doc = processDoc(createPipeline('t', [createClean()]), createDoc({id: 'd', source: 'd', text}))
    expect(doc.messages.map((m) => m.code)).toEqual(codes)
    expect(doc.text).toBe(text)
    if (codes.length > 0) expect(doc.messages[0]!.message).toBe('the text looks laid out in columns side by side (10 of its 10 lines with words have another column from character 47), as pdftotext -layout writes a page: each line is read across the columns, so their sentences, names and quotes come out mixed; convert the PDF without -layout (plain pdftotext keeps each column\'s lines together)')
  })

  it.each([
    ['every line boilerplate', 'Advertisement\n\nShare this article\n\nSubscribe\n', ['clean:emptied']],
    ['one line of prose kept', 'Advertisement\n\nThe council met on Monday to vote on the budget.\n', []],
    ['an empty text (nothing removed)', '   \n', []],
    ['plain prose', 'The council met on Monday to vote on the budget.', []],
  ])('%s', (_name, text, codes) => {
    const doc = processDoc(createPipeline('t', [createClean()]), createDoc({id: 'd', source: 'd', text}))
    expect(doc.messages.map((m) => m.code)).toEqual(codes)
    if (codes.length > 0) expect(doc.messages[0]!.message).toMatch(/every line was removed as boilerplate \(3 lines, listed in removed\)/)
  })
})
