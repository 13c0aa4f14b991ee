/**
 * A document proxy for checking the stage contract: reading a layer the stage did not declare in
 * `requires` (and has not itself assigned yet) throws, and every layer read or written is recorded, so a
 * test can also catch a declared layer that is never read and a layer written that `assigns` does not list.
 */
import {LAYER_NAMES, type Doc, type LayerName} from '../../src/doc.ts'

const LAYERS: ReadonlySet<string> = new Set<string>(LAYER_NAMES)

/** What a guarded run saw: the layers read before the stage wrote them, and (when asked) the layers it wrote. */
export interface LayerReads {
  read: Set<LayerName>
  written?: Set<LayerName>
}

/** Wraps `doc` so that reads of undeclared layers throw; `requires` are the layers the stage declared. */
export function guardDoc(doc: Doc, stageName: string, requires: readonly LayerName[], reads: LayerReads): Doc {
  const allowed = new Set<string>(requires)
  const written = new Set<string>()
  return new Proxy(doc, {
    get(target, property, receiver) {
      if (typeof property === 'string' && LAYERS.has(property) && !written.has(property)) {
        if (!allowed.has(property)) throw new Error(`stage "${stageName}" read the undeclared layer "${property}"`)
        reads.read.add(property as LayerName)
      }
      return Reflect.get(target, property, receiver)
    },
    set(target, property, value, receiver) {
      if (typeof property === 'string') {
        written.add(property)
        if (LAYERS.has(property)) reads.written?.add(property as LayerName)
      }
      return Reflect.set(target, property, value, receiver)
    },
  })
}
