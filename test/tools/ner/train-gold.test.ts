import {existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {NerSetError, POLNEAR_TRAIN_TEXT_DIR, TRAIN_SET_DIR, WEB_TEXT_FILE} from '../../../tools/ner/ner-set.ts'
import {
  DevSetInTrainingError,
  findNearDuplicates,
  findTrainingGoldKind,
  readDevTexts,
  readTrainingGoldFolder,
  WRITTEN_TRAIN_SET_DIRS,
} from '../../../tools/ner/train-gold.ts'

/*
 * The training gold folders `train:ner --gold` reads: three kinds, and every way the dev set could get into
 * training refused (docs/ner-annotation.md).
 */

const LABELS = ['PERSON', 'ORG', 'LOC', 'MISC']
const DEV_TEXT =
  'GENEVA (Reuters) - Member states of the World Health Organization agreed on Tuesday on the text of a pandemic accord ' +
  'after three years of talks, the agency said, leaving the hardest question of how to share vaccines for a later annex. ' +
  'Health ministers from Brazil and Indonesia welcomed the deal, while the United States did not take part in the final round.'
// the dev text with one word in ten changed: an edited copy
const EDITED = DEV_TEXT.split(' ').map((w, i) => (i % 10 === 5 ? 'changed' : w)).join(' ')
const OTHER_TEXT =
  'NAIROBI (Reuters) - Kenya Airways said on Monday it would resume flights to Mogadishu next month, after talks with ' +
  'Somalia’s civil aviation authority settled a dispute over landing rights that had grounded the route since March.'
const KEY = 'ab12cd34ef56'.padEnd(64, '0')
const OTHER_KEY = 'ffeeddccbbaa'.padEnd(64, '1')
const gold = (source: string, entities: {text: string; label: string}[]) => JSON.stringify({source, entityLabels: LABELS, entities})

/** A dev set (written, PolNeAR and web halves), its PolNeAR dev texts, web pages and training folders of each kind. */
function fixture() {
  const root = mkdtempSync(join(tmpdir(), 'train-gold-'))
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), {recursive: true})
    writeFileSync(join(root, path), text)
  }
  write('dev/written/text/01-accord.txt', DEV_TEXT)
  write('dev/written/gold/01-accord.json', gold('01-accord.txt', [{text: 'World Health Organization', label: 'ORG'}]))
  write('dev/polnear/gold/p-dev.json', gold('p-dev.txt', [{text: 'Ohio', label: 'LOC'}]))
  write('polnear-dev-text/p-dev.txt', 'He spoke in Ohio.')
  write('dev/web/gold/ab12cd34ef56-a.json', gold(KEY, [{text: 'SpaceX', label: 'ORG'}]))
  write('pages.json', JSON.stringify({[KEY]: {articleBody: 'SpaceX flew.'}, [OTHER_KEY]: {articleBody: 'Tesla sold cars.'}}))
  write('polnear-train-text/p-train.txt', 'She spoke in Iowa.')
  write('polnear-train-text/p-dev.txt', 'He spoke in Ohio.')
  // training folders
  write('train/wire/text/a-01-airline.txt', OTHER_TEXT)
  write('train/wire/gold/a-01-airline.json', gold('a-01-airline.txt', [{text: 'Kenya Airways', label: 'ORG'}, {text: 'Mogadishu', label: 'LOC'}]))
  write('train/wire2/text/c-01-airline.txt', OTHER_TEXT.replace('Kenya Airways', 'Ethiopian Airlines'))
  write('train/wire2/gold/c-01-airline.json', gold('c-01-airline.txt', [{text: 'Ethiopian Airlines', label: 'ORG'}, {text: 'Mogadishu', label: 'LOC'}]))
  write('train/wire2-copy/text/d-02-accord.txt', `${OTHER_TEXT}\n\n${EDITED}`)
  write('train/wire2-copy/gold/d-02-accord.json', gold('d-02-accord.txt', [{text: 'Brazil', label: 'LOC'}]))
  write('train/copy/text/a-02-accord.txt', DEV_TEXT)
  write('train/copy/gold/a-02-accord.json', gold('a-02-accord.txt', [{text: 'Brazil', label: 'LOC'}]))
  write('train/edited/text/a-03-accord.txt', EDITED)
  write('train/edited/gold/a-03-accord.json', gold('a-03-accord.txt', [{text: 'Brazil', label: 'LOC'}]))
  write('train/same-name/text/01-accord.txt', OTHER_TEXT)
  write('train/same-name/gold/01-accord.json', gold('01-accord.txt', [{text: 'Kenya Airways', label: 'ORG'}]))
  write('train/no-text/text/a-04-x.txt', OTHER_TEXT)
  write('train/no-text/gold/a-05-y.json', gold('a-05-y.txt', [{text: 'Kenya', label: 'LOC'}]))
  write('train/polnear/gold/p-train.json', gold('p-train.txt', [{text: 'Iowa', label: 'LOC'}]))
  write('train/polnear-dev-article/gold/p-dev.json', gold('p-dev.txt', [{text: 'Ohio', label: 'LOC'}]))
  write('train/web/gold/ffeeddccbbaa-b.json', gold(OTHER_KEY, [{text: 'Tesla', label: 'ORG'}]))
  write('train/web-dev-page/gold/ab12cd34ef56-b.json', gold(KEY, [{text: 'SpaceX', label: 'ORG'}]))
  return root
}

describe('readTrainingGoldFolder', () => {
  const root = fixture()
  const options = (textOption?: string) => ({devDir: join(root, 'dev'), polnearDevTextDir: join(root, 'polnear-dev-text'), textOption})
  const pages = () => join(root, 'pages.json')
  const polnearTexts = () => join(root, 'polnear-train-text')

  // [case, gold folder, --gold-text, kind, mentions as "label text"]
  it.each([
    ['written: texts in text/ beside gold/', 'train/wire/gold', undefined, 'written', ['ORG Kenya Airways', 'LOC Mogadishu']],
    ['written: a second batch in its own folder', 'train/wire2/gold', undefined, 'written', ['ORG Ethiopian Airlines', 'LOC Mogadishu']],
    ['PolNeAR: texts from --gold-text', 'train/polnear/gold', polnearTexts, 'polnear', ['LOC Iowa']],
    ['web: page keys into a ground-truth.json', 'train/web/gold', pages, 'web', ['ORG Tesla']],
  ])('reads %s', (_name, folder, text, kind, mentions) => {
    const read = readTrainingGoldFolder(join(root, folder), options(text?.()))
    expect(read.kind).toBe(kind)
    expect(findTrainingGoldKind(join(root, folder))).toBe(kind)
    expect(read.docs.flatMap((d) => d.entities.map((e) => `${e.label} ${e.text}`))).toEqual(mentions)
    if (kind === 'written') expect(read.docs.map((d) => d.source)).toEqual(['written-train'])
  })

  // [case, gold folder, --gold-text, error class, message]
  it.each([
    ["the dev set's written half", 'dev/written/gold', undefined, DevSetInTrainingError, /written half/],
    ["the dev set's PolNeAR half", 'dev/polnear/gold', undefined, DevSetInTrainingError, /polnear half/],
    ["the dev set's web half", 'dev/web/gold', undefined, DevSetInTrainingError, /web half/],
    ['a written text that is a copy of a dev text', 'train/copy/gold', undefined, DevSetInTrainingError, /a-02-accord is nearly the same text as dev article 01-accord \(100%/],
    ['a written text that is an edited copy of a dev text', 'train/edited/gold', undefined, DevSetInTrainingError, /a-03-accord is nearly the same text as dev article 01-accord/],
    ['a second batch holding an edited dev text after its own', 'train/wire2-copy/gold', undefined, DevSetInTrainingError, /d-02-accord is nearly the same text as dev article 01-accord/],
    ['a written article with the name of a dev article', 'train/same-name/gold', undefined, DevSetInTrainingError, /01-accord has the name of a written dev article/],
    ['a PolNeAR article of the dev set', 'train/polnear-dev-article/gold', polnearTexts, DevSetInTrainingError, /p-dev is an article of the dev set's PolNeAR half/],
    ['PolNeAR gold read from the dev texts', 'train/polnear/gold', () => join(root, 'polnear-dev-text'), DevSetInTrainingError, /PolNeAR dev folder/],
    ['a web page of the dev set', 'train/web-dev-page/gold', pages, DevSetInTrainingError, /ab12cd34ef56-b.json annotates a page of the dev set's web half/],
    ['a written gold file without its text', 'train/no-text/gold', undefined, NerSetError, /a-05-y.txt not found/],
    ['a folder that does not exist', 'train/absent/gold', undefined, Error, /not found/],
  ])('refuses %s', (_name, folder, text, kind, message) => {
    const read = () => readTrainingGoldFolder(join(root, folder), options(text?.()))
    expect(read).toThrow(kind)
    expect(read).toThrow(message)
  })
})

describe('findNearDuplicates', () => {
  // [case, training text, dev text, found]
  it.each([
    ['the same text', DEV_TEXT, DEV_TEXT, true],
    ['the same words, other spacing, case and punctuation', DEV_TEXT, DEV_TEXT.toUpperCase().replace(/ /g, '  ').replace(/,/g, ''), true],
    ['an edited copy (one word in ten changed)', EDITED, DEV_TEXT, true],
    ['a training text that contains a dev text', `${OTHER_TEXT} ${DEV_TEXT} ${OTHER_TEXT}`, DEV_TEXT, true],
    ['two articles written apart', OTHER_TEXT, DEV_TEXT, false],
    ['two short texts, the same', 'Kenya Airways flew.', 'Kenya Airways flew.', true],
    ['two short texts, not the same', 'Kenya Airways flew.', 'Kenya Airways sold.', false],
  ])('%s', (_name, train, dev, found) => {
    expect(findNearDuplicates([{id: 't', text: train}], [{id: 'd', text: dev}]).length > 0).toBe(found)
  })
})

describe('test/ner-gold/train: the written-for-training folders', () => {
  const root = join(TRAIN_SET_DIR, '../..')
  const written = readdirSync(root).map((f) => join(root, f, 'gold')).filter((f) => findTrainingGoldKind(f) === 'written')

  // every listed batch that is in the repository is read as written gold (a gold/ without its text/ would not be)
  it.each(WRITTEN_TRAIN_SET_DIRS.filter((f) => existsSync(f)))('%s is found as a written folder', (folder) => {
    expect(written.map((f) => join(f, '/'))).toContain(folder)
  })

  // two batches are two sets of articles: the same article twice would be trained on twice, unseen
  it('no two written folders share an article name or a nearly-the-same text', () => {
    const batches = written.map((folder) => ({folder, docs: readTrainingGoldFolder(folder).docs}))
    const clashes: string[] = []
    for (const [i, a] of batches.entries()) {
      for (const b of batches.slice(i + 1)) {
        const names = new Set(a.docs.map((d) => d.id))
        clashes.push(...b.docs.filter((d) => names.has(d.id)).map((d) => `${d.id} in ${a.folder} and ${b.folder}`))
        clashes.push(...findNearDuplicates(b.docs, a.docs).map((n) => `${n.train} (${b.folder}) ~ ${n.dev} (${a.folder})`))
      }
    }
    expect(clashes).toEqual([])
  })

  it.each(written)('%s passes every dev-set check, one text per gold file', (folder) => {
    const {docs} = readTrainingGoldFolder(folder)
    expect(docs.length).toBe(readdirSync(folder).filter((n) => n.endsWith('.json')).length)
    expect(readdirSync(join(folder, '../text')).sort()).toEqual(docs.map((d) => `${d.id}.txt`).sort())
  })

  it.each(written)('%s shares at most a few stock phrases with any dev text (largest share of word 5-grams under a tenth)', (folder) => {
    const {docs} = readTrainingGoldFolder(folder)
    expect(findNearDuplicates(docs, readDevTexts(), 0.1)).toEqual([])
  })
})

describe.skipIf(!existsSync(POLNEAR_TRAIN_TEXT_DIR) || !existsSync(WEB_TEXT_FILE))('the repository training folders by kind (needs ../shared)', () => {
  it.each([
    ['polnear/gold', 'polnear'],
    ['web/gold', 'web'],
  ])('%s is read as %s gold', (folder, kind) => {
    const read = readTrainingGoldFolder(join(TRAIN_SET_DIR, '../..', folder))
    expect(read.kind).toBe(kind)
    expect(read.docs.length).toBeGreaterThan(0)
  })
})
