import {describe, expect, it} from 'vitest'
import {parseBase36List} from '../../src/ner/model.ts'

describe('parseBase36List', () => {
  it.each(['0', '1,z,10,zz', 'a,,b', '1,', 'Z1', '-1', 'zzzzzzzzzzzzzz', '3f,0,7'])('reads %j as split + parseInt(36) does', (text) => {
    expect(parseBase36List(text)).toEqual(text.split(',').map((n) => parseInt(n, 36)))
  })
})
