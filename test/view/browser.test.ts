import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {BrowserContext, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildView} from '../../src/view/build.ts'
import {pageName} from '../../src/view/html.ts'
import {CHROMIUM, launchChromium} from './browser.ts'
import {parseJsonl, runTestCorpus, writeBigRun} from './site.ts'

// a real headless Chromium (Debian package `chromium`, which .ci/run installs); skipped with a message without one
if (!CHROMIUM) console.warn('test/view/browser.test.ts: skipped, no chromium installed (apt-get install -y chromium)')

const norm = (s: string) => s.replace(/\s+/g, ' ').trim()

describe.skipIf(!CHROMIUM)('the review site in Chromium', () => {
  let out: string
  let browser: BrowserContext
  let page: Page
  const requests: string[] = []
  const pageErrors: string[] = []
  const dialogs: string[] = []
  const open = async (relative: string) => {
    await page.goto(pathToFileURL(join(out, 'view', relative)).href)
  }

  beforeAll(async () => {
    out = await runTestCorpus()
    await buildView(out)
    browser = await launchChromium()
    page = await browser.newPage()
    // the site must open from disk and reach nothing else
    page.on('request', (r) => {
      if (!r.url().startsWith('file://')) requests.push(r.url())
    })
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
  })

  it('lists every article in the index, page by page', async () => {
    const articles = parseJsonl(readFileSync(join(out, 'articles.jsonl'), 'utf8'))
    await open('index.html')
    const seen: string[] = []
    for (;;) {
      seen.push(...(await page.locator('#articles tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id!))))
      const next = page.locator('#next')
      if (await next.isDisabled()) break
      await next.click()
    }
    expect(seen).toEqual(articles.map((a) => a.id))
  })

  it('pages through a corpus of 3,000 articles and finds the last by search', async () => {
    const big = await writeBigRun(3000)
    await buildView(big)
    await page.goto(pathToFileURL(join(big, 'view', 'index.html')).href)
    const seen = new Set<string>()
    for (;;) {
      for (const id of await page.locator('#articles tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id!))) seen.add(id)
      const next = page.locator('#next')
      if (await next.isDisabled()) break
      await next.click()
    }
    expect(seen.size).toBe(3000)
    await page.fill('#search', 'doc-2999')
    await expect(page.locator('#articles tbody tr').count()).resolves.toBe(1)
    await page.locator('#articles tbody tr a').click()
    await expect(page.locator('#text .qtag').innerText()).resolves.toContain('Speaker 49')
  }, 180_000)

  it('finds an article by a name it mentions', async () => {
    await open('index.html')
    await page.fill('#search', 'Lindqvist')
    const ids = await page.locator('#articles tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.id))
    expect(ids).toHaveLength(1)
    await expect(page.locator('#articles tbody tr a').first().innerText()).resolves.toMatch(/Riverton United/)
  })

  it("shows every quote's text and speaker on its article page", async () => {
    const articles = parseJsonl(readFileSync(join(out, 'articles.jsonl'), 'utf8'))
    const quotes = parseJsonl(readFileSync(join(out, 'quotes.jsonl'), 'utf8'))
    expect(quotes.length).toBeGreaterThan(20)
    for (const a of articles) {
      const own = quotes.filter((q) => q.docId === a.id)
      if (own.length === 0) continue
      await open(`articles/${pageName(a.id)}`)
      for (const [n, q] of own.entries()) {
        const pieces = page.locator(`#text .quote[data-q="${n}"]`)
        await expect(pieces.first().isVisible()).resolves.toBe(true)
        // the quote's words, emoji included, exactly as the record has them
        // entity label badges are drawn by CSS ::after, so textContent is the article's text alone
        const text = (await pieces.allTextContents()).join('')
        expect(norm(text)).toBe(norm(q.text))
        const speaker = q.speaker.name ?? q.speaker.mention ?? 'no speaker found'
        const tag = page.locator(`#text .qtag[data-q="${n}"]`)
        await expect(tag.isVisible()).resolves.toBe(true)
        await expect(tag.innerText()).resolves.toContain(speaker)
        if (q.cue) await expect(tag.innerText()).resolves.toContain(q.cue)
      }
    }
  }, 180_000)

  it('keeps an emoji quote whole: code-point offsets are sliced as UTF-16', async () => {
    const a = parseJsonl(readFileSync(join(out, 'articles.jsonl'), 'utf8')).find((r) => r.source === 'emoji.txt')!
    await open(`articles/${pageName(a.id)}`)
    await expect(page.locator('#text .quote[data-q="0"]').first().textContent()).resolves.toBe('This is the best night of my life 😀,')
    await expect(page.locator('#text .mval').first().innerText()).resolves.toBe('GBP 50,000')
  })

  it('executes nothing from the hostile article, showing its markup as text', async () => {
    const a = parseJsonl(readFileSync(join(out, 'articles.jsonl'), 'utf8')).find((r) => r.source === 'hostile.txt')!
    for (const where of ['index.html', `articles/${pageName(a.id)}`, 'entities.html']) {
      await open(where)
      await page.waitForLoadState('load')
      await expect(page.evaluate(() => (window as unknown as {__pwned?: number}).__pwned)).resolves.toBeUndefined()
    }
    await open(`articles/${pageName(a.id)}`)
    await expect(page.locator('h1').innerText()).resolves.toContain('<script>window.__pwned = 1</script>')
    await expect(page.locator('#text img, #text script, #text b').count()).resolves.toBe(0)
    await expect(page.locator('#text').innerText()).resolves.toContain('<img src=x onerror="window.__pwned=2">')
    expect(dialogs).toEqual([])
  })

  it('links an entity to its corpus-wide entry with aliases', async () => {
    await open('index.html')
    await page.locator('a[href^="entities.html#"]').first().click()
    await page.waitForSelector('#detail.on')
    await expect(page.locator('#detail').innerText()).resolves.toMatch(/mentions[\s\S]*aliases[\s\S]*articles/)
  })

  it('loaded nothing from the network and threw no script errors', () => {
    expect(requests).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
