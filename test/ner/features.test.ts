import {describe, expect, it} from 'vitest'
import {
  CASE_CLASSES,
  caseClass,
  clusterKey,
  clusterPath,
  featureForm,
  isCapitalised,
  isCapsSentence,
  normaliseWord,
  splitFeatureName,
  emitTypeFeatures,
  GROUP_ALL,
  GROUP_HERE,
  GROUP_NEAR,
  typeFeatureGroups,
  typeFeatures,
  wordShape,
  type FeatureResources,
} from '../../src/ner/features.ts'
import {baseLexicon, indexLexicon} from '../../src/ner/lexicon.ts'

const resources: FeatureResources = {lexicon: indexLexicon(baseLexicon()), casePrior: new Map([['said', 'l']]), names: null}

describe('word classes', () => {
  it.each([
    ['said', 'lower'],
    ['Peskov', 'cap'],
    ['NABU', 'allcaps'],
    ['A', 'letter'],
    ['U.S.', 'abbrev'],
    ['Inc.', 'abbrev'],
    ['2025', 'digits'],
    ['1,250.50', 'alnum'],
    ['F-16', 'alnum'],
    ['(', 'punct'],
    ['$', 'other'],
    ['McDonald', 'cap'],
    ['Україна', 'cap'],
    ['iPhone', 'other'],
  ])('%s is %s', (word, cls) => {
    expect(CASE_CLASSES[caseClass(word)]).toBe(cls)
  })

  it.each([
    ['Peskov', true, 'Xx', 'Xxxxx'],
    ['U.S.', true, 'X.X.', 'X.X.'],
    ['1996-08-22', false, 'd-d-d', 'dddd-dd-dd'],
    ['said', false, 'x', 'xxxx'],
  ])('%s: capitalised %s, shapes %s / %s', (word, cap, short, long) => {
    expect(isCapitalised(word)).toBe(cap)
    expect(wordShape(word, true)).toBe(short)
    expect(wordShape(word, false)).toBe(long)
  })

  it.each([
    ['‘no', "'no"],
    ['Russia–U.S.', 'Russia-U.S.'],
    ['“', '"'],
    ['…', '...'],
    // invisible characters inside a word: the vocabulary's word, not an unknown one
    ['Mer\u00adkel', 'Merkel'],
    ['Ange\u200dla', 'Angela'],
    ['Mer\u200ckel', 'Merkel'],
    ['Mer\u200bkel', 'Merkel'],
    ['Ange\u2060la', 'Angela'],
    ['Ange\ufeffla', 'Angela'],
    ['\u200dMerkel\u00ad', 'Merkel'],
    ['Del\u202egado\u200f', 'Delgado'],
    // a token of nothing else stays itself (a word is never empty)
    ['\u00ad', '\u00ad'],
    ['\u200d\u200c', '\u200d\u200c'],
  ])('normalises %j to %j', (word, normal) => {
    expect(normaliseWord(word)).toBe(normal)
  })

  it('maps digits to 0 in feature forms', () => {
    expect(featureForm('Nov-2025')).toBe('nov-0000')
  })

  it.each([
    [['SOCCER', '-', 'JAPAN', 'GET', 'WIN'], true],
    [['BRUSSELS', '1996-08-22'], false],
    [['Peter', 'Blackburn'], false],
  ])('headline %j: %s', (words, caps) => {
    expect(isCapsSentence(words, 0, words.length)).toBe(caps)
  })
})

describe('typeFeatureGroups', () => {
  it('emits identity, shape, lexicon and affix features', () => {
    const groups = typeFeatureGroups('Minister', false, resources)
    expect(groups.all).toEqual(expect.arrayContaining(['w=minister', 's=Xx', 'l=title']))
    expect(groups.near).toEqual(expect.arrayContaining(['p=1u', 'x3=ter']))
    expect(groups.here).toEqual(expect.arrayContaining(['W=Minister', 'S=Xxxxx', 'a2=mi', 'z4=ster']))
  })

  it('gives a word as if unseen (word dropout) its spelling only: no identity, case prior or lexicon category', () => {
    const groups = typeFeatureGroups('Minister', false, resources, true)
    const all = [...groups.all, ...groups.near, ...groups.here]
    expect(all.filter((f) => /^(?:w|W|l)=/.test(f))).toEqual([])
    expect(all).toEqual(expect.arrayContaining(['s=Xx', 'p=1u', 'x3=ter', 'S=Xxxxx', 'a2=mi', 'z4=ster']))
  })

  it('marks case-dependent features inside headlines and drops the cased identity', () => {
    const groups = typeFeatureGroups('JAPAN', true, resources)
    expect(groups.all).toContain('s=CX')
    expect(groups.here.some((f) => f.startsWith('W='))).toBe(false)
  })

  it('adds cluster-path prefixes of length 4, 6, 10 and 20 at offsets -1..+1, a short path once whole', () => {
    const clusters = new Map([['Pfizer', '0110110010110'], ['said', '10110']])
    const withClusters = {...resources, clusters}
    expect(typeFeatureGroups('Pfizer', false, withClusters).near).toEqual(
      expect.arrayContaining(['c4=0110', 'c6=011011', 'c10=0110110010', 'c20=0110110010110']),
    )
    expect(typeFeatureGroups('said', false, withClusters).near.filter((f) => f.startsWith('c'))).toEqual(['c4=1011', 'c6=10110'])
    expect(typeFeatureGroups('Moderna', false, withClusters).near.some((f) => f.startsWith('c'))).toBe(false)
    expect(typeFeatureGroups('Pfizer', false, resources).near.some((f) => f.startsWith('c'))).toBe(false)
  })

  it('adds embedding-cluster prefixes of length 4, 8 and 12 at offsets -1..+1, looked up by the lowercased form', () => {
    const embedClusters = new Map([['pfizer', '011011001011'], ['said', '1011010']])
    const withEmbed = {...resources, embedClusters}
    expect(typeFeatureGroups('Pfizer', false, withEmbed).near.filter((f) => f.startsWith('e'))).toEqual(['e4=0110', 'e8=01101100', 'e12=011011001011'])
    expect(typeFeatureGroups('PFIZER', true, withEmbed).near.filter((f) => f.startsWith('e'))).toEqual(['e4=0110', 'e8=01101100', 'e12=011011001011'])
    expect(typeFeatureGroups('said', false, withEmbed).near.filter((f) => f.startsWith('e'))).toEqual(['e4=1011', 'e8=1011010'])
    // the table knows words the labelled data never showed: an unseen word keeps them, as it keeps its cluster path
    expect(typeFeatureGroups('Pfizer', false, withEmbed, true).near).toContain('e12=011011001011')
    expect(typeFeatureGroups('Moderna', false, withEmbed).near.some((f) => f.startsWith('e'))).toBe(false)
    expect(typeFeatureGroups('Pfizer', false, resources).near.some((f) => f.startsWith('e'))).toBe(false)
  })

  it('spreads groups over offsets by slot', () => {
    const slots = typeFeatures('said', false, resources)
    expect(slots).toHaveLength(5)
    expect(slots[0]).toContain('-2w=said')
    expect(slots[4]).toContain('2w=said')
    expect(slots[1]).toContain('-1p=0l')
    expect(slots[0].some((f) => f.includes('p='))).toBe(false)
    expect(slots[2]).toContain('0a1=s')
  })

  it.each([
    ['Minister', false],
    ['JAPAN', true],
    ['said', false],
    ['Kaiser-Wilhelm-Platz', false],
    ['<s>', false],
  ])('sends %s (headline %s) to a sink in pieces that join to the group names, in the same order', (word, caps) => {
    const pieces: [number, string][] = []
    emitTypeFeatures(word, caps, resources, {feature: (group, prefix, value, start, end) => pieces.push([group, prefix + value.slice(start, end)])})
    const groups = typeFeatureGroups(word, caps, resources)
    expect(pieces.filter(([g]) => g === GROUP_ALL).map(([, name]) => name)).toEqual(groups.all)
    expect(pieces.filter(([g]) => g === GROUP_NEAR).map(([, name]) => name)).toEqual(groups.near)
    expect(pieces.filter(([g]) => g === GROUP_HERE).map(([, name]) => name)).toEqual(groups.here)
  })

  it.each([
    ['-1w=minister', [-1, 'w=minister']],
    ['2s=Xx', [2, 's=Xx']],
    ['t1=3', null],
    ['bias', null],
  ])('splits %s', (name, expected) => {
    expect(splitFeatureName(name)).toEqual(expected)
  })
})

describe('cluster table look-up', () => {
  const clusters = new Map([['Apple', '01'], ['apple', '10'], ['F-00', '11'], ['NATO', '001'], ["O'Neill", '000']])
  it.each([
    ['Apple', '01'],
    ['apple', '10'],
    ['APPLE', '01'], // headline: title case first
    ['F-16', '11'], // digits map to 0
    ['NATO', '001'],
    ['O\u2019Neill', '000'], // typographic apostrophe normalised
    ['Pear', undefined],
  ])('%s -> %s', (word, path) => {
    expect(clusterPath(word, clusters)).toBe(path)
  })

  it('files words under their normalised, digit-mapped, cased form', () => {
    expect(clusterKey('Falcon 9'.split(' ')[1])).toBe('0')
    expect(clusterKey('\u201CCOVID-19')).toBe('"COVID-00')
  })
})
