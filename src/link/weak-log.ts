/**
 * The documents that name a linker record weakly (corpus labels, linker.ts), kept in 4 bytes a (document, record)
 * pair and one docId per document that has any. The linker remembers these pairs for every document of the run,
 * since which names the corpus relabels is known only at the end, so this is the one part of its memory that grows
 * with documents rather than distinct names: two arrays per record (a docId reference and a count, 16 bytes a
 * pair and their growth slack) took about 700 bytes a document at 40 weakly named names (docs/scale.md, soak).
 */

// entries per chunk: chunks are never copied when the log grows, and a few MB each
const CHUNK = 1 << 20
// mentions 1..MAX_MENTIONS fit in the low bits of an entry
const MENTION_BITS = 2
const MAX_MENTIONS = 1 << MENTION_BITS
const MAX_RECORD = (2 ** 31 - 1) >> MENTION_BITS

/** A record's weak documents, in the order they were added, with the record's mentions in each. */
export interface WeakDocs {
  docIds: string[]
  mentions: number[]
}

/** An append-only log of (document, record, mentions) triples, documents in the order they arrive. */
export interface WeakLog {
  /** Remembers that `docId` names record number `record` weakly, with `mentions` mentions (1..4); one document's pairs come together. */
  add(docId: string, record: number, mentions: number): void
  /** The weak documents of each record in `records`, in the order added (one pass over the log). */
  collect(records: ReadonlySet<number>): Map<number, WeakDocs>
  /** How many pairs were added. */
  readonly pairs: number
  /** Bytes the log's arrays take (chunks and docId references; not the docId strings themselves). */
  readonly bytes: number
}

/** Creates an empty weak log: a document is written once, as a negative marker, then one entry per record it names weakly. */
export function createWeakLog(): WeakLog {
  const chunks: Int32Array[] = []
  let used = CHUNK
  const docIds: string[] = []
  let lastDoc: string | null = null
  let pairs = 0
  const push = (value: number) => {
    if (used === CHUNK) {
      chunks.push(new Int32Array(CHUNK))
      used = 0
    }
    chunks[chunks.length - 1]![used++] = value
  }
  return {
    add(docId, record, mentions) {
      if (!Number.isInteger(record) || record < 0 || record > MAX_RECORD) throw new RangeError(`[link:weak-log] record number ${record} is outside 0..${MAX_RECORD}`)
      if (!Number.isInteger(mentions) || mentions < 1 || mentions > MAX_MENTIONS) throw new RangeError(`[link:weak-log] ${mentions} mentions is outside 1..${MAX_MENTIONS}`)
      if (docId !== lastDoc) {
        docIds.push(docId)
        lastDoc = docId
        push(-docIds.length)
      }
      push(record * MAX_MENTIONS + mentions - 1)
      pairs++
    },
    collect(records) {
      const found = new Map<number, WeakDocs>()
      if (records.size === 0) return found
      let doc = ''
      for (const [c, chunk] of chunks.entries()) {
        const end = c === chunks.length - 1 ? used : CHUNK
        for (let k = 0; k < end; k++) {
          const value = chunk[k]!
          if (value < 0) {
            doc = docIds[-value - 1]!
            continue
          }
          const record = Math.floor(value / MAX_MENTIONS)
          if (!records.has(record)) continue
          let docs = found.get(record)
          if (!docs) found.set(record, (docs = {docIds: [], mentions: []}))
          docs.docIds.push(doc)
          docs.mentions.push((value % MAX_MENTIONS) + 1)
        }
      }
      return found
    },
    get pairs() {
      return pairs
    },
    get bytes() {
      return chunks.length * CHUNK * 4 + docIds.length * 8
    },
  }
}
