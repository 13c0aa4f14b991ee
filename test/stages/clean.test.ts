import {describe, expect, it} from 'vitest'
import {createDoc} from '../../src/doc.ts'
import {createPipeline, processDoc} from '../../src/stage.ts'
import {createClean} from '../../src/stages/clean.ts'

describe('createClean', () => {
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
