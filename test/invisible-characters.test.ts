// Characters that render as nothing (soft hyphen, zero-width space, zero-width (non-)joiner, word joiner, U+FEFF)
// inside or before a name, end to end through the news pipeline: the name is one entity whose text keeps the
// character (offsets are into the text as written) and whose canonical name and id are the plain name's.
import {describe, expect, it} from 'vitest'
import {createDoc} from '../src/doc.ts'
import {pipelineFor} from '../src/run/worker.ts'
import {processDoc} from '../src/stage.ts'

const story = (a: string, b: string) => `On Tuesday ${a} met ${b} in Brussels to discuss trade. "It was a good talk," ${b.split(' ')[1]} told reporters.`

describe('a name with a character that renders as nothing', () => {
  const pipeline = pipelineFor({name: 'news', options: {}})
  it.each([
    ['plain', 'Angela Merkel', 'Emmanuel Macron'],
    ['a soft hyphen inside', 'Angela Mer\u00adkel', 'Emmanuel Mac\u00adron'],
    ['a zero-width joiner inside', 'Ange\u200dla Merkel', 'Emm\u200danuel Macron'],
    ['a zero-width non-joiner inside', 'Angela Mer\u200ckel', 'Emmanuel Mac\u200cron'],
    ['a zero-width space inside', 'Angela Mer\u200bkel', 'Emmanuel Mac\u200bron'],
    ['a word joiner inside', 'Ange\u2060la Merkel', 'Emm\u2060anuel Macron'],
    ['a zero-width no-break space inside', 'Ange\ufeffla Merkel', 'Emm\ufeffanuel Macron'],
    ['a zero-width joiner opening each word', '\u200dAngela \u200dMerkel', '\u200dEmmanuel \u200dMacron'],
    ['a soft hyphen opening each word', '\u00adAngela \u00adMerkel', '\u00adEmmanuel \u00adMacron'],
    ['a right-to-left override inside', 'Ange\u202ela Merkel', 'Emmanuel Mac\u202eron'],
    ['a right-to-left mark after each word', 'Angela\u200f Merkel\u200f', 'Emmanuel\u200f Macron\u200f'],
  ])('%s: one entity each, text as written, canonical and id plain, the quote attributed', (_name, a, b) => {
    const text = story(a, b)
    const doc = processDoc(pipeline, createDoc({id: 'd', source: 'd.txt', text}))
    const people = (doc.entities ?? []).filter((e) => e.label === 'PERSON')
    const first = (name: string) => people.find((e) => e.canonical === name)
    // the first mention of each covers the name as written (an invisible character at either edge may stay outside it)
    for (const [written, canonical, id] of [[a, 'Angela Merkel', 'person:angela-merkel'], [b, 'Emmanuel Macron', 'person:emmanuel-macron']] as const) {
      const entity = first(canonical)
      expect(entity, canonical).toBeDefined()
      expect(entity!.entityId).toBe(id)
      expect(written.includes(text.slice(entity!.start, entity!.end))).toBe(true)
      expect(text.slice(entity!.start, entity!.end).replace(/[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g, '')).toBe(canonical)
    }
    expect(people.every((e) => e.entityId === 'person:angela-merkel' || e.entityId === 'person:emmanuel-macron')).toBe(true)
    expect((doc.quotes ?? []).map((q) => q.speaker?.entityId)).toEqual(['person:emmanuel-macron'])
  })
})
