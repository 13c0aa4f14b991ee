// one measured run in its own process, so peak memory (maxRSS) belongs to this run alone
import {PIPELINES} from '../pipelines/index.ts'
import {createLinker} from '../src/link/linker.ts'
import {runCorpus} from '../src/run/batch.ts'

const [corpusDir, outDir, pipelineName = 'news'] = process.argv.slice(2)
if (!corpusDir || !outDir) throw new Error('usage: pipeline-run.ts <corpus-dir> <out-dir> [pipeline]')
const pipeline = PIPELINES[pipelineName]!.build()
// the same defaults as `lede run`: cross-document linking on
const result = await runCorpus({corpusDir, outDir, pipeline, linker: createLinker()})
process.stdout.write(
  JSON.stringify({
    manifest: result.manifest,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
)
