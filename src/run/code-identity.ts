/**
 * The identity of the code a lede runs, for distributed mode: a worker built from other sources (a checkout of
 * another commit, a local edit) or installed with other dependency versions gives other records for the same batch,
 * silently, while its version string is the same.
 */
import {createHash} from 'node:crypto'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {dirname, join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'

/** lede's root folder (the one holding package.json, src/ and models/). */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))

// what a batch's records depend on besides the NER model (hashed on its own): the sources (dist/ is built from them,
// and bin/lede.js runs the sources whenever dist/ is older), the pipeline definitions, the data files in models/
const FOLDERS = ['src', 'pipelines', 'models']
const MODEL_FILE = 'models/ner.bin'

/**
 * The first 12 hex digits of a SHA-256 over lede's code: every file under src/, pipelines/ and models/ (the NER model
 * aside, by path and content, in code-unit order), package.json, and the installed version of each of its dependencies.
 * The same on every machine that runs the same code, whether from dist/ or from the sources; files that do not change
 * what a run computes (README, docs/, test/) are left out.
 */
export function codeHash(root: string = ROOT): string {
  const hash = createHash('sha256')
  const files: string[] = []
  const walk = (dir: string) => {
    let entries
    try {
      entries = readdirSync(dir, {withFileTypes: true})
    } catch {
      return
    }
    for (const entry of entries) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile()) files.push(relative(root, full).split('\\').join('/'))
    }
  }
  for (const folder of FOLDERS) walk(join(root, folder))
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  for (const file of files) {
    if (file === MODEL_FILE) continue
    hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0')
  }
  const manifest = readFileSync(join(root, 'package.json'))
  hash.update('package.json\0').update(manifest).update('\0')
  const dependencies = Object.keys((JSON.parse(manifest.toString('utf8')) as {dependencies?: Record<string, string>}).dependencies ?? {}).sort()
  for (const name of dependencies) hash.update(`${name}@${installedVersion(root, name)}\0`)
  return hash.digest('hex').slice(0, 12)
}

// the version Node would load: the first node_modules/<name> on the way up from lede's folder (lede itself may sit in one)
function installedVersion(root: string, name: string): string {
  for (let dir = root; ; dir = dirname(dir)) {
    const manifest = join(dir, 'node_modules', name, 'package.json')
    if (existsSync(manifest)) {
      try {
        return String((JSON.parse(readFileSync(manifest, 'utf8')) as {version?: unknown}).version)
      } catch {
        return 'unreadable'
      }
    }
    if (dirname(dir) === dir) return 'missing'
  }
}
