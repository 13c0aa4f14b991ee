import {describe, expect, it} from 'vitest'
import {DEFAULT_PIPELINE, PIPELINE_DESCRIPTIONS} from '../../pipelines/catalog.ts'
import {PIPELINES} from '../../pipelines/index.ts'

describe('the pipeline catalog (what the command line knows before loading any stage)', () => {
  it('names every pipeline, with its description, and the default among them', () => {
    expect(Object.keys(PIPELINE_DESCRIPTIONS)).toEqual(Object.keys(PIPELINES))
    for (const [name, definition] of Object.entries(PIPELINES)) {
      expect(definition.name).toBe(name)
      expect(definition.description).toBe(PIPELINE_DESCRIPTIONS[name])
    }
    expect(PIPELINES[DEFAULT_PIPELINE]).toBeDefined()
  })
})
