import {describe, expect, it} from 'vitest'
import {cueLemmaCount, inflect, lookupCue, lookupCueForms, lookupPhrasalCue} from '../../src/quotes/cues.ts'

describe('cue lexicon', () => {
  it('holds a general lexicon of about a hundred or more speech verbs', () => {
    expect(cueLemmaCount()).toBeGreaterThanOrEqual(100)
  })

  it.each([
    ['said', 'say', 'past'],
    ['says', 'say', 'third'],
    ['saying', 'say', 'gerund'],
    ['told', 'tell', 'past'],
    ['stressed', 'stress', 'past'],
    ['emphasized', 'emphasize', 'past'],
    ['emphasises', 'emphasise', 'third'],
    ['wrote', 'write', 'past'],
    ['written', 'write', 'past'],
    ['quipped', 'quip', 'past'],
    ['replied', 'reply', 'past'],
    ['denies', 'deny', 'third'],
    ['tweeted', 'tweet', 'past'],
    ['noting', 'note', 'gerund'],
    ['called', 'call', 'past'],
    ['believes', 'believe', 'third'],
  ])('%s -> %s (%s)', (form, lemma, kind) => {
    expect(lookupCue(form)).toMatchObject({lemma, form: kind})
  })

  it.each(['house', 'minister', 'peace', 'the'])('%s is no cue', (word) => {
    expect(lookupCue(word)).toBeUndefined()
  })

  it('classes cues as speech, characterisation or belief', () => {
    expect(lookupCue('said')?.class).toBe('speech')
    expect(lookupCue('called')?.class).toBe('characterise')
    expect(lookupCue('thinks')?.class).toBe('belief')
  })

  it('marks verbs that double as nouns', () => {
    expect(lookupCue('report')?.nounLike).toBe(true)
    expect(lookupCue('said')?.nounLike).toBe(false)
  })

  it.each([
    ['draws', 'draw attention', 'attention'],
    ['pointed', 'point out', 'out'],
    ['went', 'go on', 'on'],
    ['fired', 'fire back', 'back'],
  ])('phrasal cue %s … %s', (verb, lemma, particle) => {
    expect(lookupPhrasalCue(verb)).toEqual({lemma, particle})
  })

  it.each([
    ['note', ['notes', 'noted', 'noting']],
    ['stress', ['stresses', 'stressed', 'stressing']],
    ['reply', ['replies', 'replied', 'replying']],
    ['quip', ['quips', 'quipped', 'quipping']],
    ['agree', ['agrees', 'agreed', 'agreeing']],
    ['say', ['says', 'said', 'saying']],
  ])('inflects %s', (lemma, forms) => {
    expect(inflect(lemma)).toEqual(forms)
  })
})

describe('lookupCueForms: both lexicons in one lookup', () => {
  // the lemmas and forms of both lexicons, their inflections again, and words that are no cue
  const lemmas = ['say', 'tell', 'point', 'go', 'draw', 'sum', 'fire', 'put', 'lash', 'chime', 'call', 'think', 'report', 'quip', 'text', 'cry', 'according', 'the', 'out', 'on', '']
  const words = new Set(['said', 'told', 'went', 'drew', 'drawn', 'summed', 'shot', 'pointed', 'pointing', 'Said', 'SAID', 'reported', 'noun', 'x'])
  for (const lemma of lemmas) {
    words.add(lemma)
    if (lemma) for (const form of inflect(lemma)) words.add(form)
  }
  it.each([...words])('%j', (word) => {
    const forms = lookupCueForms(word)
    const entry = lookupCue(word)
    const phrasal = lookupPhrasalCue(word)
    expect(forms === undefined).toBe(entry === undefined && phrasal === undefined)
    expect(forms?.entry).toBe(entry)
    expect(forms?.phrasal).toBe(phrasal)
  })
})
