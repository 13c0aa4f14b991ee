import {cpSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {main} from '../src/cli.ts'
import {buildView} from '../src/view/build.ts'
import {pageName} from '../src/view/html.ts'
import {launchChromium} from '../test/view/browser.ts'
import {parseScriptArgs} from '../tools/lib/script-args.ts'

/*
 * Regenerates docs/view-index.png, docs/view-article.png and docs/eval-report.png: runs lede over the bundled corpus and
 * the analyst test articles, builds the review site and photographs it in the system Chromium.
 */
const {positionals} = parseScriptArgs({
  name: 'screenshots:view',
  about:
    'Regenerates docs/view-index.png, docs/view-article.png and docs/eval-report.png: runs lede over the bundled corpus and the analyst\n' +
    'test articles, builds the review site and photographs it in the system Chromium. The optional argument is the article id to photograph.',
  positionals: '[<article id>]',
  options: {},
  example: 'npm run screenshots:view -- 9133cc5deba32e74',
})
const root = new URL('..', import.meta.url).pathname
const corpus = mkdtempSync(join(tmpdir(), 'lede-shots-corpus-'))
cpSync(join(root, 'corpus'), corpus, {recursive: true})
cpSync(join(root, 'test/data/analyst-corpus'), corpus, {recursive: true})
const out = join(mkdtempSync(join(tmpdir(), 'lede-shots-')), 'out')
await main(['run', corpus, '--out', out, '--quiet'])
await buildView(out)
const browser = await launchChromium()
const page = await browser.newPage()
await page.setViewportSize({width: 1280, height: 1500})
await page.goto(pathToFileURL(join(out, 'view/index.html')).href)
await page.screenshot({path: join(root, 'docs/view-index.png'), fullPage: false})
await page.setViewportSize({width: 1280, height: 700})
await page.goto(pathToFileURL(join(out, 'view/articles', pageName(positionals[0] ?? '9133cc5deba32e74'))).href)
await page.screenshot({path: join(root, 'docs/view-article.png'), fullPage: true})
// the eval page on the seed gold: the first article with differences, gold beside prediction
const seed = join(mkdtempSync(join(tmpdir(), 'lede-shots-seed-')), 'out')
await main(['run', join(root, 'corpus'), '--out', seed, '--quiet'])
await main(['eval', '--gold', join(root, 'test/gold'), '--pred', seed, '--html', join(seed, 'eval.html')])
await page.setViewportSize({width: 1280, height: 1100})
await page.goto(pathToFileURL(join(seed, 'eval.html')).href)
await page.locator('.doc').first().scrollIntoViewIfNeeded()
await page.evaluate(() => window.scrollTo(0, document.querySelector('.doc')!.getBoundingClientRect().top + window.scrollY - 330))
await page.screenshot({path: join(root, 'docs/eval-report.png')})
await browser.close()
process.stderr.write('wrote docs/view-index.png, docs/view-article.png and docs/eval-report.png\n')
