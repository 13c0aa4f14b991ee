import {describe, expect, it} from 'vitest'
import {replaceJsonField} from '../../src/io/output.ts'

const upper = (v: string) => v.toUpperCase()

describe('replaceJsonField', () => {
  it.each([
    ['a plain record', {a: 1, entityId: 'person:x'}, {a: 1, entityId: 'PERSON:X'}],
    ['a nested field', {speaker: {name: 'x', entityId: 'org:un'}}, {speaker: {name: 'x', entityId: 'ORG:UN'}}],
    ['a null value (left alone)', {speaker: {entityId: null}}, {speaker: {entityId: null}}],
    ['text that quotes the key', {text: 'say "entityId":"no"', entityId: 'loc:kyiv'}, {text: 'say "entityId":"no"', entityId: 'LOC:KYIV'}],
    ['escapes in the value', {entityId: 'person:o\\"brien'}, {entityId: 'PERSON:O\\"BRIEN'}],
    ['a role after the id', {entityId: 'person:a', role: 'said "entityId":"z"'}, {entityId: 'PERSON:A', role: 'said "entityId":"z"'}],
  ])('rewrites %s', (_name, record, expected) => {
    expect(JSON.parse(replaceJsonField(JSON.stringify(record), 'entityId', upper))).toEqual(expected)
  })
})
