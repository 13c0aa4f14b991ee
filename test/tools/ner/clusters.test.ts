import {describe, expect, it} from 'vitest'
import {clusterWords, DEFAULT_CLUSTER_OPTIONS} from '../../../tools/ner/clusters.ts'
import {createRandom} from '../../../tools/ner/train.ts'

// sentences from two templates: words of one slot share contexts, so they should share a path prefix
function corpus(): string[][] {
  const random = createRandom(3)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]
  const firms = ['Pfizer', 'Moderna', 'Novartis', 'Siemens', 'Boeing', 'Airbus']
  const countries = ['France', 'Germany', 'Japan', 'Brazil', 'Kenya', 'Canada']
  const verbs = ['said', 'announced', 'reported', 'warned']
  const docs: string[][] = []
  for (let d = 0; d < 60; d++) {
    const words: string[] = []
    for (let s = 0; s < 20; s++) {
      if (random() < 0.5) words.push('shares', 'of', pick(firms), 'rose', 'after', 'the', 'company', pick(verbs), 'profits', '.')
      else words.push('the', 'government', 'of', pick(countries), 'in', 'the', 'capital', 'of', pick(countries), pick(verbs), 'on', 'Monday', '.')
    }
    docs.push(words)
  }
  return docs
}

describe('clusterWords', () => {
  const options = {...DEFAULT_CLUSTER_OPTIONS, minLeaf: 4, dims: 8, contexts: 50}
  const entries = clusterWords(corpus(), options)
  const path = new Map(entries.map((e) => [e.word, e.path]))

  it('gives every word with a letter seen often enough a 0/1 path, sorted by word, punctuation none', () => {
    expect(entries.map((e) => e.word)).toEqual([...entries.map((e) => e.word)].sort())
    expect(entries.every((e) => /^[01]+$/.test(e.path))).toBe(true)
    expect(path.has('.')).toBe(false)
    expect(path.has('Pfizer')).toBe(true)
  })

  it('puts words used alike closer than words used differently', () => {
    const shared = (a: string, b: string) => {
      const p = path.get(a)!
      const q = path.get(b)!
      let n = 0
      while (n < p.length && p[n] === q[n]) n++
      return n
    }
    expect(shared('Pfizer', 'Moderna')).toBeGreaterThan(shared('Pfizer', 'France'))
    expect(shared('France', 'Kenya')).toBeGreaterThan(shared('France', 'Boeing'))
  })

  it('is deterministic', () => {
    expect(clusterWords(corpus(), options)).toEqual(entries)
  })
})
