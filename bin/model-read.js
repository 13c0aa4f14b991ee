// The NER model's read and inflate, started by bin/lede.js for `lede run` and `lede worker` before it imports the CLI,
// so that both run in libuv's thread pool while this thread loads the CLI's modules: the start-up check
// (checkModelFile, src/ner/model-file.ts) takes the result instead of reading and inflating the file on the main
// thread before any worker thread may start (docs/scale.md, "The serial start and tail of one worker, again").
import {readFile} from 'node:fs/promises'
import {gunzip} from 'node:zlib'

/** The global slot the check takes the result from once (takeModelRead in src/ner/model-file.ts). */
export const MODEL_READ = Symbol.for('lede.model-read')

/**
 * Reads and inflates `path` in libuv's pool; never rejects: the file's bytes or the read's error, then its contents
 * or the inflate's error (nothing inflated when the bytes are not gzip data: the check tells what they are).
 */
export async function readModelAhead(path) {
  let bytes
  try {
    bytes = await readFile(path)
  } catch (readError) {
    return {readError}
  }
  if (bytes.length < 18 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return {bytes}
  // one output chunk sized from gzip's trailer, capped, as the check's own inflate does (the size changes the cost only)
  const sizeHint = bytes.readUInt32LE(bytes.length - 4)
  const chunkSize = Math.max(64 * 1024, Math.min(sizeHint + 1024, 8 * bytes.length))
  return new Promise((resolve) => gunzip(bytes, {chunkSize}, (inflateError, raw) => resolve(inflateError ? {bytes, inflateError} : {bytes, raw})))
}

/** Starts reading and inflating the model file at `path` (an absolute path) for the check to take. */
export function startModelRead(path) {
  globalThis[MODEL_READ] = {path, read: readModelAhead(path)}
}
