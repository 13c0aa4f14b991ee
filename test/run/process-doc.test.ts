import {describe, expect, it} from 'vitest'
import {createDoc, type Entity, type LayerName} from '../../src/doc.ts'
import {processToResult} from '../../src/run/process-doc.ts'
import {createPipeline, type Stage} from '../../src/stage.ts'
import {createLink, type LinkSummary} from '../../src/stages/link.ts'

const stage = (name: string, requires: LayerName[], assigns: LayerName[], run: Stage['run']): Stage => ({name, requires, assigns, run})

describe('processToResult', () => {
  const text = 'Anna Petrenko met Olga Ivanova.'
  const entity = (start: number, end: number, canonical: string): Entity => ({start, end, label: 'PERSON', canonical, entityId: `PERSON:${canonical}`})
  const cases: Array<{name: string; entities: Entity[]; linked: string[]; errors: string[]}> = [
    {name: 'every record valid', entities: [entity(0, 13, 'Anna Petrenko'), entity(18, 30, 'Olga Ivanova')], linked: ['Anna Petrenko', 'Olga Ivanova'], errors: []},
    // an entity whose record was not written (a span past the text) must not reach the linker and the entity index
    {name: 'one record rejected', entities: [entity(0, 13, 'Anna Petrenko'), entity(18, 99, 'Olga Ivanova')], linked: ['Anna Petrenko'], errors: ['write:bad-span']},
    {name: 'one record failing its schema', entities: [entity(0, 13, 'Anna Petrenko'), {...entity(18, 30, 'Olga Ivanova'), label: 'ALIEN' as Entity['label']}], linked: ['Anna Petrenko'], errors: ['write:invalid-record']},
  ]
  it.each(cases)('summarises for the corpus stages only the entities whose records are written: $name', ({entities, linked, errors}) => {
    const pipeline = createPipeline('test', [stage('entities', ['text'], ['entities'], (doc) => void (doc.entities = entities.map((e) => ({...e}))))], [createLink()])
    const result = processToResult(pipeline, createDoc({id: 'd1', source: 'd1.txt', text}))
    const summary = result.summaries![0] as LinkSummary
    // each entity here is one mention with its own id: [label, id, 1, 2, canonical, 1, -1, cues], cues -1 or a count and keys
    const canonicals: unknown[] = []
    for (let k = 0; k < summary.gathered.length; ) {
      canonicals.push(summary.gathered[k + 4])
      const cues = summary.gathered[k + 7] as number
      k += 8 + Math.max(cues, 0)
    }
    expect(canonicals).toEqual(linked)
    expect(result.lines.counts.entities).toBe(linked.length)
    expect(result.lines.errors.split('\n').filter(Boolean).map((l) => JSON.parse(l).code)).toEqual(errors)
  })
})
