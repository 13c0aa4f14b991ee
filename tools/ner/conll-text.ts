/**
 * A CoNLL document as the text a user would hand lede (sentences on lines, words joined by spaces), with its gold
 * entities as character spans, and the way back from a cleaned text's offsets to that text's: what the benches that
 * run CoNLL data through the whole pipeline share.
 */
import {countBefore} from '../../src/text/search.ts'
import type {NerDocument} from './conll.ts'

/** One gold entity over the document's text, in UTF-16 offsets. */
export interface TextEntity {
  start: number
  end: number
  type: string
}

/** The document's words as text, one sentence a line, and its gold entities over that text. */
export function conllText(doc: NerDocument): {text: string; entities: TextEntity[]} {
  let text = ''
  const starts: number[] = []
  let start = 0
  for (const end of doc.sentenceEnds) {
    for (let i = start; i < end; i++) {
      if (i > start) text += ' '
      starts[i] = text.length
      text += doc.words[i]
    }
    text += '\n'
    start = end
  }
  const entities = doc.entities.map((e) => ({start: starts[e.start]!, end: starts[e.end - 1]! + doc.words[e.end - 1]!.length, type: e.type}))
  return {text, entities}
}

/**
 * Maps offsets in `output` (the text after clean) back to `input`: clean keeps lines unchanged (trailing space
 * trimmed) or drops them whole, so each output line is found in order among the input's lines.
 */
export function mapCleanedOffsets(input: string, output: string): (offset: number) => number {
  const inLines = input.split('\n')
  const inStarts: number[] = []
  let at = 0
  for (const line of inLines) {
    inStarts.push(at)
    at += line.length + 1
  }
  const outStarts: number[] = []
  const outToIn: number[] = []
  let j = 0
  at = 0
  for (const line of output.split('\n')) {
    outStarts.push(at)
    at += line.length + 1
    if (line === '') {
      outToIn.push(-1)
      continue
    }
    while (j < inLines.length && inLines[j]!.trimEnd() !== line) j++
    if (j >= inLines.length) throw new Error(`clean changed a kept line: ${JSON.stringify(line)}`)
    outToIn.push(j++)
  }
  return (offset) => {
    // the last output line starting at or before the offset
    const line = Math.max(0, countBefore(outStarts, (s) => s <= offset) - 1)
    return inStarts[outToIn[line]!]! + (offset - outStarts[line]!)
  }
}
