import {describe, expect, it} from 'vitest'
import {createDoc, type LayerName} from '../src/doc.ts'
import {createPipeline, isFatal, processDoc, PipelineError, type Stage} from '../src/stage.ts'

const stage = (name: string, requires: LayerName[], assigns: LayerName[], run: Stage['run'] = () => {}): Stage => ({name, requires, assigns, run})

describe('createPipeline', () => {
  it('accepts stages whose requirements are assigned earlier', () => {
    const p = createPipeline('ok', [stage('segment', ['text'], ['tokens']), stage('money', ['tokens'], ['money'])])
    expect(p.stages.map((s) => s.name)).toEqual(['segment', 'money'])
  })

  it.each([
    ['a layer nobody assigns', [stage('money', ['tokens'], ['money'])], /stage "money" \(position 1\) requires "tokens"/],
    ['a layer assigned only later', [stage('quotes', ['entities'], ['quotes']), stage('entities', ['text'], ['entities'])], /stage "quotes".*requires "entities"/],
    ['a duplicate stage', [stage('a', [], []), stage('a', [], [])], /stage "a" \(position 2\) appears twice/],
  ])('rejects %s at start-up, naming the stage', (_name, stages, message) => {
    expect(() => createPipeline('broken', stages)).toThrow(PipelineError)
    expect(() => createPipeline('broken', stages)).toThrow(message)
  })
})

describe('processDoc', () => {
  it('turns a throw into a fatal message and skips later stages', () => {
    const ran: string[] = []
    const p = createPipeline('p', [
      stage('one', [], [], () => void ran.push('one')),
      stage('boom', [], [], () => {
        throw new Error('bad input')
      }),
      stage('three', [], [], () => void ran.push('three')),
    ])
    const doc = processDoc(p, createDoc({id: 'd', source: 'd.txt', text: 'x'}))
    expect(ran).toEqual(['one'])
    expect(isFatal(doc)).toBe(true)
    expect(doc.messages[0]).toMatchObject({stage: 'boom', code: 'boom:exception', fatal: true})
    expect(doc.messages[0]!.message).toMatch(/bad input/)
  })

  it('keeps ctx.warn messages with their spans', () => {
    const p = createPipeline('p', [stage('warns', [], [], (_d, ctx) => ctx.warn('warns:odd', 'odd', {start: 0, end: 1}))])
    const doc = processDoc(p, createDoc({id: 'd', source: 'd.txt', text: 'x'}))
    expect(doc.messages).toEqual([{stage: 'warns', code: 'warns:odd', message: 'odd', fatal: false, start: 0, end: 1}])
  })
})
