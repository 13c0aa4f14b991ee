import {describe, expect, it} from 'vitest'
import {gzipSync} from 'node:zlib'
import {layoutWeights, parseBase36List, parseModel} from '../../src/ner/model.ts'
import {TAG_COUNT} from '../../src/ner/tags.ts'

describe('parseBase36List', () => {
  it.each(['0', '1,z,10,zz', 'a,,b', '1,', 'Z1', '-1', 'zzzzzzzzzzzzzz', '3f,0,7'])('reads %j as split + parseInt(36) does', (text) => {
    expect(parseBase36List(text)).toEqual(text.split(',').map((n) => parseInt(n, 36)))
  })
})

describe('layoutWeights', () => {
  const features = ['bias', '-1w=the', '0w=the', 't1=3', '2s=Xx', '0s=Xx', '-2w=the']
  const values = Float32Array.from({length: features.length * TAG_COUNT}, (_, i) => i)
  const layout = layoutWeights(features, values, 1)
  const rowOf = (f: number) => Array.from(values.subarray(f * TAG_COUNT, (f + 1) * TAG_COUNT))

  it('groups word-type features by base, offsets ascending, and keeps token features in order', () => {
    expect(layout.tokenNames).toEqual(['bias', 't1=3'])
    expect(Array.from(layout.tokenRows)).toEqual([...rowOf(0), ...rowOf(3)])
    const the = layout.bases.get('w=the')
    const shape = layout.bases.get('s=Xx')
    expect([the, shape]).toEqual([0, 1])
    // offsets -2, -1, 0 (bits 0, 1, 2) for w=the; 0 and +2 (bits 2, 4) for s=Xx
    expect(Array.from(layout.slotMask)).toEqual([0b00111, 0b10100])
    expect(Array.from(layout.rowStart)).toEqual([0, 3, 5])
    expect(Array.from(layout.rows)).toEqual([...rowOf(6), ...rowOf(1), ...rowOf(2), ...rowOf(5), ...rowOf(4)])
  })
})

describe('parseModel', () => {
  it('names the fix for a model file of the old format', () => {
    expect(() => parseModel(gzipSync(Buffer.from('LEDENER1\0\0\0\0', 'latin1')))).toThrow(/format 1: retrain it with `npm run train:ner`/)
    expect(() => parseModel(gzipSync(Buffer.from('something else', 'latin1')))).toThrow(/not a lede NER model file/)
  })
})
