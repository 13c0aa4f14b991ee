/**
 * The character tables of src/text/chars.ts written by the build: `npm run build` writes the tables its code computes
 * to dist/char-tables.bin, keyed to the sources it compiled and to the Node.js runtime (its version and Unicode data,
 * which the tables' regular expressions read), so every thread of a run from that build reads 256 KB instead of
 * testing ~9 regular expressions on each of 65,536 code units at its module load (docs/scale.md, "The worker thread's
 * own start"). A file that is missing, cut short, damaged or of another key is ignored: the tables are computed, as
 * without the file.
 */
import {createHash} from 'node:crypto'
import {readFileSync, renameSync, unlinkSync, writeFileSync} from 'node:fs'
import {pathToFileURL} from 'node:url'

declare const __LEDE_SOURCE_KEY__: string | undefined

/** Where the build writes the tables (beside the bundles it made). */
export const CHAR_TABLES_URL = new URL('../../dist/char-tables.bin', import.meta.url)

/** Bytes of the tables: the class and the script of each UTF-16 code unit (one byte each), then its lower case (two). */
export const CHAR_TABLE_BYTES = 0x10000 * 4

const MAGIC = 'lede-char-tables 1'
// a header longer than this is not one this code wrote
const MAX_HEADER = 4096

/** The key this build's tables must carry, or null when this code is not a build (sources through tsx never read the file). */
export function charTableKey(): string | null {
  if (typeof __LEDE_SOURCE_KEY__ === 'undefined') return null
  const {node, unicode, icu, v8} = process.versions
  return JSON.stringify({code: __LEDE_SOURCE_KEY__, node, unicode: unicode ?? null, icu: icu ?? null, v8})
}

/** The file's bytes for tables under a key: a header line (the format, the body's sha256, the key), then the tables. */
export function encodeCharTables(key: string, tables: Uint8Array): Buffer {
  if (tables.length !== CHAR_TABLE_BYTES) throw new Error(`character tables of ${tables.length} bytes, not ${CHAR_TABLE_BYTES}`)
  const digest = createHash('sha256').update(tables).digest('hex')
  return Buffer.concat([Buffer.from(`${MAGIC} ${digest} ${key}\n`), tables])
}

/** The tables a file holds under a key, copied out; null when there is no such file or it is not usable (nothing thrown). */
export function readCharTables(path: string | URL, key: string | null): Uint8Array | null {
  if (key === null) return null
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch {
    return null
  }
  const end = bytes.subarray(0, MAX_HEADER).indexOf(0x0a)
  if (end < 0) return null
  const header = bytes.toString('latin1', 0, end)
  const prefix = `${MAGIC} `
  if (!header.startsWith(prefix) || header.slice(prefix.length + 65) !== key) return null
  const body = bytes.subarray(end + 1)
  if (body.length !== CHAR_TABLE_BYTES) return null
  if (createHash('sha256').update(body).digest('hex') !== header.slice(prefix.length, prefix.length + 64)) return null
  // a fresh, aligned copy: the lower-case table is read as 16-bit units
  const tables = new Uint8Array(CHAR_TABLE_BYTES)
  tables.set(body)
  return tables
}

/** Writes the file whole or not at all: into a temporary name beside it, then renamed over it. */
export function writeCharTables(path: string | URL, key: string, tables: Uint8Array): void {
  const target = path instanceof URL ? path : pathToFileURL(path)
  const temporary = new URL(`${target.href}.${process.pid}.tmp`)
  try {
    writeFileSync(temporary, encodeCharTables(key, tables))
    renameSync(temporary, target)
  } catch (error) {
    try {
      unlinkSync(temporary)
    } catch {
      // nothing was written
    }
    throw error
  }
}
