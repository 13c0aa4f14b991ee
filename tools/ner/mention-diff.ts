/**
 * What one step of a pipeline changes in a document's name mentions, judged against gold: every mention lost,
 * gained, relabelled or re-spanned between a "before" and an "after" list over the same text (research tool of
 * bench/ner-pipeloss.ts; docs/ner.md, pipeloss2).
 */

/** One name mention over a text: a half-open character span and its label (PER, ORG, LOC, MISC). */
export interface Mention {
  start: number
  end: number
  type: string
}

/** The kinds of change between two lists of mentions over one text. */
export type ChangeKind = 'lost' | 'gained' | 'relabelled' | 're-spanned'

/** One change: the mentions before and after it (a re-span may split or join), and what it did to the exact-match counts. */
export interface MentionChange {
  kind: ChangeKind
  before: Mention[]
  after: Mention[]
  /** correct mentions after minus before (exact span and label) */
  tp: number
  /** wrong mentions after minus before */
  fp: number
}

const keyOf = (m: Mention) => `${m.start}:${m.end}`
const overlaps = (a: Mention, b: Mention) => a.start < b.end && b.start < a.end

/**
 * Finds the changes from `before` to `after`: a span kept with another label is relabelled; spans that appear or
 * vanish and overlap one another form one re-span (connected by overlap, so a split or a join is one change); the
 * rest are lost or gained. Each change says what it did to the exact-match true and false positives against `gold`.
 */
export function findMentionChanges(before: readonly Mention[], after: readonly Mention[], gold: readonly Mention[]): MentionChange[] {
  const goldKeys = new Set(gold.map((g) => `${keyOf(g)}:${g.type}`))
  const right = (m: Mention) => goldKeys.has(`${keyOf(m)}:${m.type}`)
  const afterBySpan = new Map(after.map((m) => [keyOf(m), m]))
  const beforeBySpan = new Map(before.map((m) => [keyOf(m), m]))
  const changes: MentionChange[] = []
  const score = (kind: ChangeKind, b: Mention[], a: Mention[]): MentionChange => {
    const tp = a.filter(right).length - b.filter(right).length
    return {kind, before: b, after: a, tp, fp: a.length - b.length - tp}
  }
  for (const b of before) {
    const a = afterBySpan.get(keyOf(b))
    if (a && a.type !== b.type) changes.push(score('relabelled', [b], [a]))
  }
  // spans only on one side, grouped by overlap into re-spans; an isolated one is lost or gained
  const onlyBefore = before.filter((m) => !afterBySpan.has(keyOf(m)))
  const onlyAfter = after.filter((m) => !beforeBySpan.has(keyOf(m)))
  const seenBefore = new Set<Mention>()
  const seenAfter = new Set<Mention>()
  for (const seed of [...onlyBefore, ...onlyAfter]) {
    if (seenBefore.has(seed) || seenAfter.has(seed)) continue
    const b: Mention[] = []
    const a: Mention[] = []
    const queue: Array<[Mention, boolean]> = [[seed, onlyBefore.includes(seed)]]
    ;(queue[0]![1] ? seenBefore : seenAfter).add(seed)
    while (queue.length > 0) {
      const [m, isBefore] = queue.pop()!
      ;(isBefore ? b : a).push(m)
      for (const other of isBefore ? onlyAfter : onlyBefore) {
        const seen = isBefore ? seenAfter : seenBefore
        if (!seen.has(other) && overlaps(m, other)) {
          seen.add(other)
          queue.push([other, !isBefore])
        }
      }
    }
    b.sort((x, y) => x.start - y.start)
    a.sort((x, y) => x.start - y.start)
    changes.push(score(a.length === 0 ? 'lost' : b.length === 0 ? 'gained' : 're-spanned', b, a))
  }
  return changes.sort((x, y) => (x.before[0] ?? x.after[0])!.start - (y.before[0] ?? y.after[0])!.start)
}
