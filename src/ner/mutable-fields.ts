/**
 * V8 treats a field that has been stored only once as a constant of its object's shape, and optimised code that read
 * it relies on that: the first time such a field is replaced (a growing array, say at the 1,024th word type), every
 * function compiled against it is thrown away and compiled again, in every thread, after running unoptimised for a
 * while. The tagger's growing arrays are replaced long after its hot functions were compiled (the types' vectors at
 * the 1,025th type, the tables' slots as they fill), so each growth cost a recompile of `tokenScores`, `addQuantised`
 * and their like. Storing such a field a second time when the object is made tells V8 at once that it changes.
 */

/** A field {@link markMutable} can store twice: a typed array, an array, or a number. */
type Replaceable = ArrayBufferView | unknown[] | number

/**
 * Stores each named field of `object` twice (a stand-in of the same kind, then its own value back), so V8 treats it as
 * a field that changes from the start; the values are left as they were.
 */
export function markMutable(object: object, names: readonly string[]): void {
  const fields = object as Record<string, Replaceable>
  for (const name of names) {
    const value = fields[name]
    if (typeof value === 'number') fields[name] = value + 1
    else if (Array.isArray(value)) fields[name] = []
    // a typed array of the same kind, so the field keeps the one kind of value optimised code expects
    else if (ArrayBuffer.isView(value)) fields[name] = new (value.constructor as new (length: number) => ArrayBufferView)(0)
    else throw new Error(`markMutable: field ${name} is not a typed array, an array or a number`)
    fields[name] = value
  }
}

/**
 * An empty array already of V8's "any value" elements kind. An array made by `[]` starts out holding small integers
 * only, and its first string, boolean or null changes its kind: optimised code that pushes onto the arrays of a fresh
 * object (every new tagger's type registry) then meets that change again and is thrown away and compiled again, for a
 * function as large as the registry's type maker a compile of about a hundred milliseconds per fresh tagger.
 */
export function objectArray<T>(): T[] {
  const array: T[] = [null as T]
  array.pop()
  return array
}
