/**
 * Contents of files this thread has already read and checked, by absolute path, so that loading them again reads and
 * unpacks nothing: the NER model's start-up check inflates the whole model (docs/scale.md, "Start-up checks"), which its
 * loader then did again in this thread (`--workers 0`) and in every worker thread. Worker threads get this thread's
 * files in shared memory when they start ({@link shareCheckedFiles}, {@link adoptCheckedFiles}).
 */
import {resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

const kept = new Map<string, Uint8Array>()

// one key per file however it is named (a URL, a relative path)
const keyOf = (path: string | URL): string => resolve(typeof path === 'string' ? path : fileURLToPath(path))

/** Keeps the checked contents of `path` (for a file read whole and checked, e.g. a model inflated and its checksum verified). */
export function keepCheckedFile(path: string | URL, contents: Uint8Array): void {
  kept.set(keyOf(path), contents)
}

/**
 * The checked contents of `path` kept in this thread, in memory of the caller's own (a copy when they are shared
 * between threads: the model's tables are read in place as typed arrays, which stay thread-local as before), or
 * undefined when none are kept.
 */
export function checkedFile(path: string | URL): Uint8Array | undefined {
  const contents = kept.get(keyOf(path))
  if (contents === undefined) return undefined
  return contents.buffer instanceof SharedArrayBuffer ? new Uint8Array(contents) : contents
}

/** The kept files in shared memory (copied there once, and kept as such), for worker threads to adopt. */
export function shareCheckedFiles(): Record<string, SharedArrayBuffer> {
  const shared: Record<string, SharedArrayBuffer> = {}
  for (const [path, contents] of kept) {
    let view = contents
    if (!(contents.buffer instanceof SharedArrayBuffer)) {
      view = new Uint8Array(new SharedArrayBuffer(contents.byteLength))
      view.set(contents)
      kept.set(path, view)
    }
    // a view on the whole buffer (a fresh one, or one made here earlier)
    shared[path] = view.buffer as SharedArrayBuffer
  }
  return shared
}

/** Keeps files another thread checked and shared ({@link shareCheckedFiles}); anything else is ignored. */
export function adoptCheckedFiles(files: unknown): void {
  if (typeof files !== 'object' || files === null) return
  for (const [path, buffer] of Object.entries(files)) if (buffer instanceof SharedArrayBuffer) kept.set(path, new Uint8Array(buffer))
}
