// Run by `npm run build` from its bundle (dist/build-char-tables.js, the same compiled code as the threads): writes the
// character tables of src/text/chars.ts, as this code computes them on this Node.js, to dist/char-tables.bin, keyed to
// the sources and the runtime (src/text/char-table-file.ts; docs/scale.md, "The worker thread's own start").
import {CHAR_TABLES_URL, charTableKey, writeCharTables} from '../src/text/char-table-file.ts'
import {computeCharTables} from '../src/text/chars.ts'

const key = charTableKey()
if (key === null) throw new Error('build-char-tables: run from the build (dist/build-char-tables.js), not from the sources')
writeCharTables(CHAR_TABLES_URL, key, computeCharTables())
console.log('lede build: character tables -> dist/char-tables.bin (256 KB)')
