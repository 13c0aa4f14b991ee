import {createUtf16Mapper} from '../io/offsets.ts'

/*
 * Turns overlapping annotations (a quote holding entities, a speaker mention holding a name)
 * into properly nested HTML: an annotation crossing another's end is closed and reopened, so
 * every span of text carries every annotation covering it and the markup stays well formed.
 */

/** One annotation to draw: a half-open UTF-16 span, the tags that open and close it, and a rank (lower ranks wrap higher ones). */
export interface Layer {
  start: number
  end: number
  open: string
  close: string
  /** nesting order when two annotations share a start: lower is outside */
  rank: number
  /** markup written right after the annotation's last piece (e.g. a speaker badge), once */
  after?: string
  /** the opening tag of a continued piece (without the first piece's id), when it differs from `open` */
  reopen?: string
}

/** Markup placed at one offset, between annotations (e.g. a badge after a closing quote mark). */
export interface Insert {
  at: number
  html: string
}

/** Renders `text` with its annotations nested and inserts placed; `escape` is applied to every piece of text. */
export function renderLayers(text: string, layers: readonly Layer[], escape: (s: string) => string, inserts: readonly Insert[] = []): string {
  const valid = layers.filter((l) => l.start >= 0 && l.end <= text.length && l.start < l.end)
  const sorted = [...valid].sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank)
  const bounds = new Set<number>([0, text.length])
  for (const l of sorted) bounds.add(l.start).add(l.end)
  const insertsAt = new Map<number, string>()
  for (const insert of inserts) {
    const at = Math.min(Math.max(insert.at, 0), text.length)
    bounds.add(at)
    insertsAt.set(at, (insertsAt.get(at) ?? '') + insert.html)
  }
  const points = [...bounds].sort((a, b) => a - b)
  const stack: Layer[] = []
  let next = 0
  let html = ''
  for (let i = 0; i < points.length; i++) {
    const at = points[i]!
    // close what ends here; annotations above one that ends are closed and reopened
    if (stack.some((l) => l.end <= at)) {
      const reopen: Layer[] = []
      while (stack.length > 0) {
        const top = stack.pop()!
        html += top.close
        if (top.end <= at) html += top.after ?? ''
        else reopen.unshift(top)
        if (!stack.some((l) => l.end <= at)) break
      }
      for (const l of reopen) {
        html += l.reopen ?? l.open
        stack.push(l)
      }
    }
    html += insertsAt.get(at) ?? ''
    while (next < sorted.length && sorted[next]!.start === at) {
      const l = sorted[next++]!
      html += l.open
      stack.push(l)
    }
    const to = points[i + 1]
    if (to !== undefined) html += escape(text.slice(at, to))
  }
  while (stack.length > 0) {
    const top = stack.pop()!
    html += top.close + (top.after ?? '')
  }
  return html
}

/** Returns a function from code-point offsets (as written in records) to UTF-16 offsets into `text`, clamped to the text (the one offset module does the mapping). */
export function createUtf16Offsets(text: string): (codePoint: number) => number {
  const map = createUtf16Mapper(text)
  return (cp) => map(Math.max(0, cp)) ?? text.length
}
