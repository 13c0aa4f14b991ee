/**
 * The NER model file: where the shipped one lives, its format's marks, and a check that a file is a whole, undamaged
 * model this code reads, so `lede run` and `lede worker` can refuse a missing, cut short, damaged or foreign model
 * file (a Git LFS pointer, an older format) with a message before any thread starts, instead of every document
 * failing in the workers. The check inflates the whole file once (gzip's CRC-32 and length then vouch for every
 * byte; ~50 ms for the shipped model) but parses no weights.
 */
import {readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {gunzipSync} from 'node:zlib'
import {keepCheckedFile} from './checked-files.ts'

/** Where the shipped model lives. */
export const MODEL_URL = new URL('../../models/ner.bin', import.meta.url)

/** The first bytes of a model file once gunzipped. */
export const MODEL_MAGIC = 'LEDENER2'
// 2: weights and the n-gram table in place; 3: the gazetteers' indexes too; 4: the name classifier's counts too;
// 5: the case priors and word clusters too; 6: a format-5 file with the embedding-cluster table after the other
// sections. A model without that table is still written as format 5, byte for byte as before, so older code reads it
/** The newest model format this code reads and writes. */
export const MODEL_FORMAT = 6
/** The format a model without the embedding-cluster table is written in. */
export const MODEL_FORMAT_WITHOUT_EMBED = 5

/** Raised when the model file is missing or is not a model this code reads. */
export class ModelFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ModelFileError'
  }
}

/** What was read of a model file ahead of its check: its bytes or the read's error, its contents inflated or the inflate's error. */
export interface ModelRead {
  bytes?: Buffer
  readError?: unknown
  raw?: Buffer
  inflateError?: unknown
}

// the slot bin/model-read.js fills when bin/lede.js starts the read before the CLI loads
const MODEL_READ = Symbol.for('lede.model-read')

/** The read of the model file at `path` started ahead by bin/lede.js (bin/model-read.js), taken once; undefined when none was started for it. */
export async function takeModelRead(path: string | URL = MODEL_URL): Promise<ModelRead | undefined> {
  const slots = globalThis as unknown as Record<symbol, {path: string; read: Promise<ModelRead>} | undefined>
  const slot = slots[MODEL_READ]
  if (slot === undefined || resolve(slot.path) !== resolve(typeof path === 'string' ? path : fileURLToPath(path))) return undefined
  slots[MODEL_READ] = undefined
  return slot.read
}

/**
 * Checks that `path` holds a whole, undamaged lede NER model of a format this code reads: gzip data that inflates
 * in full (a file cut short, or with any byte changed, fails gzip's length or CRC-32 check), then the magic and the
 * format number at the start of the model's header; throws {@link ModelFileError} saying what is wrong and what to do.
 * `read`: the file already read (and inflated) ahead ({@link takeModelRead}), judged exactly as a read here would be.
 */
export function checkModelFile(path: string | URL = MODEL_URL, read?: ModelRead): void {
  const file = typeof path === 'string' ? path : fileURLToPath(path)
  const again = 'restore it from the repository (git checkout -- models/ner.bin, or git lfs pull) or retrain it with `npm run train:ner`'
  let bytes: Buffer
  try {
    if (read?.readError !== undefined) throw read.readError
    bytes = read?.bytes ?? readFileSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ModelFileError(`cannot read the NER model "${file}": ${code === 'ENOENT' ? 'the file is missing' : (error as Error).message}; ${again}`)
  }
  if (bytes.length < 18 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    const text = bytes.subarray(0, 200).toString('latin1')
    const what = /^version https:\/\/git-lfs/.test(text) ? 'a Git LFS pointer, not the model itself' : bytes.length === 0 ? 'empty' : 'not a lede NER model (not gzip data)'
    throw new ModelFileError(`the NER model "${file}" is ${what}; ${again}`)
  }
  const raw = read?.bytes === bytes && read.raw !== undefined ? read.raw : inflateWhole(file, bytes, again, read?.bytes === bytes ? read.inflateError : undefined)
  const magic = raw.subarray(0, MODEL_MAGIC.length).toString('latin1')
  if (magic !== MODEL_MAGIC) {
    const old = magic === 'LEDENER1' ? 'of format 1, which this code no longer reads' : 'not a lede NER model'
    throw new ModelFileError(`the NER model "${file}" is ${old}; ${again}`)
  }
  // the header is JSON written with its format number first
  const version = /^\{"version":(\d+)/.exec(raw.subarray(MODEL_MAGIC.length + 4, MODEL_MAGIC.length + 64).toString('latin1'))?.[1]
  if (version === undefined) throw new ModelFileError(`the NER model "${file}" is damaged (no header); ${again}`)
  if (Number(version) !== MODEL_FORMAT && Number(version) !== MODEL_FORMAT_WITHOUT_EMBED) {
    throw new ModelFileError(`the NER model "${file}" is of format ${version}; this lede reads formats ${MODEL_FORMAT_WITHOUT_EMBED} and ${MODEL_FORMAT}: use the lede it was made with, or retrain it with \`npm run train:ner\``)
  }
  // the loader (this thread's, or a worker thread's) parses these contents instead of reading and inflating the file again
  keepCheckedFile(file, raw)
}

// the whole file inflated, or a ModelFileError saying how it is damaged: gzip's trailer (CRC-32 and length of the
// contents) vouches for every byte. The output is one chunk sized from the trailer's length field, as parseModel
// does (a wrong hint costs more chunks, never another answer), at most 8 times the file: a file cut short ends in
// arbitrary bytes, and one chunk of their "length" could be hundreds of megabytes
// (bin/model-read.js inflates with the same chunk size); `failed`: the error of an inflate done ahead of the check
function inflateWhole(file: string, bytes: Buffer, again: string, failed?: unknown): Buffer {
  const sizeHint = bytes.readUInt32LE(bytes.length - 4)
  try {
    if (failed !== undefined) throw failed
    return gunzipSync(bytes, {chunkSize: Math.max(64 * 1024, Math.min(sizeHint + 1024, 8 * bytes.length))})
  } catch (error) {
    const {code, message} = error as NodeJS.ErrnoException
    const what =
      code === 'Z_BUF_ERROR'
        ? `cut short: its ${bytes.length} bytes end before its compressed data does`
        : /incorrect (data|length) check/.test(message)
          ? `damaged: its contents do not match the checksum stored at its end (${message})`
          : `damaged (${message})`
    throw new ModelFileError(`the NER model "${file}" is ${what}; ${again}`)
  }
}
