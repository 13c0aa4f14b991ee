import {listCorpus, readCorpus} from './src/io/corpus.ts'
const dir = process.argv[2]!
let n = 0
for await (const item of readCorpus(dir, await listCorpus(dir))) {
  if (item.kind === 'error') { console.log(JSON.stringify(item.error).slice(0, 400)); if (++n > 4) break }
}
