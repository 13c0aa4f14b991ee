import {cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {buildView} from '../../src/view/build.ts'
import {pageName} from '../../src/view/html.ts'
import {parseJsonl, runTestCorpus, writeBigRun} from './site.ts'

describe('buildView', () => {
  let out: string
  beforeAll(async () => {
    out = await runTestCorpus()
    await buildView(out)
  }, 180_000)

  it('writes an index, an entities page and one page per article', () => {
    const articles = parseJsonl(readFileSync(join(out, 'articles.jsonl'), 'utf8'))
    expect(readdirSync(join(out, 'view')).sort()).toEqual(['articles', 'entities.html', 'index.html'])
    expect(readdirSync(join(out, 'view/articles')).sort()).toEqual(articles.map((a) => pageName(a.id)).sort())
  })

  it('keeps hostile text as text on every page', () => {
    const pages = [join(out, 'view/index.html'), join(out, 'view/entities.html'), ...readdirSync(join(out, 'view/articles')).map((p) => join(out, 'view/articles', p))]
    for (const page of pages) {
      const html = readFileSync(page, 'utf8')
      expect(html).not.toMatch(/<script>window|<img |onerror="window|<b>at all/)
      // one executable script per page, allowed by hash in the page's policy
      expect(html.match(/<script>/g)?.length ?? 0).toBeLessThanOrEqual(1)
      expect(html).toMatch(/Content-Security-Policy" content="default-src 'none'.*script-src 'sha256-/)
    }
  })

  it('rebuilds in place, leaving no staging folder', async () => {
    await buildView(out)
    expect(readdirSync(out)).not.toContain('view.partial')
  })

  // a --no-link run has no entities-index.jsonl: the site said "0 distinct entities", "no names found" and named
  // speakers by their raw ids
  it('lists the entities of a run without an entity index (--no-link) from its mentions', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'lede-nolink-'))
    cpSync(out, copy, {recursive: true})
    rmSync(join(copy, 'entities-index.jsonl'))
    // as a --no-link run's manifest is: no index counted
    const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'))
    delete manifest.outputs.entityIndex
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest))
    rmSync(join(copy, 'view'), {recursive: true})
    const ids = new Set(parseJsonl(readFileSync(join(out, 'entities.jsonl'), 'utf8')).map((e) => e.entityId))
    const result = await buildView(copy)
    expect(result.entities).toBe(ids.size)
    const index = readFileSync(join(copy, 'view/index.html'), 'utf8')
    expect(index).not.toMatch(/no names found/)
    expect(index).toMatch(new RegExp(`<b>${ids.size}</b><span>distinct entities`))
  })

  // a copy of a run without its quotes.jsonl made a site of no quotes, without a word
  it.each(['quotes.jsonl', 'entities-index.jsonl'])('refuses a run folder missing %s, which manifest.json says holds records', async (file) => {
    const copy = mkdtempSync(join(tmpdir(), 'lede-missing-'))
    cpSync(out, copy, {recursive: true})
    rmSync(join(copy, 'view'), {recursive: true})
    const rows = readFileSync(join(out, file), 'utf8').split('\n').filter(Boolean).length
    rmSync(join(copy, file))
    await expect(buildView(copy)).rejects.toThrow(new RegExp(`${file.replace('.', '\\.')}" is missing or empty, but manifest\\.json says the run wrote ${rows} records into it`))
    expect(readdirSync(copy)).not.toContain('view')
  })

  it('refuses a folder that is not a run output', async () => {
    await expect(buildView(mkdtempSync(join(tmpdir(), 'lede-empty-')))).rejects.toThrow(/not the output folder/)
  })

  it('builds a site of 3,000 articles, one page each', async () => {
    const big = await writeBigRun(3000)
    const result = await buildView(big)
    expect(result.articles).toBe(3000)
    expect(readdirSync(join(big, 'view/articles'))).toHaveLength(3000)
    const index = readFileSync(join(big, 'view/index.html'), 'utf8')
    // the index holds rows as data and draws 50 at a time, so it stays small
    expect(index.length).toBeLessThan(1_500_000)
  }, 180_000)
})
