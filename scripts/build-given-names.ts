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
import {parseScriptArgs} from '../tools/lib/script-args.ts'
import {GIVEN_NAMES_URL} from '../src/ner/given-name-list.ts'

// parsed before anything is written: `--help` (or a mistyped option) must not rewrite the shipped list
parseScriptArgs({
  name: 'build:given-names',
  about:
    "Rewrites models/given-names.txt, rule J's given-name list, from the installed @faker-js/faker's first-name lists (all\n" +
    'locales, lowercased, single words). Run it after upgrading faker: test/ner/given-name-list.test.ts fails until the file matches.',
  options: {},
  example: 'npm run build:given-names',
})
const names = collectGivenNames(allLocales)
writeFileSync(GIVEN_NAMES_URL, formatGivenNames(names))
console.log(`wrote ${fileURLToPath(GIVEN_NAMES_URL)}: ${names.length} names`)
