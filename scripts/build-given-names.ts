/**
 * Writes models/given-names.txt, rule J's given-name list, from faker's first-name lists (`npm run build:given-names`
 * after upgrading @faker-js/faker; test/ner/given-name-list.test.ts fails until the file matches the installed faker).
 * The list is written once here rather than imported at run time: faker's locales cost ~0.3 s of CPU to import in every
 * worker thread, and faker 10 is ES-module only, which a synchronous caller can load only on Node 20.19+.
 */
import {writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {allLocales} from '@faker-js/faker'
import {collectGivenNames, formatGivenNames} from '../tools/ner/given-names.ts'
import {GIVEN_NAMES_URL} from '../src/ner/given-name-list.ts'

const names = collectGivenNames(allLocales)
writeFileSync(GIVEN_NAMES_URL, formatGivenNames(names))
console.log(`wrote ${fileURLToPath(GIVEN_NAMES_URL)}: ${names.length} names`)
