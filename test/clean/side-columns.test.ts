import {describe, expect, it} from 'vitest'
import {findSideColumns} from '../../src/clean/side-columns.ts'

// prose wrapped to a width, as a page's column is
function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  if (line !== '') lines.push(line)
  return lines
}

const storyA = 'The city council approved the budget on Thursday after a debate that lasted into the night, and the mayor said the plan would protect the services that residents rely on. Councilman Robert Vasquez voted against it, saying the city was borrowing from its children. The finance office said the deficit would fall to three million dollars by the end of the decade. '.repeat(2)
const storyB = 'Schools across the county closed on Friday as snow piled up on the roads, and the superintendent said classes would resume on Monday if the crews could clear the bridges. Parents were told to watch the district website for news. Bus drivers worked through the night to check every route before dawn. '.repeat(2)
const storyC = 'The harbour board met on Tuesday to discuss the new ferry schedule, which the operator says will add two crossings a day in the summer months and cut the fares for residents of the islands by a fifth. '.repeat(2)

// columns side by side as pdftotext -layout writes them: each column's lines padded to the next column's start
function sideBySide(columns: string[][], width: number): string {
  const rows = Math.min(...columns.map((c) => c.length))
  const lines: string[] = []
  for (let i = 0; i < rows; i++) lines.push(columns.map((c, k) => (k < columns.length - 1 ? c[i]!.padEnd(width) : c[i]!)).join(''))
  return `${lines.join('\n')}\n`
}

describe('findSideColumns', () => {
  it.each([
    ['two columns of prose (pdftotext -layout)', sideBySide([wrap(storyA, 40), wrap(storyB, 40)], 46), {column: 46}],
    ['three columns of prose', sideBySide([wrap(storyA, 26), wrap(storyB, 26), wrap(storyC, 26)], 30), {column: 30}],
    ['two columns whose second drifts by a character (a paste)', sideBySide([wrap(storyA, 40), wrap(storyB, 40)], 46).replace(/\n(\S[^\n]{44}\S) {3}/g, '\n$1    '), {}],
  ])('finds %s', (_name, text, expected) => {
    const found = findSideColumns(text)
    expect(found).not.toBeNull()
    expect(found).toMatchObject(expected)
    expect(found!.lines).toBeGreaterThanOrEqual(found!.of / 2)
  })

  it.each([
    ['one column of prose', `${wrap(storyA + storyB, 60).join('\n')}\n`],
    ['prose with two spaces after each full stop', `${wrap(storyA.replace(/\. /g, '.  '), 60).join('\n')}\n`],
    ['an aligned wire table of names and figures', ['Team            W    L    Pct    GB', 'New York        45   30   .600   -', 'Boston Red Sox  44   31   .587   1', 'Toronto         40   35   .533   5', 'Baltimore       38   37   .507   7', 'Tampa Bay       35   40   .467   10', 'Detroit         33   42   .440   12', 'Chicago         30   45   .400   15', 'Kansas City     28   47   .373   17'].join('\n')],
    ['a table whose cells are short labels', Array.from({length: 12}, (_, i) => `Region ${i} North   Sales up    Profit down`).join('\n')],
    ['indented paragraphs of wire copy', `${wrap(storyA, 60).map((l) => `   ${l}`).join('\n')}\n`],
    ['two columns on too few lines', sideBySide([wrap(storyA, 40).slice(0, 6), wrap(storyB, 40).slice(0, 6)], 46)],
    ['two columns on a few lines of a long article', `${wrap(storyA + storyB + storyC, 60).join('\n')}\n${sideBySide([wrap(storyC, 40).slice(0, 8), wrap(storyA, 40).slice(0, 8)], 46)}${wrap(storyB + storyA, 60).join('\n')}\n`],
    ['empty', ''],
  ])('finds none in %s', (_name, text) => {
    expect(findSideColumns(text)).toBeNull()
  })
})
