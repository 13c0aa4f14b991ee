import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseGold, type GoldFile} from '../../../src/eval/gold.ts'
import {
  MODERN_SET_DIR,
  NerSetError,
  placeNerGold,
  POLNEAR_DEV_TEXT_DIR,
  POLNEAR_TRAIN_TEXT_DIR,
  readModernNerSet,
  readNerGoldFolder,
  readWebGoldFolder,
  readWebGoldKeys,
  readWebTexts,
  checkWebSplit,
  toNerTokenDocument,
  toNerTrainingSet,
  TRAIN_SET_DIR,
  WEB_TEXT_FILE,
  WEB_TRAIN_SET_DIR,
  type NerGoldDoc,
} from '../../../tools/ner/ner-set.ts'

/*
 * The modern-news NER set (test/ner-gold/modern, docs/ner-annotation.md): every hand-written gold file must
 * place on its article text with no problem, and the loader must give what bench:ner scores.
 */

const LABELS = ['PERSON', 'ORG', 'LOC', 'MISC']
const gold = (entities: unknown[]) => parseGold(JSON.stringify({source: 'a.txt', entityLabels: LABELS, entities}), 'a.json')

describe('placeNerGold', () => {
  it.each([
    ['every whole-word occurrence, longest first', 'Gulf states and the Gulf Cooperation Council', [{text: 'Gulf', label: 'LOC'}, {text: 'Gulf Cooperation Council', label: 'ORG'}], ['LOC Gulf 0', 'ORG Gulf Cooperation Council 20']],
    ['the possessive stays outside', "Nvidia's chips", [{text: 'Nvidia', label: 'ORG'}], ['ORG Nvidia 0']],
    ['occurrences pick the mentions', 'the Premier League table; the Premier League said', [{text: 'Premier League', label: 'MISC', occurrences: [0]}, {text: 'Premier League', label: 'ORG', occurrences: [1]}], ['MISC Premier League 4', 'ORG Premier League 30']],
    ['emoji before a mention keeps UTF-16 offsets exact', '🚀 SpaceX launched', [{text: 'SpaceX', label: 'ORG'}], ['ORG SpaceX 3']],
  ])('%s', (_name, text, entities, expected) => {
    const placed = placeNerGold(gold(entities), text, 'a.json')
    expect(placed.map((e) => `${e.label} ${e.text} ${e.start}`)).toEqual(expected)
    for (const e of placed) expect(text.slice(e.start, e.end)).toBe(e.text)
  })

  it.each([
    ['a string not in the text', 'Geneva talks', [{text: 'Genf', label: 'LOC'}], /Genf/],
    ['a string found only inside a longer one', 'New York Times', [{text: 'New York Times', label: 'ORG'}, {text: 'New York', label: 'LOC'}], /only found inside longer/],
    ['an occurrence out of range', 'WHO and WHO', [{text: 'WHO', label: 'ORG', occurrences: [2]}], /occurrence/],
  ])('rejects %s', (_name, text, entities, message) => {
    expect(() => placeNerGold(gold(entities), text, 'a.json')).toThrow(message)
  })

  it('rejects a mention with a label outside the four', () => {
    const file = {source: 'a.txt', entityLabels: ['PERSON', 'ORG', 'LOC', 'MISC'], entities: [{text: '2024', label: 'DATE'}]} as GoldFile
    expect(() => placeNerGold(file, 'in 2024', 'a.json')).toThrow(/label outside/)
  })

  it('rejects a file that does not annotate exactly the four name labels', () => {
    const file = parseGold(JSON.stringify({source: 'a.txt', entities: [{text: 'Kyiv', label: 'LOC'}]}), 'a.json')
    expect(() => placeNerGold(file, 'Kyiv', 'a.json')).toThrow(NerSetError)
  })
})

describe('toNerTokenDocument', () => {
  it('maps mentions to the tokens the pipeline makes', () => {
    const text = 'Shares of Nvidia fell.\nThe U.S.-based firm rose.'
    const doc: NerGoldDoc = {
      id: 'a', source: 'written', goldPath: '', textPath: '', text,
      entities: placeNerGold(gold([{text: 'Nvidia', label: 'ORG'}, {text: 'U.S.-based', label: 'MISC'}]), text, 'a.json'),
    }
    const tokens = toNerTokenDocument(doc)
    expect(tokens.words.slice(0, 4)).toEqual(['Shares', 'of', 'Nvidia', 'fell'])
    expect(tokens.sentenceEnds).toEqual([5, tokens.words.length])
    expect(tokens.entities[0]).toEqual({start: 2, end: 3, type: 'ORG'})
    // the segmenter keeps "U.S.-based" one hyphenated word, as "Paris-based"; the mention is that token
    expect(tokens.words.slice(tokens.entities[1].start, tokens.entities[1].end)).toEqual(['U.S.-based'])
    expect(tokens.misaligned).toEqual([])
  })

  it('reports a mention whose edge falls inside a token, and gives it the tokens it touches', () => {
    const text = 'Moscow-based analysts'
    const doc: NerGoldDoc = {id: 'a', source: 'written', goldPath: '', textPath: '', text, entities: [{start: 0, end: 6, label: 'LOC', text: 'Moscow'}]}
    const tokens = toNerTokenDocument(doc)
    expect(tokens.entities).toEqual([{start: 0, end: 1, type: 'LOC'}])
    expect(tokens.misaligned.map((e) => e.text)).toEqual(['Moscow'])
  })
})

describe('test/ner-gold/modern', () => {
  const set = readModernNerSet()
  const polnearGold = readdirSync(join(MODERN_SET_DIR, 'polnear/gold')).filter((n) => n.endsWith('.json'))

  it('reads every written article, each with its text in the repository', () => {
    const written = set.docs.filter((d) => d.source === 'written')
    expect(written.length).toBe(readdirSync(join(MODERN_SET_DIR, 'written/gold')).filter((n) => n.endsWith('.json')).length)
    expect(readdirSync(join(MODERN_SET_DIR, 'written/text')).sort()).toEqual(written.map((d) => `${d.id}.txt`).sort())
    for (const d of written) expect(d.entities.length, d.id).toBeGreaterThan(0)
  })

  it('keeps no PolNeAR text and no web page in the repository, only gold files that name them', () => {
    expect(existsSync(join(MODERN_SET_DIR, 'polnear/text'))).toBe(false)
    if (existsSync(join(MODERN_SET_DIR, 'web'))) expect(readdirSync(join(MODERN_SET_DIR, 'web'))).toEqual(['gold'])
    for (const name of polnearGold) expect(JSON.parse(readFileSync(join(MODERN_SET_DIR, 'polnear/gold', name), 'utf8')).source).toBe(name.replace(/\.json$/, '.txt'))
  })

  it.skipIf(!existsSync(POLNEAR_DEV_TEXT_DIR))('places every PolNeAR gold file on its dev text (skipped without ../shared)', () => {
    expect(set.docs.filter((d) => d.source === 'polnear').length).toBe(polnearGold.length)
  })

  it('gives every mention a label in the set, exact offsets, and no overlap', () => {
    for (const d of set.docs) {
      let end = 0
      for (const e of d.entities) {
        expect(['PER', 'ORG', 'LOC', 'MISC']).toContain(e.label)
        expect(d.text.slice(e.start, e.end)).toBe(e.text)
        expect(e.start, `${d.id}: ${e.text}`).toBeGreaterThanOrEqual(end)
        end = e.end
      }
    }
  })

  it('turns every article into token documents whose spans cover their mentions', () => {
    for (const d of set.docs) {
      const t = toNerTokenDocument(d)
      expect(t.entities).toHaveLength(d.entities.length)
      t.entities.forEach((span, i) => {
        expect(t.tokenSpans[span.start].start).toBeLessThanOrEqual(d.entities[i].start)
        expect(t.tokenSpans[span.end - 1].end).toBeGreaterThanOrEqual(d.entities[i].end)
      })
    }
  })
})

describe('toNerTrainingSet', () => {
  const doc = (text: string, entities: unknown[]): NerGoldDoc => ({
    id: 'a',
    source: 'polnear-train',
    goldPath: 'a.json',
    textPath: 'a.txt',
    text,
    entities: placeNerGold(gold(entities), text, 'a.json'),
  })
  // [case, text, gold strings, encoded mentions, sentences, left out, joined, misaligned]
  it.each([
    ['mentions become token spans on the pipeline tokens', 'Sen. Ted Cruz (R-Texas) met NATO officials.', [{text: 'Ted Cruz', label: 'PERSON'}, {text: 'R-Texas', label: 'MISC'}, {text: 'NATO', label: 'ORG'}], ['PER Ted Cruz', 'MISC R-Texas', 'ORG NATO'], 1, [], [], []],
    ['a mention across a sentence end is kept whole: that sentence end is left out of the document', 'He met Smith. Jones left. NATO said so.', [{text: 'Smith. Jones', label: 'PERSON'}, {text: 'NATO', label: 'ORG'}], ['PER Smith . Jones', 'ORG NATO'], 2, [], ['Smith. Jones'], []],
    ['a mention whose edge falls inside a token is trained as the token, and listed', 'A shooting in San Bernardino, Calif. The police said so.', [{text: 'San Bernardino', label: 'LOC'}, {text: 'Calif', label: 'LOC'}], ['LOC San Bernardino', 'LOC Calif.'], 2, [], [], ['Calif -> Calif.']],
    ['a mention sharing a token with the one before is left out, and listed', 'Staff: Choreographer_Jeong Hye_Jin and others.', [{text: 'Jeong Hye', label: 'PERSON'}, {text: 'Jin', label: 'PERSON'}], ['PER Choreographer_Jeong Hye_Jin'], 1, ['Jin'], [], ['Jeong Hye -> Choreographer_Jeong Hye_Jin', 'Jin -> Hye_Jin']],
  ])('%s', (_name, text, entities, expected, sentences, leftOut, joined, misaligned) => {
    const set = toNerTrainingSet([doc(text, entities)])
    const [d] = set.documents
    expect(d.entities.map((e) => `${e.type} ${d.words.slice(e.start, e.end).join(' ')}`)).toEqual(expected)
    expect(d.sentenceEnds.length).toBe(sentences)
    expect(set.leftOut.map((e) => e.text)).toEqual(leftOut)
    expect(set.joined.map((e) => e.text)).toEqual(joined)
    expect(set.misaligned.map((e) => `${e.text} -> ${e.tokens}`)).toEqual(misaligned)
    for (const e of [...set.leftOut, ...set.joined, ...set.misaligned]) expect(e.doc).toBe('a')
    expect(d.sentenceEnds[d.sentenceEnds.length - 1]).toBe(d.words.length)
    expect(Object.values(set.mentions).reduce((a, b) => a + b, 0)).toBe(expected.length)
  })
})

describe('web gold (pages of ../shared/article-extraction, source = page key)', () => {
  const KEY = 'ab12cd34ef56'.padEnd(64, '0')
  const OTHER = 'ffeeddccbbaa'.padEnd(64, '1')
  /** a temporary ground-truth.json and a gold folder holding `files` ({name: gold json}) */
  function fixture(files: Record<string, unknown>): {dir: string; textFile: string} {
    const dir = mkdtempSync(join(tmpdir(), 'web-gold-'))
    const textFile = join(dir, 'ground-truth.json')
    writeFileSync(textFile, JSON.stringify({[KEY]: {articleBody: '🚀 SpaceX launched from Florida.', url: 'https://example.com/a'}, [OTHER]: {articleBody: 'Nothing.', url: 'https://example.com/b'}}))
    mkdirSync(join(dir, 'gold'))
    for (const [name, gold] of Object.entries(files)) writeFileSync(join(dir, 'gold', name), JSON.stringify(gold))
    return {dir, textFile}
  }
  const file = (source: string, entities: unknown[]) => ({source, entityLabels: LABELS, entities})

  it('places a file on its page\'s articleBody, found by the page key, with UTF-16 offsets', () => {
    const {dir, textFile} = fixture({'ab12cd34ef56-spacex.json': file(KEY, [{text: 'SpaceX', label: 'ORG'}, {text: 'Florida', label: 'LOC'}])})
    const [doc] = readWebGoldFolder(join(dir, 'gold'), readWebTexts(textFile), 'web', textFile)
    expect(doc.id).toBe('ab12cd34ef56-spacex')
    expect(doc.textPath).toBe(`${textFile}#${KEY}`)
    expect(doc.entities.map((e) => `${e.label} ${e.text} ${e.start}`)).toEqual(['ORG SpaceX 3', 'LOC Florida 24'])
  })

  it.each([
    ['a source that is not a page key', {'ab12cd34ef56-x.json': file('ab12cd34ef56.txt', [])}, /not a page key/],
    ['a file name that does not start with the key', {'spacex.json': file(KEY, [{text: 'SpaceX', label: 'ORG'}])}, /first 12 characters/],
    ['a string not on the page', {'ab12cd34ef56-x.json': file(KEY, [{text: 'NASA', label: 'ORG'}])}, /NASA/],
  ])('rejects %s', (_name, files, message) => {
    const {dir, textFile} = fixture(files)
    expect(() => readWebGoldFolder(join(dir, 'gold'), readWebTexts(textFile), 'web', textFile)).toThrow(message)
  })

  it('refuses a page annotated both in the dev set and in the training gold', () => {
    const dev = fixture({'ab12cd34ef56-a.json': file(KEY, []), 'ffeeddccbbaa-b.json': file(OTHER, [])})
    const train = fixture({'ab12cd34ef56-other-name.json': file(KEY, [])})
    expect(() => checkWebSplit(join(dev.dir, 'gold'), join(train.dir, 'gold'))).toThrow(/is in the dev set .* and in the training gold/)
    expect(() => checkWebSplit(join(dev.dir, 'gold'), join(dev.dir, 'absent'))).not.toThrow()
    // the set's loader runs the check before it reads any text
    const modern = mkdtempSync(join(tmpdir(), 'modern-'))
    mkdirSync(join(modern, 'web/gold'), {recursive: true})
    writeFileSync(join(modern, 'web/gold/ab12cd34ef56-a.json'), JSON.stringify(file(KEY, [])))
    expect(() => readModernNerSet({dir: modern, webTrainDir: join(train.dir, 'gold')})).toThrow(NerSetError)
  })

  it('the repository\'s web dev pages and web training pages are disjoint', () => {
    const train = readWebGoldKeys(WEB_TRAIN_SET_DIR)
    for (const key of readWebGoldKeys(join(MODERN_SET_DIR, 'web/gold')).keys()) expect(train.has(key), key).toBe(false)
  })

  it.skipIf(!existsSync(WEB_TEXT_FILE))('places every web gold file, dev and training, on its page (skipped without ../shared)', () => {
    const texts = readWebTexts()
    for (const folder of [join(MODERN_SET_DIR, 'web/gold'), WEB_TRAIN_SET_DIR].filter((f) => existsSync(f))) {
      const docs = readWebGoldFolder(folder, texts, 'web')
      expect(docs.length).toBe(readdirSync(folder).length)
      for (const d of docs) expect(d.entities.length, d.id).toBeGreaterThan(0)
    }
  })
})

describe('test/ner-gold/train (training gold: PolNeAR train articles, web pages)', () => {
  const devNames = new Set(['polnear', 'web'].flatMap((half) => (existsSync(join(MODERN_SET_DIR, half, 'gold')) ? readdirSync(join(MODERN_SET_DIR, half, 'gold')) : [])))
  const root = join(TRAIN_SET_DIR, '../..')
  const allFolders = readdirSync(root).map((f) => join(root, f, 'gold'))
  // a folder with its own text/ beside gold/ holds articles written for training (the wire gold): texts in the repository
  const hasOwnText = (folder: string) => existsSync(join(folder, '..', 'text'))
  const writtenFolders = allFolders.filter(hasOwnText)
  const folders = allFolders.filter((f) => !hasOwnText(f))
  // web-page gold names page keys as sources, PolNeAR gold names .txt files
  const isWeb = (folder: string) => [...readWebGoldKeys(folder).keys()].every((source) => !source.endsWith('.txt'))
  const polnearFolders = folders.filter((f) => !isWeb(f))
  const webFolders = folders.filter(isWeb)

  it('reads the web training folders (web/gold, and web-same-story/gold held aside) as web gold', () => {
    expect(webFolders.map((f) => resolve(f))).toContain(resolve(WEB_TRAIN_SET_DIR))
  })

  it.each(webFolders)('%s shares no page with the web dev half', (folder) => {
    expect(() => checkWebSplit(join(MODERN_SET_DIR, 'web/gold'), folder)).not.toThrow()
  })

  it.skipIf(!existsSync(WEB_TEXT_FILE))('places every file of every web training folder on its page (skipped without ../shared)', () => {
    const texts = readWebTexts()
    for (const folder of webFolders) expect(readWebGoldFolder(folder, texts, 'web-train').length).toBe(readdirSync(folder).length)
  })

  it.each(folders)('%s shares no article with the modern dev set and keeps no text in the repository', (folder) => {
    const names = readdirSync(folder).filter((n) => n.endsWith('.json'))
    expect(names.length).toBeGreaterThan(0)
    for (const n of names) expect(devNames.has(n), n).toBe(false)
    expect(readdirSync(join(folder, '..'))).toEqual(['gold'])
  })

  it.each(writtenFolders)('%s places every file on its own text, shares no name with the modern dev set, and has a text for each file', (folder) => {
    const docs = readNerGoldFolder(folder, join(folder, '..', 'text'), 'written')
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.length).toBe(readdirSync(folder).length)
    expect(readdirSync(join(folder, '..', 'text')).length).toBe(docs.length)
    const devWritten = new Set(readdirSync(join(MODERN_SET_DIR, 'written', 'gold')))
    for (const d of docs) {
      expect(d.entities.length, d.id).toBeGreaterThan(0)
      expect(devNames.has(`${d.id}.json`) || devWritten.has(`${d.id}.json`), d.id).toBe(false)
    }
  })

  it('lists each article once across the folders', () => {
    const all = allFolders.flatMap((f) => readdirSync(f))
    expect(new Set(all).size).toBe(all.length)
  })

  it.skipIf(!existsSync(POLNEAR_TRAIN_TEXT_DIR))('places every file on its PolNeAR train text (skipped without ../shared)', () => {
    for (const folder of polnearFolders) {
      const docs = readNerGoldFolder(folder, POLNEAR_TRAIN_TEXT_DIR, 'polnear-train')
      expect(docs.length).toBe(readdirSync(folder).length)
      expect(toNerTrainingSet(docs).documents.every((d) => d.entities.length > 0)).toBe(true)
    }
  })
})
