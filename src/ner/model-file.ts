/**
 * The NER model file: where the shipped one lives, its format's marks, and a cheap check that a file is a model this
 * code reads. The check reads the first bytes only (a few milliseconds, no weights parsed), so `lede run` and
 * `lede worker` can refuse a missing, truncated-to-nothing or foreign model file (a Git LFS pointer, an older format)
 * with a message before any thread starts, instead of every document failing in the workers.
 */
import {closeSync, openSync, readSync, fstatSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {constants, gunzipSync} from 'node:zlib'

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

/**
 * Checks that `path` holds a lede NER model of a format this code reads, from its first 64 KB (the gzip header, the
 * magic and the format number at the start of the model's header); throws {@link ModelFileError} saying what is wrong
 * and what to do. A file damaged further in is found only when it is loaded.
 */
export function checkModelFile(path: string | URL = MODEL_URL): void {
  const file = typeof path === 'string' ? path : fileURLToPath(path)
  const again = 'restore it from the repository (git checkout -- models/ner.bin, or git lfs pull) or retrain it with `npm run train:ner`'
  let head: Buffer
  let size: number
  try {
    const fd = openSync(file, 'r')
    try {
      size = fstatSync(fd).size
      head = Buffer.alloc(Math.min(size, 64 * 1024))
      readSync(fd, head, 0, head.length, 0)
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ModelFileError(`cannot read the NER model "${file}": ${code === 'ENOENT' ? 'the file is missing' : (error as Error).message}; ${again}`)
  }
  if (head.length < 18 || head[0] !== 0x1f || head[1] !== 0x8b) {
    const text = head.subarray(0, 200).toString('latin1')
    const what = /^version https:\/\/git-lfs/.test(text) ? 'a Git LFS pointer, not the model itself' : size === 0 ? 'empty' : 'not a lede NER model (not gzip data)'
    throw new ModelFileError(`the NER model "${file}" is ${what}; ${again}`)
  }
  let raw: Buffer
  try {
    // the start of the stream only: a sync flush returns what the bytes read so far give
    raw = gunzipSync(head, {finishFlush: constants.Z_SYNC_FLUSH})
  } catch (error) {
    throw new ModelFileError(`the NER model "${file}" is damaged (${(error as Error).message}); ${again}`)
  }
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
}
