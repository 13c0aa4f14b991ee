import {describe, expect, it} from 'vitest'
import {looksLikeWireSgml, readParagraphs, splitWireFile, type WireDoc} from '../../src/io/sgml.ts'

// a 1998-style NYT wire DOC (written for this test): header codes, slug, headline, loose byline lines, <P> paragraphs
const NYT = `<DOC>
<DOCNO> NYT19980501.0001 </DOCNO>
<DOCTYPE> NEWS STORY </DOCTYPE>
<DATE_TIME> 1998-05-01 00:05 </DATE_TIME>
<HEADER>
A0001 &Cx1f; taf-z
u a &Cx13;  &Cx11;  BC-TEST-STORY-NYT &LR;      05-01 0100
</HEADER>
<BODY>
<SLUG> BC-TEST-STORY-NYT </SLUG>
<HEADLINE>
A HEADLINE THAT RUNS
OVER TWO LINES
</HEADLINE>
 (xx)
 By JANE ROE
 c.1998 N.Y. Times News Service
<TEXT>
<P>
   TOWNVILLE, Ohio _ The first paragraph runs
over two lines.
</P>
<P>
   The second paragraph.
</P>
</TEXT>
</BODY>
<TRAILER>
NYT-05-01-98 0005EDT &QL;
</TRAILER>
</DOC>
`

const docs = (text: string): WireDoc[] => [...splitWireFile(text)].flatMap((i) => (i.kind === 'doc' ? [i.doc] : []))
const errors = (text: string) => [...splitWireFile(text)].flatMap((i) => (i.kind === 'error' ? [i.error] : []))

describe('looksLikeWireSgml', () => {
  it.each([
    ['<DOC>\n<DOCNO> X </DOCNO>', true],
    ['\n\n  <DOC>\n', true],
    ['<doc id="NYT_ENG_19980101.0001" type="story" >\n', true],
    ['<DOCNO> X </DOCNO>', false],
    ['The <DOC> element opens every story.', false],
    ['', false],
  ])('%j', (text, expected) => {
    expect(looksLikeWireSgml(text)).toBe(expected)
  })
})

describe('splitWireFile', () => {
  // each file's split keeps its own place: two read in turn (a caller reading two files' documents side by side) give
  // what each gives alone (a module-level /g pattern's lastIndex was shared, and the second file's split reset it)
  it('reads two files in turn as it reads each alone', () => {
    const file = (...ids: string[]) => ids.map((id) => `<DOC>\n<DOCNO> ${id} </DOCNO>\n<TEXT>\n<P>\nStory ${id}.\n</P>\n</TEXT>\n</DOC>\n`).join('')
    const first = splitWireFile(file('A1', 'A2', 'A3'))
    const second = splitWireFile(file('B1', 'B2'))
    const read: string[] = []
    for (let step = 0; step < 4; step++) {
      for (const split of [first, second]) {
        const next = split.next()
        if (!next.done) read.push(next.value.kind === 'doc' ? next.value.doc.docno! : next.value.error.code)
      }
    }
    expect(read).toEqual(['A1', 'B1', 'A2', 'B2', 'A3'])
  })

  it('reads a NYT DOC: id, headline on one line, date, byline, fields kept, byline block under the headline, paragraphs with their wraps', () => {
    const [doc] = docs(NYT)
    expect(doc).toMatchObject({
      line: 1,
      docno: 'NYT19980501.0001',
      title: 'A HEADLINE THAT RUNS OVER TWO LINES',
      date: '1998-05-01 00:05',
      byline: 'By JANE ROE',
      text: 'A HEADLINE THAT RUNS OVER TWO LINES\n\nBy JANE ROE\nc.1998 N.Y. Times News Service\n\nTOWNVILLE, Ohio _ The first paragraph runs\nover two lines.\n\nThe second paragraph.',
      warnings: [],
    })
    expect(doc!.extra).toEqual({
      doctype: 'NEWS STORY',
      header: 'A0001 &Cx1f; taf-z\nu a &Cx13;  &Cx11;  BC-TEST-STORY-NYT &LR;      05-01 0100',
      slug: 'BC-TEST-STORY-NYT',
      trailer: 'NYT-05-01-98 0005EDT &QL;',
      front: ['(xx)', 'By JANE ROE', 'c.1998 N.Y. Times News Service'],
    })
  })

  it('splits a file of several DOCs, each with the line it starts on', () => {
    const two = `${NYT}${NYT.replace('NYT19980501.0001', 'NYT19980501.0002')}`
    expect(docs(two).map((d) => [d.docno, d.line])).toEqual([
      ['NYT19980501.0001', 1],
      ['NYT19980501.0002', 32],
    ])
  })

  it('reads a Gigaword-style DOC: id attribute, a DATELINE put on its own line above the story', () => {
    const [doc] = docs('<DOC id="XIE19980101.0001" type="story" >\n<HEADLINE>\nTalks Resume\n</HEADLINE>\n<DATELINE>\nBEIJING, Jan. 1 (Xinhua)\n</DATELINE>\n<TEXT>\n<P>\nTalks resumed on Thursday.\n</P>\n</TEXT>\n</DOC>\n')
    expect(doc).toMatchObject({docno: 'XIE19980101.0001', title: 'Talks Resume', text: 'Talks Resume\n\nBEIJING, Jan. 1 (Xinhua)\n\nTalks resumed on Thursday.', extra: {}})
  })

  it('does not repeat a DATELINE the story already starts with', () => {
    const [doc] = docs('<DOC>\n<DOCNO> A1 </DOCNO>\n<DATELINE> PARIS (AP) </DATELINE>\n<TEXT>\nPARIS (AP) _ It rained.\n</TEXT>\n</DOC>')
    expect(doc!.text).toBe('PARIS (AP) _ It rained.')
  })

  it('takes a DOC with no DOCNO (null: the reader gives it a content id) and a BYLINE element', () => {
    const [doc] = docs('<DOC>\n<BYLINE> By Ann Lee </BYLINE>\n<TEXT>\nIt rained.\n</TEXT>\n</DOC>')
    expect(doc).toMatchObject({docno: null, title: null, byline: 'By Ann Lee', text: 'By Ann Lee\n\nIt rained.'})
  })

  // the byline block (docs/wire.md, "Bylines outside <TEXT>"): `By` lines, the line under one and copyright lines
  // between the headline and <TEXT>, and a <BYLINE> element's words, go into the text as a paragraph under the headline
  const HEAD = '<DOC>\n<DOCNO> A1 </DOCNO>\n<HEADLINE>\nRain Falls\n</HEADLINE>\n'
  const STORY = '<TEXT>\n   It rained.\n</TEXT>\n</DOC>\n'
  it.each([
    ['loose By line and its second line', `${HEAD} By ANN LEE\n Associated Press Writer\n${STORY}`, 'Rain Falls\n\nBy ANN LEE\nAssociated Press Writer\n\nIt rained.'],
    ['desk code left out, copyright kept', `${HEAD} (lh)\n By ANN LEE\n c.1998 N.Y. Times News Service\n${STORY}`, 'Rain Falls\n\nBy ANN LEE\nc.1998 N.Y. Times News Service\n\nIt rained.'],
    ['BYLINE element with <P> inside, tags dropped', `${HEAD}<BYLINE>\n<P>\nBy ANN LEE, TIMES STAFF WRITER\n</P>\n</BYLINE>\n${STORY}`, 'Rain Falls\n\nBy ANN LEE, TIMES STAFF WRITER\n\nIt rained.'],
    ['BYLINE element with no By kept (its markup says byline; clean and the quotes stage know its line by meta.byline)', `${HEAD}<BYLINE> Ann Lee </BYLINE>\n${STORY}`, 'Rain Falls\n\nAnn Lee\n\nIt rained.'],
    ['BYLINE element naming only the agency kept', `${HEAD}<BYLINE> Associated Press Writer </BYLINE>\n${STORY}`, 'Rain Falls\n\nAssociated Press Writer\n\nIt rained.'],
    ['a loose line under a bare BYLINE element left out (no By opens the block)', `${HEAD}<BYLINE> Ann Lee </BYLINE>\n (lh)\n${STORY}`, 'Rain Falls\n\nAnn Lee\n\nIt rained.'],
    // a loose writer named in capitals with no By goes in since 2026-12-03 eve (docs/all-caps.md): clean reads that
    // shape under a headline as a byline, so its name is never a speaker; other loose lines with no By stay out
    ['a name line in capitals with no By kept', `${HEAD} ANN LEE\n${STORY}`, 'Rain Falls\n\nANN LEE\n\nIt rained.'],
    ['a name in capitals and its agency kept', `${HEAD} ANN LEE, Associated Press\n${STORY}`, 'Rain Falls\n\nANN LEE, Associated Press\n\nIt rained.'],
    ['a name in capitals and the line under it kept', `${HEAD} ANN LEE\n AP Farm Writer\n${STORY}`, 'Rain Falls\n\nANN LEE\nAP Farm Writer\n\nIt rained.'],
    // the opening words are clean's BYLINE_OPENING_WORDS (one list since 2026-12-03 night): the reader kept only By,
    // Written by and Reporting by, so a loose `Author:` line stayed out of the block that clean reads as a byline
    ['a loose Author: line and the line under it kept', `${HEAD} Author: Ann Lee\n Associated Press Writer\n${STORY}`, 'Rain Falls\n\nAuthor: Ann Lee\nAssociated Press Writer\n\nIt rained.'],
    ['a loose Text by line kept', `${HEAD} Text by Ann Lee\n${STORY}`, 'Rain Falls\n\nText by Ann Lee\n\nIt rained.'],
    ['a name line in mixed case with no By left out', `${HEAD} Ann Lee\n${STORY}`, 'Rain Falls\n\nIt rained.'],
    ['a capitals line naming no one left out', `${HEAD} PORT DEBATE ENDS\n${STORY}`, 'Rain Falls\n\nIt rained.'],
    ['BYLINE element after the story put first in the block', `${HEAD} c.1998 N.Y. Times News Service\n<TEXT>\n   It rained.\n</TEXT>\n<BYLINE> By Ann Lee </BYLINE>\n</DOC>\n`, 'Rain Falls\n\nBy Ann Lee\nc.1998 N.Y. Times News Service\n\nIt rained.'],
    ['lines before the headline and after the story stay out', `<DOC>\n<DOCNO> A1 </DOCNO>\n By BEFORE HEADLINE\n<HEADLINE>\nRain Falls\n</HEADLINE>\n${STORY.replace('</DOC>', ' By AFTER STORY\n</DOC>')}`, 'Rain Falls\n\nIt rained.'],
    ['the block above a DATELINE', `${HEAD}<BYLINE> By Ann Lee </BYLINE>\n<DATELINE> PARIS, May 1 </DATELINE>\n${STORY}`, 'Rain Falls\n\nBy Ann Lee\n\nPARIS, May 1\n\nIt rained.'],
  ])('%s', (_name, sgml, text) => {
    expect(docs(sgml)[0]!.text).toBe(text)
  })

  it('keeps the byline block out of the text with bylineInText false, the fields as with it', () => {
    const on = [...splitWireFile(NYT)].flatMap((i) => (i.kind === 'doc' ? [i.doc] : []))[0]!
    const off = [...splitWireFile(NYT, {bylineInText: false})].flatMap((i) => (i.kind === 'doc' ? [i.doc] : []))[0]!
    expect(off.text).toBe('A HEADLINE THAT RUNS OVER TWO LINES\n\nTOWNVILLE, Ohio _ The first paragraph runs\nover two lines.\n\nThe second paragraph.')
    expect({...off, text: on.text}).toEqual(on)
  })

  it('removes markup other than <P> inside TEXT, keeps its words, and says so', () => {
    const [doc] = docs('<DOC>\n<DOCNO> A1 </DOCNO>\n<TEXT>\n<ANNOTATION>Mr.</ANNOTATION> Smith left.\n</TEXT>\n</DOC>')
    expect(doc!.text).toBe('Mr.  Smith left.')
    expect(doc!.warnings.map((w) => w.code)).toEqual(['ingest:sgml-markup'])
  })

  it.each([
    ['a DOC without TEXT', '<DOC>\n<DOCNO> A1 </DOCNO>\n<HEADLINE> Advisory </HEADLINE>\n</DOC>\n', 'ingest:sgml-no-text', 1],
    ['a DOC whose TEXT is not closed', '<DOC>\n<DOCNO> A1 </DOCNO>\n<TEXT>\nIt rained.\n</DOC>\n', 'ingest:sgml-no-text', 1],
    ['an empty TEXT', '<DOC>\n<DOCNO> A1 </DOCNO>\n<TEXT>\n\n</TEXT>\n</DOC>\n', 'ingest:empty', 1],
    ['a DOC cut off at the end of the file', '<DOC>\n<DOCNO> A1 </DOCNO>\n<TEXT>\nIt rai', 'ingest:sgml-unterminated', 1],
    ['text after the last DOC', '<DOC>\n<TEXT>\nIt rained.\n</TEXT>\n</DOC>\ngarbage here\n', 'ingest:sgml-stray-text', 6],
    ['a </DOC> with no <DOC>', '<DOC>\n<TEXT>\nIt rained.\n</TEXT>\n</DOC>\n</DOC>\n', 'ingest:sgml-stray-text', 6],
  ])('%s is an error record with its line', (_name, text, code, line) => {
    expect(errors(text)).toEqual([expect.objectContaining({code, line})])
  })

  it('reads the DOCs after an unterminated one, and refuses a repeated DOCNO but keeps the first', () => {
    const text = '<DOC>\n<DOCNO> A1 </DOCNO>\n<TEXT>\nCut\n<DOC>\n<DOCNO> A2 </DOCNO>\n<TEXT>\nTwo.\n</TEXT>\n</DOC>\n<DOC>\n<DOCNO> A2 </DOCNO>\n<TEXT>\nAgain.\n</TEXT>\n</DOC>\n'
    const items = [...splitWireFile(text)]
    expect(items.map((i) => (i.kind === 'doc' ? `doc ${i.doc.docno}` : `${i.error.code} ${i.error.line}`))).toEqual([
      'ingest:sgml-unterminated 1',
      'doc A2',
      'ingest:sgml-duplicate-docno 11',
    ])
    expect(errors(text)[1]!.message).toContain('line 5')
  })

  it('reads tags in lowercase and with attributes, and an empty DOCNO as none', () => {
    const [doc] = docs('<doc>\n<docno></docno>\n<headline type="main">Rain</headline>\n<text type="story">\n<p class="x">It rained.</p>\n</text>\n</doc>\n')
    expect(doc).toMatchObject({docno: null, title: 'Rain', text: 'Rain\n\nIt rained.'})
  })

  it('ignores SGML declarations and comments outside the DOCs', () => {
    expect(errors('<!DOCTYPE tstfile SYSTEM "x.dtd">\n<DOC>\n<TEXT>\nIt rained.\n</TEXT>\n</DOC>\n<!-- end -->\n')).toEqual([])
  })
})

describe('readParagraphs', () => {
  it.each([
    ['<P> elements', '<P>\nOne\nline.\n</P>\n<P>\nTwo.\n</P>', ['One\nline.', 'Two.']],
    ['unclosed <P> tags', '<P>One.\n<P>Two.\n', ['One.', 'Two.']],
    ['blank lines', 'One.\n\nTwo\nwraps.', ['One.', 'Two\nwraps.']],
    ['indented first lines (AP and NYT archives)', 'WASHINGTON (AP) _ One\nwraps.\n   Two\nwraps.\n   Three.', ['WASHINGTON (AP) _ One\nwraps.', 'Two\nwraps.', 'Three.']],
    ['every line indented alike', '  One\n  wraps.', ['One\nwraps.']],
  ])('%s', (_name, text, expected) => {
    expect(readParagraphs(text)).toEqual(expected)
  })
})
