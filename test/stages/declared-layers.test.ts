// The stage contract is true: every shipped stage reads only the layers it lists in `requires`, and reads
// every layer it lists, and writes exactly the layers it lists in `assigns`, on the seed articles and the regression
// fixtures, in both shipped pipelines, with the opt-in token layer (the tags stage) too.
import {readdirSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {PIPELINES} from '../../pipelines/index.ts'
import {createDoc, type LayerName} from '../../src/doc.ts'
import {normaliseNewlines} from '../../src/io/corpus.ts'
import {createPipeline, processDoc, type Stage} from '../../src/stage.ts'
import {guardDoc, type LayerReads} from '../helpers/guarded-doc.ts'

const corpus = new URL('../../corpus/', import.meta.url)
const fixtures = new URL('../fixtures/', import.meta.url)
const texts = [
  ...readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(new URL(f, corpus), 'utf8')),
  ...readdirSync(fixtures, {withFileTypes: true})
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .flatMap((name) => {
      try {
        return [readFileSync(new URL(`${name}/input.txt`, fixtures), 'utf8')]
      } catch {
        return []
      }
    }),
].map(normaliseNewlines)

/** The stage, running on a guarded view of the document. */
function guarded(stage: Stage, reads: LayerReads): Stage {
  return {...stage, run: (doc, ctx) => stage.run(guardDoc(doc, stage.name, stage.requires, reads), ctx)}
}

describe.each(Object.keys(PIPELINES).sort())('pipeline %s', (name) => {
  const pipeline = PIPELINES[name]!.build({layers: ['tokens']})
  const reads = new Map(pipeline.stages.map((stage) => [stage.name, {read: new Set<LayerName>(), written: new Set<LayerName>()}]))
  const checked = createPipeline(`${name}-guarded`, pipeline.stages.map((stage) => guarded(stage, reads.get(stage.name)!)))

  it('reads no layer a stage did not declare', () => {
    expect(texts.length).toBeGreaterThan(3)
    for (const [i, text] of texts.entries()) {
      const doc = processDoc(checked, createDoc({id: `d${i}`, source: `d${i}.txt`, text}))
      expect(doc.messages.filter((m) => m.fatal)).toEqual([])
    }
  })

  it.each(pipeline.stages.map((stage) => [stage.name, stage] as const))('stage %s reads every layer it declares', (stageName, stage) => {
    expect([...reads.get(stageName)!.read].sort()).toEqual([...stage.requires].sort())
  })

  it.each(pipeline.stages.map((stage) => [stage.name, stage] as const))('stage %s writes exactly the layers it assigns', (stageName, stage) => {
    expect([...reads.get(stageName)!.written!].sort()).toEqual([...stage.assigns].sort())
  })

  it.each(pipeline.corpusStages.map((stage) => [stage.name, stage] as const))('corpus stage %s summarises from declared layers only', (_n, stage) => {
    const doc = processDoc(pipeline, createDoc({id: 'd', source: 'd.txt', text: texts[0]!}))
    const summaryReads: LayerReads = {read: new Set()}
    stage.summarize(guardDoc(doc, stage.name, stage.requires, summaryReads))
    expect([...summaryReads.read].sort()).toEqual([...stage.requires].sort())
  })
})

describe('guardDoc', () => {
  it('fails a stage that reads a layer it did not declare', () => {
    const sneaky: Stage = {name: 'sneaky', requires: ['text'], assigns: [], run: (doc) => void doc.money?.length}
    const doc = processDoc(createPipeline('p', [guarded(sneaky, {read: new Set()})]), createDoc({id: 'd', source: 'd.txt', text: 'x'}))
    expect(doc.messages[0]).toMatchObject({fatal: true, code: 'sneaky:exception'})
    expect(doc.messages[0]!.message).toMatch(/undeclared layer "money"/)
  })
})
