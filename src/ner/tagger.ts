/**
 * Fast inference: greedy left-to-right BILOU decoding with per-word-type weight caching. For each word type
 * (word + headline flag) the weights of all its word-only features are summed once per relative position, so
 * scoring a token is five cached vector adds plus a handful of history, document and gazetteer features.
 */
import {
  CASE_CLASSES,
  contextFeatures,
  transitionFeatures,
  SENTENCE_END,
  SENTENCE_START,
  SLOTS,
  tokenFeatureTable,
  splitFeatureName,
  typeFeatureGroups,
  WINDOW,
  type FeatureResources,
  type TokenFeatureTable,
} from './features.ts'
import {encodeDocument, type EncodedDocument, DocumentScratch, emptyContext, recordHistory, tokenContext, TypeRegistry} from './encode.ts'
import {buildGazetteer, entryTokens, type Gazetteer} from './gazetteer.ts'
import {indexLexicon, LEXICON_CATEGORIES} from './lexicon.ts'
import type {NerModel} from './model.ts'
import {NameClassifier} from './names.ts'
import {allowedAfter, NER_TYPES, TAG_COUNT, tagId, tagPosition} from './tags.ts'

// module-local copies: imported bindings can cost a getter call per access in hot loops under some loaders
const K = TAG_COUNT
const S = SLOTS
const W = WINDOW
const CASE_COUNT = CASE_CLASSES.length
const CASE_LOWER = CASE_CLASSES.indexOf('lower')
const TAG_O = 0
const PER_B = tagId(0, 0)
const PER_I = tagId(1, 0)
const PER_L = tagId(2, 0)
const PER_U = tagId(3, 0)
const PARTICLE_BIT = 1 << LEXICON_CATEGORIES.indexOf('particle')

/** Word-type feature ids by base name and offset, so a new type needs one map lookup per base feature. */
class BaseIndex {
  readonly ids = new Map<string, number>()
  slots = new Int32Array(0)

  constructor(features: readonly string[]) {
    const pairs: [number, number][] = []
    features.forEach((name, f) => {
      const split = splitFeatureName(name)
      if (!split) return
      let base = this.ids.get(split[1])
      if (base === undefined) {
        base = this.ids.size
        this.ids.set(split[1], base)
      }
      pairs.push([base * S + split[0] + W, f])
    })
    this.slots = new Int32Array(this.ids.size * S).fill(-1)
    for (const [at, f] of pairs) this.slots[at] = f
  }
}

/** Word types with their summed weights, `S * K` floats per type. */
class CachedTypes extends TypeRegistry {
  vectors = new Float32Array(1024 * S * K)

  constructor(
    private readonly index: BaseIndex,
    private readonly weights: Float32Array,
    private readonly resources: FeatureResources,
  ) {
    super(resources.lexicon)
  }

  protected override onNew(id: number): void {
    const needed = (id + 1) * S * K
    if (needed > this.vectors.length) {
      const next = new Float32Array(Math.max(needed, this.vectors.length * 2))
      next.set(this.vectors)
      this.vectors = next
    }
    const groups = typeFeatureGroups(this.words[id], this.caps[id], this.resources)
    this.add(id, groups.all)
    this.add(id, groups.near)
    this.add(id, groups.here)
  }

  private add(id: number, bases: string[]): void {
    const vectors = this.vectors
    const weights = this.weights
    const slots = this.index.slots
    for (const name of bases) {
      const base = this.index.ids.get(name)
      if (base === undefined) continue
      for (let s = 0; s < S; s++) {
        const f = slots[base * S + s]
        if (f < 0) continue
        const row = f * K
        const at = (id * S + s) * K
        for (let k = 0; k < K; k++) vectors[at + k] += weights[row + k]
      }
    }
  }
}

// word types kept before the cache is rebuilt, so a long-running process stays bounded (~70 MB of vectors)
const MAX_TYPES = 200_000

/** A loaded model ready to tag documents; keeps a per-process cache of word-type weight vectors. */
export class NerTagger {
  private readonly bases: BaseIndex
  private readonly weights: Float32Array
  private readonly table: TokenFeatureTable
  private readonly resources: FeatureResources
  private readonly gazetteer: Gazetteer
  private readonly external: Gazetteer
  private readonly scratch = new DocumentScratch()
  private types!: CachedTypes
  private startType = 0
  private endType = 0
  // allowed[prev * K + next], with an extra row for the sentence start; lastAllowed also forbids B and I
  private readonly allowed = new Uint8Array((K + 1) * K)
  private readonly lastAllowed = new Uint8Array((K + 1) * K)
  private readonly scores = new Float32Array(K)
  private readonly ids = new Int32Array(64)
  private readonly context = emptyContext()
  private readonly beam: number
  // summed weights of the three previous-tag features, by (prev2, prev, case class): one load per candidate tag
  private readonly transitions: Float32Array
  private sentenceScores = new Float32Array(0)
  private backPointers = new Int32Array(0)
  private backTags = new Uint8Array(0)
  private readonly hypScore = new Float64Array(64)
  private readonly hypPrev = new Int32Array(64)
  private readonly hypPrev2 = new Int32Array(64)
  private readonly nextScore = new Float64Array(64)
  private readonly nextPrev = new Int32Array(64)
  private readonly nextPrev2 = new Int32Array(64)

  /** `beam` 1 decodes greedily; more keeps that many partial tag sequences per sentence (at most 64). */
  constructor(model: NerModel, options: {beam?: number} = {}) {
    this.beam = Math.max(1, Math.min(64, options.beam ?? 1))
    const tokenFeatures = new Map<string, number>()
    model.features.forEach((name, i) => {
      if (!splitFeatureName(name)) tokenFeatures.set(name, i)
    })
    // one extra all-zero row stands for token features the model pruned
    const zero = model.features.length
    this.weights = new Float32Array((zero + 1) * K)
    this.weights.set(model.weights.subarray(0, zero * K))
    this.table = tokenFeatureTable((name) => tokenFeatures.get(name) ?? zero)
    this.bases = new BaseIndex(model.features)
    this.resources = {
      lexicon: indexLexicon(model.lexicon),
      casePrior: model.casePrior,
      names: model.names && new NameClassifier(model.names),
    }
    this.gazetteer = buildGazetteer(model.gazetteer)
    this.external = buildGazetteer(
      NER_TYPES.flatMap((type) => model.lexicon.names[type].map((entry) => ({tokens: entryTokens(entry), type}))),
    )
    for (let prev = 0; prev <= K; prev++) {
      for (let next = 0; next < K; next++) {
        const ok = allowedAfter(prev, next)
        this.allowed[prev * K + next] = ok ? 1 : 0
        const position = tagPosition(next)
        this.lastAllowed[prev * K + next] = ok && position !== 0 && position !== 1 ? 1 : 0
      }
    }
    this.transitions = new Float32Array((K + 1) * (K + 1) * CASE_COUNT * K)
    const ids = new Int32Array(3)
    for (let prev2 = 0; prev2 <= K; prev2++) {
      for (let prev = 0; prev <= K; prev++) {
        for (let cls = 0; cls < CASE_COUNT; cls++) {
          const at = ((prev2 * (K + 1) + prev) * CASE_COUNT + cls) * K
          const n = transitionFeatures(ids, 0, this.table, prev, prev2, cls)
          for (let f = 0; f < n; f++) {
            for (let k = 0; k < K; k++) this.transitions[at + k] += this.weights[ids[f] * K + k]
          }
        }
      }
    }
    this.resetCache()
  }

  private resetCache(): void {
    this.types = new CachedTypes(this.bases, this.weights, this.resources)
    this.startType = this.types.typeOf(SENTENCE_START, false)
    this.endType = this.types.typeOf(SENTENCE_END, false)
  }

  /** Tags one document given its words and the exclusive end index of each sentence; returns BILOU tag ids. */
  tagDocument(words: readonly string[], sentenceEnds: readonly number[], out = new Uint8Array(words.length)): Uint8Array {
    if (this.types.size > MAX_TYPES) this.resetCache()
    const doc = encodeDocument(words, sentenceEnds, this.types, this.gazetteer, this.external, this.scratch)
    let start = 0
    for (const end of sentenceEnds) {
      if (this.beam <= 1) this.greedy(doc, start, end, out)
      else this.beamSearch(doc, start, end, out)
      this.attachParticles(doc, start, end, out)
      start = end
    }
    return out
  }

  // name particles belong to the surname after them ("van der Merwe", "de Gaulle"): the training data has too few
  // lowercase examples for the model to learn it, so a PER mention absorbs up to three particles before it
  private attachParticles(doc: EncodedDocument, start: number, end: number, out: Uint8Array): void {
    const types = this.types
    for (let i = start; i < end; i++) {
      if (out[i] !== PER_B && out[i] !== PER_U) continue
      let j = i - 1
      while (j >= start && i - j <= 3 && out[j] === TAG_O) {
        const type = doc.types[j]
        const particle = (types.lexiconFlags[type] & PARTICLE_BIT) !== 0
        if (!particle || (types.caseClass[type] !== CASE_LOWER && j !== start)) break
        j--
      }
      if (j === i - 1) continue
      out[i] = out[i] === PER_U ? PER_L : PER_I
      out[j + 1] = PER_B
      for (let k = j + 2; k < i; k++) out[k] = PER_I
    }
  }

  // scores of every tag for token i from everything but the previous tags: five cached word-type vectors plus context features
  private baseScores(doc: EncodedDocument, i: number, start: number, end: number, scores: Float32Array, at: number): void {
    const vectors = this.types.vectors
    const weights = this.weights
    const docTypes = doc.types
    for (let k = 0; k < K; k++) scores[at + k] = 0
    for (let d = -W; d <= W; d++) {
      const j = i + d
      const type = j < start ? this.startType : j >= end ? this.endType : docTypes[j]
      const base = (type * S + d + W) * K
      for (let k = 0; k < K; k++) scores[at + k] += vectors[base + k]
    }
    tokenContext(this.context, doc, this.types, i, end, K, K)
    const n = contextFeatures(this.ids, 0, this.table, this.context, this.scratch.history)
    const ids = this.ids
    for (let f = 0; f < n; f++) {
      const row = ids[f] * K
      for (let k = 0; k < K; k++) scores[at + k] += weights[row + k]
    }
  }

  private greedy(doc: EncodedDocument, start: number, end: number, out: Uint8Array): void {
    const transitions = this.transitions
    const scores = this.scores
    let prev = K // the sentence-start pseudo tag (TAG_START)
    let prev2 = K
    for (let i = start; i < end; i++) {
      this.baseScores(doc, i, start, end, scores, 0)
      const row = ((prev2 * (K + 1) + prev) * CASE_COUNT + this.types.caseClass[doc.types[i]]) * K
      for (let k = 0; k < K; k++) scores[k] += transitions[row + k]
      const allowed = i === end - 1 ? this.lastAllowed : this.allowed
      const rowAllowed = prev * K
      let best = 0
      let bestScore = -Infinity
      for (let k = 0; k < K; k++) {
        if (allowed[rowAllowed + k] && scores[k] > bestScore) {
          bestScore = scores[k]
          best = k
        }
      }
      out[i] = best
      recordHistory(this.scratch, doc, this.types, i, best === 0 ? -1 : (best - 1) >> 2)
      prev2 = prev
      prev = best
    }
  }

  // beam search over the sentence; the label history is updated once the sentence is decided
  private beamSearch(doc: EncodedDocument, start: number, end: number, out: Uint8Array): void {
    const length = end - start
    const B = this.beam
    if (this.sentenceScores.length < length * K) this.sentenceScores = new Float32Array(length * K * 2)
    if (this.backPointers.length < length * B) {
      this.backPointers = new Int32Array(length * B * 2)
      this.backTags = new Uint8Array(length * B * 2)
    }
    const base = this.sentenceScores
    for (let i = start; i < end; i++) this.baseScores(doc, i, start, end, base, (i - start) * K)
    const transitions = this.transitions
    const caseClass = this.types.caseClass
    const backPointers = this.backPointers
    let count = 1
    let hypScore = this.hypScore
    let hypPrev = this.hypPrev
    let hypPrev2 = this.hypPrev2
    let nextScore = this.nextScore
    let nextPrev = this.nextPrev
    let nextPrev2 = this.nextPrev2
    hypScore[0] = 0
    hypPrev[0] = K
    hypPrev2[0] = K
    for (let t = 0; t < length; t++) {
      const cls = caseClass[doc.types[start + t]]
      const allowed = t === length - 1 ? this.lastAllowed : this.allowed
      let kept = 0
      for (let h = 0; h < count; h++) {
        const prev = hypPrev[h]
        const prev2 = hypPrev2[h]
        const row = ((prev2 * (K + 1) + prev) * CASE_COUNT + cls) * K
        const at = t * K
        const score0 = hypScore[h]
        for (let k = 0; k < K; k++) {
          if (!allowed[prev * K + k]) continue
          const score = score0 + base[at + k] + transitions[row + k]
          // insert into the kept list, sorted by score, at most B long
          if (kept === B && score <= nextScore[B - 1]) continue
          let slot = kept < B ? kept++ : B - 1
          while (slot > 0 && nextScore[slot - 1] < score) {
            nextScore[slot] = nextScore[slot - 1]
            nextPrev[slot] = nextPrev[slot - 1]
            nextPrev2[slot] = nextPrev2[slot - 1]
            backPointers[t * B + slot] = backPointers[t * B + slot - 1]
            slot--
          }
          nextScore[slot] = score
          nextPrev[slot] = k
          nextPrev2[slot] = prev
          backPointers[t * B + slot] = h
        }
      }
      for (let h = 0; h < kept; h++) this.backTags[t * B + h] = nextPrev[h]
      ;[hypScore, nextScore] = [nextScore, hypScore]
      ;[hypPrev, nextPrev] = [nextPrev, hypPrev]
      ;[hypPrev2, nextPrev2] = [nextPrev2, hypPrev2]
      count = kept
    }
    let h = 0
    for (let t = length - 1; t >= 0; t--) {
      out[start + t] = this.backTags[t * B + h]
      h = this.backPointers[t * B + h]
    }
    for (let i = start; i < end; i++) recordHistory(this.scratch, doc, this.types, i, out[i] === 0 ? -1 : (out[i] - 1) >> 2)
  }
}
