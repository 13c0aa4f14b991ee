import {listCorpus, readCorpus} from './src/io/corpus.ts'
const dir = process.argv[2]!
const t = process.cpuUsage()
let docs = 0, errs = 0, maxRss = 0, bytes = 0
for await (const item of readCorpus(dir, await listCorpus(dir))) {
  if (item.kind === 'doc') docs++; else errs++
  bytes += item.bytes
  if ((docs & 1023) === 0) maxRss = Math.max(maxRss, process.memoryUsage().rss)
}
const u = process.cpuUsage(t)
console.log(JSON.stringify({docs, errs, bytes, maxRssMB: Math.round(maxRss / 1e6), cpuS: (u.user + u.system) / 1e6}))
