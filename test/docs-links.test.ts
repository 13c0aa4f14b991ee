// Every relative link and #anchor in README.md and docs/*.md leads somewhere: the docs are read on GitHub, where a
// heading's anchor is its text lower-cased, stripped of punctuation, spaces turned to hyphens, repeats numbered -1, -2
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'

const root = new URL('..', import.meta.url).pathname

/** The lines of a markdown file outside fenced code blocks, with their 1-based numbers. */
function proseLines(text: string): Array<{line: string; n: number}> {
  const out: Array<{line: string; n: number}> = []
  let fenced = false
  text.split('\n').forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced
    else if (!fenced) out.push({line, n: i + 1})
  })
  return out
}

/** GitHub's anchor for a heading's text (github-slugger's rule). */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-')
}

const anchorCache = new Map<string, Set<string>>()

/** Every anchor the headings of a markdown file give, repeats numbered as GitHub numbers them. */
function anchorsOf(file: string): Set<string> {
  const cached = anchorCache.get(file)
  if (cached !== undefined) return cached
  const seen = new Map<string, number>()
  const anchors = new Set<string>()
  for (const {line} of proseLines(readFileSync(file, 'utf8'))) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)
    if (heading === null) continue
    const base = slug(heading[1]!)
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    anchors.add(count === 0 ? base : `${base}-${count}`)
  }
  anchorCache.set(file, anchors)
  return anchors
}

/** The relative links of a markdown file that lead nowhere: a missing file, or an anchor no heading gives. */
function brokenLinks(file: string): string[] {
  const broken: string[] = []
  for (const {line, n} of proseLines(readFileSync(file, 'utf8'))) {
    // code spans may show link syntax as an example; they are not links
    for (const match of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) {
      const href = match[1]!
      if (/^[a-z][a-z+.-]*:/i.test(href)) continue
      const [path, anchor] = href.split('#')
      const target = path === '' ? file : resolve(dirname(file), path!)
      if (!existsSync(target)) broken.push(`${n}: ${href} (no such file)`)
      else if (anchor !== undefined && target.endsWith('.md') && statSync(target).isFile() && !anchorsOf(target).has(anchor)) {
        broken.push(`${n}: ${href} (no such heading)`)
      }
    }
  }
  return broken
}

describe('slug', () => {
  it.each([
    ['Commands', 'commands'],
    ['Input formats', 'input-formats'],
    ['Safe output folder, resumable runs', 'safe-output-folder-resumable-runs'],
    ['Start-up checks (ux4, 2026-11-30, 20:22-21:55 UTC)', 'start-up-checks-ux4-2026-11-30-2022-2155-utc'],
    ["Line-end hyphens are not clean's (2026-12-03 pm, hyphbreak)", 'line-end-hyphens-are-not-cleans-2026-12-03-pm-hyphbreak'],
    ['The run engine (`src/run/`)', 'the-run-engine-srcrun'],
    ['Main-thread CPU at --workers 2, continued', 'main-thread-cpu-at---workers-2-continued'],
    ['Où ça coûte', 'où-ça-coûte'],
  ])('%s -> %s', (heading, expected) => {
    expect(slug(heading)).toBe(expected)
  })
})

describe('links in README.md and docs/*.md', () => {
  const files = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)]
  it.each(files)('%s: every relative link and anchor resolves', (file) => {
    expect(brokenLinks(join(root, file)).map((b) => `${relative(root, join(root, file))}:${b}`)).toEqual([])
  })
})
