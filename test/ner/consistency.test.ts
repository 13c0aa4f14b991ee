import {describe, expect, it} from 'vitest'
import {harmoniseDocument} from '../../src/ner/consistency.ts'
import {BILOU_TAGS} from '../../src/ner/tags.ts'

// one sentence a line; words separated by spaces; a tag per word (BILOU names), '-' for O
function run(sentences: string[], tagLines: string[], headline: number[] = []): string[] {
  const words = sentences.flatMap((s) => s.split(' '))
  const tags = tagLines.flatMap((t) => t.split(' ')).map((t) => (t === '-' ? 0 : BILOU_TAGS.indexOf(t)))
  const ids = new Map<string, number>()
  const lowerIds = words.map((w) => {
    const lower = w.toLowerCase()
    if (!ids.has(lower)) ids.set(lower, ids.size)
    return ids.get(lower)!
  })
  const sentenceEnds: number[] = []
  const position: number[] = []
  let n = 0
  sentences.forEach((s, k) => {
    const count = s.split(' ').length
    for (let i = 0; i < count; i++) position.push(headline.includes(k) ? 2 : i === 0 ? 0 : 1)
    sentenceEnds.push((n += count))
  })
  const capitalised = words.map((w) => (/^\p{Lu}/u.test(w) ? 1 : 0))
  const out = Uint8Array.from(tags)
  harmoniseDocument({lowerIds, capitalised, position, sentenceEnds}, out)
  return Array.from(out, (t) => (t === 0 ? '-' : BILOU_TAGS[t]))
}

describe('harmoniseDocument', () => {
  it.each([
    {
      why: 'a repeat of a name tagged twice the same way is tagged',
      sentences: ['Acme Robotics said so', 'Then Acme Robotics won', 'Shares in Acme Robotics rose'],
      tags: ['B-ORG L-ORG - -', '- B-ORG L-ORG -', '- - - - -'],
      expected: ['B-ORG L-ORG - -', '- B-ORG L-ORG -', '- - B-ORG L-ORG -'],
    },
    {
      why: 'one earlier mention is not enough',
      sentences: ['Acme said so', 'Shares in Acme rose'],
      tags: ['U-ORG - -', '- - - -'],
      expected: ['U-ORG - -', '- - - -'],
    },
    {
      why: 'a person among mentions of a place (two thirds) becomes the place, and the reverse; one against one decides nothing',
      sentences: ['Jordan said', 'in Jordan now', 'to Jordan today', 'Nyerere spoke', 'Nyerere left', 'Nyerere won', 'Acme rose', 'Acme fell'],
      tags: ['U-PER -', '- U-LOC -', '- U-LOC -', 'U-ORG -', 'U-PER -', 'U-PER -', 'U-PER -', 'U-ORG -'],
      expected: ['U-LOC -', '- U-LOC -', '- U-LOC -', 'U-PER -', 'U-PER -', 'U-PER -', 'U-PER -', 'U-ORG -'],
    },
    {
      why: 'mentions that disagree between ORG, LOC and MISC decide nothing, and such mentions are not relabelled',
      sentences: ['Real won', 'Real lost', 'Real drew', 'for Real now'],
      tags: ['U-ORG -', 'U-ORG -', 'U-LOC -', '- - -'],
      expected: ['U-ORG -', 'U-ORG -', 'U-LOC -', '- - -'],
    },
    {
      why: 'a lowercase occurrence, a piece of a longer capitalised run and a headline are left alone',
      sentences: ['Apple rose', 'Apple fell', 'an apple a day', 'Big Apple Bank', 'APPLE WINS'],
      tags: ['U-ORG -', 'U-ORG -', '- - - -', '- - -', '- -'],
      expected: ['U-ORG -', 'U-ORG -', '- - - -', '- - -', '- -'],
      headline: [4],
    },
    {
      why: 'the longest tagged name wins where two start with the same word',
      sentences: ['Bank of Japan said', 'the Bank of Japan cut', 'Bank said', 'Bank added', 'and Bank of Japan too'],
      tags: ['B-ORG I-ORG L-ORG -', '- B-ORG I-ORG L-ORG -', 'U-LOC -', 'U-LOC -', '- - - - -'],
      expected: ['B-ORG I-ORG L-ORG -', '- B-ORG I-ORG L-ORG -', 'U-LOC -', 'U-LOC -', '- B-ORG I-ORG L-ORG -'],
    },
    {
      why: 'a name split into pieces where it is tagged whole elsewhere is made whole, with its label',
      sentences: ['the Bank of Japan said', 'Bank of Japan data', 'Bank of Japan rose'],
      tags: ['- B-ORG I-ORG L-ORG -', 'U-ORG - U-LOC -', 'U-ORG - - -'],
      expected: ['- B-ORG I-ORG L-ORG -', 'B-ORG I-ORG L-ORG -', 'B-ORG I-ORG L-ORG -'],
    },
    {
      why: 'a piece that reaches outside the name, a lowercase end, a person, and split votes are left alone',
      sentences: ['Greater Milwaukee Open won', 'Greater Milwaukee Open Trust', 'Pirelli cables rose', 'Pirelli cables fell', 'Mr. Ban said', 'Ban Ki-moon', 'Real Madrid won', 'Real Madrid lost', 'Real Madrid drew'],
      tags: ['B-MISC I-MISC L-MISC -', '- B-ORG I-ORG L-ORG', 'B-ORG L-ORG -', 'U-ORG - -', 'B-PER L-PER -', 'U-PER -', 'B-ORG L-ORG -', 'B-LOC L-LOC -', 'U-ORG - -'],
      expected: ['B-MISC I-MISC L-MISC -', '- B-ORG I-ORG L-ORG', 'B-ORG L-ORG -', 'U-ORG - -', 'B-PER L-PER -', 'U-PER -', 'B-ORG L-ORG -', 'B-LOC L-LOC -', 'U-ORG - -'],
    },
    {
      why: 'in an all-caps headline a piece is made whole too',
      sentences: ['Greater Milwaukee Open starts', 'GREATER MILWAUKEE OPEN SCORES'],
      tags: ['B-MISC I-MISC L-MISC -', '- B-MISC L-MISC -'],
      expected: ['B-MISC I-MISC L-MISC -', 'B-MISC I-MISC L-MISC -'],
      headline: [1],
    },
  ])('$why', ({sentences, tags, expected, headline}) => {
    expect(run(sentences, tags, headline)).toEqual(expected.flatMap((t) => t.split(' ')))
  })
})
