/**
 * A corpus file's size and modification time, taken when the corpus is listed and again when the file is read, so a
 * file changed or still being written during a run is noticed rather than read half old, half new.
 */
import {statSync, type PathLike} from 'node:fs'

/** What a file's stat says of its content: its size and modification time (ms, with the fraction the system keeps). */
export interface FileState {
  size: number
  mtimeMs: number
}

/** The file's size and modification time now, or null when it cannot be stat'ed (gone, unreadable). */
export function readFileState(path: PathLike): FileState | null {
  try {
    const info = statSync(path)
    return {size: info.size, mtimeMs: info.mtimeMs}
  } catch {
    return null
  }
}

/** Whether two states are of the same content, as far as a stat can tell (a write changes the modification time). */
export function isSameFileState(a: FileState, b: FileState): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs
}
