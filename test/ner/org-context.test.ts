import {describe, expect, it} from 'vitest'
import {applyOrgContext} from '../../src/ner/org-context.ts'
import {encodeBilou, decodeBilou, type TokenSpan} from '../../src/ner/tags.ts'

// stand-in place and given-name lists (the tagger passes the model's data-package lists and rule J's list)
const COUNTRIES = new Set(['freedonia'])
const CITIES = new Set(['marlow'])
const GIVEN = new Set(['anna'])

type Case = {
  name: string
  words: string
  spans: [number, number, TokenSpan['type']][]
  sentenceEnds?: number[]
  after: [number, number, TokenSpan['type']][]
  changes: number
  coordination?: boolean
}

const cases: Case[] = [
  // D1: apposition after the name
  {name: 'D1: ", the <words> head" and a boundary word', words: 'Orders at Brackwell , the department store chain with 60 shops , stopped', spans: [[2, 3, 'LOC']], after: [[2, 3, 'ORG']], changes: 1},
  {name: "D1: \", X 's <words> head .\"", words: "Zembla , Freedonia 's largest union federation .", spans: [[0, 1, 'LOC'], [2, 3, 'LOC']], after: [[0, 1, 'ORG'], [2, 3, 'LOC']], changes: 1},
  {name: 'D1: a two-word head', words: 'Quillon , the Canadian asset manager .', spans: [[0, 1, 'PER'], [3, 4, 'MISC']], after: [[0, 1, 'ORG'], [3, 4, 'MISC']], changes: 1},
  {name: 'D1: "of" after a head that does not count things', words: 'Tarvo , the new party of the strategist', spans: [[0, 1, 'PER']], after: [[0, 1, 'ORG']], changes: 1},
  {name: 'D1 not: "of" after a collective head', words: 'Skerries , a group of islands', spans: [[0, 1, 'LOC']], after: [[0, 1, 'LOC']], changes: 0},
  {name: 'D1 not: the head is a modifier of a role', words: 'Smythe , a union leader , said', spans: [[0, 1, 'PER']], after: [[0, 1, 'PER']], changes: 0},
  {name: "D1 not: the head owns a role (\"the company 's founder\")", words: "Smythe , the company 's founder", spans: [[0, 1, 'PER']], after: [[0, 1, 'PER']], changes: 0},
  {name: 'D1 not: a function word before the head', words: 'Smythe , the head of the company that', spans: [[0, 1, 'PER']], after: [[0, 1, 'PER']], changes: 0},
  {name: 'D1: "fund manager" is a head as a pair', words: 'Smythe , the fund manager .', spans: [[0, 1, 'PER']], after: [[0, 1, 'ORG']], changes: 1},
  {name: 'D1 not: a capitalised head word', words: 'Smythe , the Labour Party candidate', spans: [[0, 1, 'PER'], [3, 5, 'ORG']], after: [[0, 1, 'PER'], [3, 5, 'ORG']], changes: 0},
  {name: 'D1 not: more than four words before the head', words: 'Brackwell , the very old big grey stone company .', spans: [[0, 1, 'LOC']], after: [[0, 1, 'LOC']], changes: 0},
  {name: 'D1 not: a country', words: 'Freedonia , the party said .', spans: [[0, 1, 'LOC']], after: [[0, 1, 'LOC']], changes: 0},
  {name: 'D1 not across a sentence end', words: 'He saw Brackwell . , the chain .', spans: [[2, 3, 'LOC']], sentenceEnds: [4, 8], after: [[2, 3, 'LOC']], changes: 0},
  {name: 'D1 not: "manager" alone', words: 'Smythe , the team manager .', spans: [[0, 1, 'PER']], after: [[0, 1, 'PER']], changes: 0},
  // D2: apposition before the name
  {name: 'D2: "head , name ,"', words: "Freedonia 's public broadcaster , Kanto , and others", spans: [[0, 1, 'LOC'], [5, 6, 'LOC']], after: [[0, 1, 'LOC'], [5, 6, 'ORG']], changes: 1},
  {name: 'D2: "head name until"', words: 'the supermarket chain Jumbar until 2024', spans: [[3, 4, 'LOC']], after: [[3, 4, 'ORG']], changes: 1},
  {name: 'D2 not: a verb after the name', words: 'the company Smythe founded', spans: [[2, 3, 'PER']], after: [[2, 3, 'PER']], changes: 0},
  {name: 'D2 not: "head , name" then a word', words: 'said the agency , Smythe said', spans: [[4, 5, 'PER']], after: [[4, 5, 'PER']], changes: 0},
  {name: 'D2 not: a country after the head', words: 'in the group Freedonia , too', spans: [[3, 4, 'LOC']], after: [[3, 4, 'LOC']], changes: 0},
  // D3: coordination
  {name: 'D3: a PER among ORG items', words: 'Acme Capital , Silver Holdings and Zorba sent it', spans: [[0, 2, 'ORG'], [3, 5, 'ORG'], [6, 7, 'PER']], after: [[0, 2, 'ORG'], [3, 5, 'ORG'], [6, 7, 'ORG']], changes: 1},
  {name: 'D3: two items', words: 'plants run by Glenco and Zorba .', spans: [[3, 4, 'ORG'], [5, 6, 'PER']], after: [[3, 4, 'ORG'], [5, 6, 'ORG']], changes: 1},
  {name: 'D3 not: a list with a PER item besides', words: 'Glenco , Smythe and Zorba', spans: [[0, 1, 'ORG'], [2, 3, 'PER'], [4, 5, 'PER']], after: [[0, 1, 'ORG'], [2, 3, 'PER'], [4, 5, 'PER']], changes: 0},
  {name: 'D3 not: commas only (an apposition)', words: "Zorba , Glenco 's chief", spans: [[0, 1, 'PER'], [2, 3, 'ORG']], after: [[0, 1, 'PER'], [2, 3, 'ORG']], changes: 0},
  {name: 'D3 not: a given name first', words: 'Glenco and Anna Zorba', spans: [[0, 1, 'ORG'], [2, 4, 'PER']], after: [[0, 1, 'ORG'], [2, 4, 'PER']], changes: 0},
  {name: "D3 not: a surname of the document's full name", words: 'Ben Zorba spoke . Glenco and Zorba agreed', spans: [[0, 2, 'PER'], [4, 5, 'ORG'], [6, 7, 'PER']], sentenceEnds: [4, 9], after: [[0, 2, 'PER'], [4, 5, 'ORG'], [6, 7, 'PER']], changes: 0},
  {name: 'D3 not: a LOC item', words: 'Glenco and Brackwell', spans: [[0, 1, 'ORG'], [2, 3, 'LOC']], after: [[0, 1, 'ORG'], [2, 3, 'LOC']], changes: 0},
  {name: 'D3 off: a PER among ORG items stays PER', words: 'Acme Capital , Silver Holdings and Zorba sent it', spans: [[0, 2, 'ORG'], [3, 5, 'ORG'], [6, 7, 'PER']], coordination: false, after: [[0, 2, 'ORG'], [3, 5, 'ORG'], [6, 7, 'PER']], changes: 0},
  {name: 'D3 off: D1 and D4 still run', words: 'Brackwell , the retailer , said . Glenco and Brackwell paid', spans: [[0, 1, 'LOC'], [7, 8, 'ORG'], [9, 10, 'PER']], sentenceEnds: [7, 11], coordination: false, after: [[0, 1, 'ORG'], [7, 8, 'ORG'], [9, 10, 'ORG']], changes: 2},
  {name: 'D3 not: a word between the items', words: 'Glenco and the Zorba', spans: [[0, 1, 'ORG'], [3, 4, 'PER']], after: [[0, 1, 'ORG'], [3, 4, 'PER']], changes: 0},
  // D4: the document
  {name: "D4: the name's other LOC and PER mentions follow", words: 'Brackwell , the retailer , said . Brackwell closed . Brackwell paid', spans: [[0, 1, 'LOC'], [7, 8, 'LOC'], [10, 11, 'PER']], sentenceEnds: [7, 10, 12], after: [[0, 1, 'ORG'], [7, 8, 'ORG'], [10, 11, 'ORG']], changes: 3},
  {name: 'D4 not: a city name elsewhere', words: 'Marlow , the club , won . Marlow is wet', spans: [[0, 1, 'LOC'], [7, 8, 'LOC']], sentenceEnds: [7, 10], after: [[0, 1, 'ORG'], [7, 8, 'LOC']], changes: 1},
  {name: 'not an ORG or MISC mention', words: 'Brackwell , the retailer', spans: [[0, 1, 'MISC']], after: [[0, 1, 'MISC']], changes: 0},
]

const toSpans = (list: Case['spans']): TokenSpan[] => list.map(([start, end, type]) => ({start, end, type}))

describe('applyOrgContext (rule D)', () => {
  it.each(cases)('$name', ({words, spans, sentenceEnds, after, changes, coordination}) => {
    const tokens = words.split(' ')
    const tags = encodeBilou(toSpans(spans), tokens.length)
    const made = applyOrgContext(tags, {
      wordAt: (i) => tokens[i]!,
      sentenceEnds: sentenceEnds ?? [tokens.length],
      isCountryOrRegion: (name) => COUNTRIES.has(name),
      isCity: (name) => CITIES.has(name),
      isGivenName: (word) => GIVEN.has(word),
      coordination,
    })
    expect(decodeBilou(tags)).toEqual(toSpans(after))
    expect(made).toBe(changes)
  })
})
