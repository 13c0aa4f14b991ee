/**
 * Scores the linker on labelled name pairs (must merge / must not merge), either one pair at a time
 * or with every name in one corpus, where transitive merges can also go wrong.
 */
import {PRFScore} from '../../src/eval/prf.ts'
import type {EntityLabel} from '../../src/doc.ts'
import {entityIdFor} from '../../src/names/entity-id.ts'
import {createLinker} from '../../src/link/linker.ts'

/** One labelled pair of names. */
export interface NamePair {
  label: EntityLabel
  a: string
  b: string
  /** true when the two names are one entity */
  same: boolean
  roleA?: string
  roleB?: string
  why?: string
}

/** A pair the linker got wrong, with the rule when it merged. */
export interface PairMiss extends NamePair {
  rule?: string
}

/** Precision and recall of merge decisions over pairs. */
export interface PairScore {
  truePositives: number
  falsePositives: number
  falseNegatives: number
  trueNegatives: number
  precision: number
  recall: number
  misses: PairMiss[]
}

function score(pairs: readonly NamePair[], decide: (pair: NamePair) => {merged: boolean; rule?: string}): PairScore {
  let tp = 0
  let fp = 0
  let fn = 0
  let tn = 0
  const misses: PairMiss[] = []
  for (const pair of pairs) {
    const {merged, rule} = decide(pair)
    if (merged && pair.same) tp++
    else if (merged) {
      fp++
      misses.push({...pair, ...(rule ? {rule} : {})})
    } else if (pair.same) {
      fn++
      misses.push(pair)
    } else tn++
  }
  const ratio = new PRFScore(tp, fp, fn)
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    // no decision of a kind is no error of that kind: 1, where the evaluation scorer would say 0
    precision: tp + fp === 0 ? 1 : ratio.precision!,
    recall: tp + fn === 0 ? 1 : ratio.recall!,
    misses,
  }
}

/** Scores each pair in isolation: a two-document corpus holding the two names. */
export function scorePairsIsolated(pairs: readonly NamePair[]): PairScore {
  return score(pairs, (pair) => {
    const linker = createLinker()
    const a = entityIdFor(pair.label, pair.a)
    const b = entityIdFor(pair.label, pair.b)
    linker.add({docId: 'doc-a', label: pair.label, canonical: pair.a, entityId: a, ...(pair.roleA ? {role: pair.roleA} : {})})
    linker.add({docId: 'doc-b', label: pair.label, canonical: pair.b, entityId: b, ...(pair.roleB ? {role: pair.roleB} : {})})
    const {idMap, index} = linker.finish()
    const merged = idMap.get(a) === idMap.get(b)
    const entry = index.find((e) => e.entityId === idMap.get(a))
    return {merged, ...(merged && entry?.merges[0] ? {rule: entry.merges[0].rule} : {})}
  })
}

/** Scores all pairs with every name in one corpus (one document per name), so chains of merges count too. */
export function scorePairsPooled(pairs: readonly NamePair[]): PairScore {
  const linker = createLinker()
  let doc = 0
  const roles = new Map<string, string>()
  for (const pair of pairs) {
    if (pair.roleA) roles.set(`${pair.label}|${pair.a}`, pair.roleA)
    if (pair.roleB) roles.set(`${pair.label}|${pair.b}`, pair.roleB)
  }
  const added = new Set<string>()
  for (const pair of pairs) {
    for (const name of [pair.a, pair.b]) {
      const key = `${pair.label}|${name}`
      if (added.has(key)) continue
      added.add(key)
      const role = roles.get(key)
      linker.add({docId: `doc-${doc++}`, label: pair.label, canonical: name, entityId: entityIdFor(pair.label, name), ...(role ? {role} : {})})
    }
  }
  const {idMap} = linker.finish()
  return score(pairs, (pair) => ({merged: idMap.get(entityIdFor(pair.label, pair.a)) === idMap.get(entityIdFor(pair.label, pair.b))}))
}
