// The key of the sources a build compiles (every file under src/ and pipelines/, the vector builder, the lock file):
// the build's type vectors carry it, and code uses them only when it carries the same key. Its own module so that a
// bench running the sources through tsx (bench/ner.ts) can ask whether dist/type-vectors.bin was made from them.
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

/** sha256 (hex) over the paths, sizes and bytes of the files the build's key covers, under `root`. */
export function sourceKey(root) {
  const hash = createHash('sha256')
  const files = []
  const walk = (folder) => {
    for (const entry of readdirSync(join(root, folder), {withFileTypes: true})) {
      const path = `${folder}/${entry.name}`
      if (entry.isDirectory()) walk(path)
      else files.push(path)
    }
  }
  walk('src')
  walk('pipelines')
  files.push('scripts/build-type-vectors.ts', 'package-lock.json')
  for (const path of files.sort()) hash.update(`${path}\0${readFileSync(join(root, path)).length}\0`).update(readFileSync(join(root, path)))
  return hash.digest('hex')
}
