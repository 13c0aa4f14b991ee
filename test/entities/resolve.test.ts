import {describe, expect, it, vi} from 'vitest'
import type {Entity, EntitySpan} from '../../src/doc.ts'
import {resolveOverlaps} from '../../src/entities/overlaps.ts'
import {resolveMentions} from '../../src/entities/resolve.ts'
import {readSeed, SEED_ENTRIES, spansFor} from './seed-spans.ts'
import {findTokens} from '../../src/segment/segment-text.ts'

function resolveSeed(name: string): {text: string; entities: Entity[]} {
  const text = readSeed(name)
  return {text, entities: resolveMentions(text, findTokens(text), resolveOverlaps(text, spansFor(text, SEED_ENTRIES[name])))}
}

const seeds = new Map(Object.keys(SEED_ENTRIES).map((name) => [name.slice(0, 3), resolveSeed(name)]))

/** The `nth` entity (0-based) whose text is `mention` in seed `doc`. */
function mentionOf(doc: string, mention: string, nth = 0): Entity | undefined {
  const {text, entities} = seeds.get(doc)!
  return entities.filter((e) => text.slice(e.start, e.end) === mention)[nth]
}

describe('resolveMentions on the seed articles (hand-built spans)', () => {
  it.each([
    // [doc, mention, nth, canonical, entityId, role]
    ['000', 'Volodymyr Zelenskyy', 0, 'Volodymyr Zelenskyy', 'person:volodymyr-zelenskyy', 'Ukrainian President'],
    ['000', 'Maria Zakharova', 0, 'Maria Zakharova', 'person:maria-zakharova', 'Russian Foreign Ministry spokesperson'],
    ['000', 'Zakharova', 0, 'Maria Zakharova', 'person:maria-zakharova', undefined],
    ['000', 'Serhiy Kyslytsya', 0, 'Serhiy Kyslytsya', 'person:serhiy-kyslytsya', "Ukraine's First Deputy Foreign Minister"],
    ['000', 'Vladimir Putin', 0, 'Vladimir Putin', 'person:vladimir-putin', 'Russian President'],
    ['000', 'Dmitry Peskov', 0, 'Dmitry Peskov', 'person:dmitry-peskov', 'Kremlin spokesperson'],
    ['000', 'Sergey Lavrov', 0, 'Sergey Lavrov', 'person:sergey-lavrov', 'Foreign Minister'],
    ['000', 'Su Xiaohui', 0, 'Su Xiaohui', 'person:su-xiaohui', 'associate research fellow at the China Institute of International Studies'],
    ['000', 'Su', 0, 'Su Xiaohui', 'person:su-xiaohui', undefined],
    ['000', 'Ursula von der Leyen', 0, 'Ursula von der Leyen', 'person:ursula-von-der-leyen', 'European Commission President'],
    ['000', 'Von der Leyen', 0, 'Ursula von der Leyen', 'person:ursula-von-der-leyen', undefined],
    ['000', 'von der Leyen', 0, 'Ursula von der Leyen', 'person:ursula-von-der-leyen', undefined],
    ['000', 'Commission', 0, 'European Commission', 'org:european-commission', undefined],
    ['000', 'U.S.', 0, 'U.S.', 'loc:us', undefined],
    ['001', 'Rodion Miroshnik', 0, 'Rodion Miroshnik', 'person:rodion-miroshnik', "Russian Foreign Ministry's ambassador-at-large"],
    ['001', 'Miroshnik', 0, 'Rodion Miroshnik', 'person:rodion-miroshnik', undefined],
    ['001', 'Marta Hurtado', 0, 'Marta Hurtado', 'person:marta-hurtado', 'spokeswoman for the Office of the United Nations High Commissioner for Human Rights'],
    ['001', 'Dmitry Peskov', 0, 'Dmitry Peskov', 'person:dmitry-peskov', 'Kremlin spokesman'],
    ['001', 'Donald Trump', 0, 'Donald Trump', 'person:donald-trump', 'American leader'],
    ['001', 'Trump', 0, 'Donald Trump', 'person:donald-trump', undefined],
    ['001', 'Marco Rubio', 0, 'Marco Rubio', 'person:marco-rubio', 'US Secretary of State'],
    ['001', 'Vladimir Oleinik', 0, 'Vladimir Oleinik', 'person:vladimir-oleinik', undefined],
    ['001', 'Oleinik', 0, 'Vladimir Oleinik', 'person:vladimir-oleinik', undefined],
    ['001', 'Timur Mindich', 0, 'Timur Mindich', 'person:timur-mindich', 'businessman'],
    ['001', 'German Galushchenko', 0, 'German Galushchenko', 'person:german-galushchenko', 'Minister of Justice of Ukraine'],
    ['001', 'Svetlana Grinchuk', 0, 'Svetlana Grinchuk', 'person:svetlana-grinchuk', 'Minister of Energy'],
    ['001', 'Zelensky', 0, 'Vladimir Zelensky', 'person:vladimir-zelensky', undefined],
    ['001', 'Yermak', 0, 'Yermak', 'person:yermak', undefined],
    ['001', 'National Anti-Corruption Bureau of Ukraine', 0, 'National Anti-Corruption Bureau of Ukraine', 'org:national-anti-corruption-bureau-of-ukraine', undefined],
    ['001', 'NABU', 0, 'NABU', 'org:national-anti-corruption-bureau-of-ukraine', undefined],
    ['001', 'NABU', 2, 'NABU', 'org:national-anti-corruption-bureau-of-ukraine', undefined],
    ['001', 'SAP', 0, 'SAP', 'org:specialized-anti-corruption-prosecutors-office', undefined],
    ['001', 'OHCHR', 1, 'OHCHR', 'org:office-of-the-united-nations-high-commissioner-for-human-rights', undefined],
    ['002', 'Sergiy Kyslytsya', 0, 'Sergiy Kyslytsya', 'person:sergiy-kyslytsya', 'Deputy Foreign Minister'],
    ['002', 'Sergiy Kyslytsya', 1, 'Sergiy Kyslytsya', 'person:sergiy-kyslytsya', 'First Deputy Foreign Minister of Ukraine'],
    ['002', 'Kyslytsya', 0, 'Sergiy Kyslytsya', 'person:sergiy-kyslytsya', undefined],
    ['003', 'Vladimir Putin’s', 0, 'Vladimir Putin', 'person:vladimir-putin', 'President'],
    ['003', 'Dmitry Peskov', 0, 'Dmitry Peskov', 'person:dmitry-peskov', 'President Vladimir Putin’s press secretary'],
    ['003', 'Peskov', 0, 'Dmitry Peskov', 'person:dmitry-peskov', undefined],
    ['003', 'Sergey Kislya', 0, 'Sergey Kislya', 'person:sergey-kislya', 'Ukraine’s Deputy Foreign Minister'],
    ['003', 'Kislya’s', 0, 'Sergey Kislya', 'person:sergey-kislya', undefined],
    ['003', 'Ukraine’s', 0, 'Ukraine', 'loc:ukraine', undefined],
  ])('%s %s #%i -> %s', (doc, mention, nth, canonical, entityId, role) => {
    const entity = mentionOf(doc, mention, nth)
    expect(entity, `${mention} not found`).toBeDefined()
    expect(entity!.canonical).toBe(canonical)
    expect(entity!.entityId).toBe(entityId)
    expect(entity!.role).toBe(role)
  })

  it('drops the money figure and keeps spans sorted and disjoint', () => {
    for (const {text, entities} of seeds.values()) {
      expect(entities.some((e) => text.slice(e.start, e.end).includes('€'))).toBe(false)
      for (let i = 1; i < entities.length; i++) expect(entities[i].start).toBeGreaterThanOrEqual(entities[i - 1].end)
    }
  })

  it('adds the acronym uses the recogniser missed', () => {
    const {text, entities} = seeds.get('001')!
    const ohchr = entities.filter((e) => text.slice(e.start, e.end) === 'OHCHR')
    expect(ohchr).toHaveLength(2)
  })
})

describe('resolveMentions coreference rules', () => {
  const text = 'Jane Roe met John Roe. Roe said. Later Jane spoke. Mr. Smith arrived; Smith left. V. Petrov and Viktor Petrov.'
  const at = (needle: string, label: EntitySpan['label'] = 'PERSON', from = 0): EntitySpan => {
    const start = text.indexOf(needle, from)
    return {start, end: start + needle.length, label}
  }
  const spans = [
    at('Jane Roe'), at('John Roe'), at('Roe', 'PERSON', text.indexOf('Roe said')), at('Jane', 'PERSON', text.indexOf('Later')),
    at('Mr. Smith'), at('Smith', 'PERSON', text.indexOf('Smith left')), at('V. Petrov'), at('Viktor Petrov'),
  ]
  const entities = resolveMentions(text, findTokens(text), spans)
  const canonicalOf = (needle: string, from = 0): string | undefined => entities.find((e) => e.start === text.indexOf(needle, from))?.canonical

  it.each([
    ['Roe', text.indexOf('Roe said'), 'Roe', 'an ambiguous surname stays as written'],
    ['Jane', text.indexOf('Later'), 'Jane Roe', 'a unique first name joins the full name'],
    ['Mr. Smith', 0, 'Smith', 'an honorific is dropped'],
    ['Smith', text.indexOf('Smith left'), 'Smith', 'a surname with no earlier full name stays as written'],
    ['V. Petrov', 0, 'V. Petrov', 'an initial before the full name has no antecedent'],
  ])('%s -> %s (%s)', (needle, from, canonical) => {
    expect(canonicalOf(needle, from)).toBe(canonical)
  })

  it('is deterministic', () => {
    expect(resolveMentions(text, findTokens(text), spans)).toEqual(entities)
  })
})

describe('resolveMentions ids: the id of the label and the name written out (kept with cached names, never stale)', () => {
  const text = 'Jane Roe met the World Bank in Paris. Roe said the Bank and Paris agreed. Paris (a person) spoke to Jane.'
  const at = (needle: string, label: EntitySpan['label'], from = 0): EntitySpan => {
    const start = text.indexOf(needle, from)
    return {start, end: start + needle.length, label}
  }
  const spans = [
    at('Jane Roe', 'PERSON'), at('the World Bank', 'ORG'), at('Paris', 'LOC'), at('Roe', 'PERSON', 30), at('Bank', 'ORG', 50),
    at('Paris', 'LOC', 50), at('Paris', 'PERSON', 70), at('Jane', 'PERSON', 90),
  ]
  it.each([0, 1, 2])('pass %i (names cached from the passes before)', () => {
    const entities = resolveMentions(text, findTokens(text), spans)
    expect(entities.map((e) => [text.slice(e.start, e.end), e.canonical, e.entityId])).toEqual([
      ['Jane Roe', 'Jane Roe', 'person:jane-roe'],
      ['the World Bank', 'World Bank', 'org:world-bank'],
      ['Paris', 'Paris', 'loc:paris'],
      ['Roe', 'Jane Roe', 'person:jane-roe'],
      ['Bank', 'World Bank', 'org:world-bank'],
      ['Paris', 'Paris', 'loc:paris'],
      ['Paris', 'Paris', 'person:paris'],
      ['Jane', 'Jane Roe', 'person:jane-roe'],
    ])
  })
})

describe('resolveMentions does not depend on what was resolved before (the caches by surface form hold pure results)', () => {
  it('gives each seed the same entities in a fresh process as after every other seed, in either order', async () => {
    const names = Object.keys(SEED_ENTRIES)
    const inputs = names.map((name) => {
      const text = readSeed(name)
      return {text, tokens: findTokens(text), spans: resolveOverlaps(text, spansFor(text, SEED_ENTRIES[name]))}
    })
    // fresh modules: empty caches of canonical names, parsed names, role words and ids
    vi.resetModules()
    const fresh = await import('../../src/entities/resolve.ts')
    const firstSeen: Entity[][] = []
    for (const input of inputs) {
      vi.resetModules()
      const module: typeof fresh = await import('../../src/entities/resolve.ts')
      firstSeen.push(module.resolveMentions(input.text, input.tokens, input.spans))
    }
    // this module's caches already hold every seed (resolved at import above); once more in reverse order, then forwards
    const reversed = [...inputs].reverse().map((input) => resolveMentions(input.text, input.tokens, input.spans)).reverse()
    const forwards = inputs.map((input) => fresh.resolveMentions(input.text, input.tokens, input.spans))
    expect(reversed).toStrictEqual(firstSeen)
    expect(forwards).toStrictEqual(firstSeen)
  })
})
