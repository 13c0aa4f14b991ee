import {readFileSync} from 'node:fs'
import {mkdtemp, mkdir, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {listCorpus, readCorpus, type CorpusItem} from '../../src/io/corpus.ts'
import {decodeXmlBytes, describeOtherRoot, findXmlRoot, parseXml, readXmlArticles, xmlKindOf, type XmlArticle} from '../../src/io/xml.ts'

const FIXTURE = join(import.meta.dirname, '../fixtures/xml-news/corpus')

const articles = (text: string, bylineInText = true): XmlArticle[] => readXmlArticles(text, {bylineInText}).items.flatMap((i) => (i.kind === 'doc' ? [i.article] : []))
const errors = (text: string) => readXmlArticles(text).items.flatMap((i) => (i.kind === 'error' ? [`${i.code} line ${i.line}`] : []))

describe('findXmlRoot', () => {
  it.each([
    ['a declaration, doctype and comment first', '<?xml version="1.0"?>\n<!DOCTYPE nitf SYSTEM "nitf-3-3.dtd">\n<!-- note -->\n<nitf>', 'nitf'],
    ['a doctype whose internal subset holds ">"', '<!DOCTYPE nitf [\n<!ENTITY gt2 ">>">\n]>\n<nitf version="3.3">', 'nitf'],
    ['a UTF-8 byte-order mark', '\ufeff<newsitem itemid="1">', 'newsitem'],
    ['a prefixed root', '<nar:newsItem xmlns:nar="http://iptc.org/std/nar/2006-10-01/">', 'nar:newsItem'],
    ['an RSS feed', '<?xml version="1.0"?><rss version="2.0"><channel>', 'rss'],
    ['prose', 'The <nitf> element opens an article.', null],
    ['an unclosed comment', '<!-- never closed', null],
    ['an unclosed declaration', '<?xml version="1.0"', null],
    ['an unclosed doctype', '<!DOCTYPE nitf [ <!ENTITY a "b">', null],
    ['nothing', '', null],
  ])('%s', (_, text, expected) => {
    expect(findXmlRoot(Buffer.from(text, 'utf8'))).toBe(expected)
  })

  it('reads UTF-16 by its byte-order mark', () => {
    expect(findXmlRoot(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="UTF-16"?>\n<newsMessage>', 'utf16le')]))).toBe('newsMessage')
  })
})

describe('xmlKindOf', () => {
  it.each([
    ['nitf', 'nitf'],
    ['newsitem', 'newsml-rcv1'],
    ['newsItem', 'newsml-g2'],
    ['nar:newsItem', 'newsml-g2'],
    ['newsMessage', 'newsml-g2-message'],
    ['NITF', null],
    ['rss', null],
    ['urlset', null],
  ])('%s', (root, expected) => {
    expect(xmlKindOf(root)).toBe(expected)
  })

  it.each([
    ['rss', 'an RSS feed'],
    ['urlset', 'a sitemap'],
    ['html', 'a web page'],
    ['catalogue', '<catalogue>'],
  ])('names the root <%s> when skipping it', (root, said) => {
    expect(describeOtherRoot(root)).toContain(said)
    expect(describeOtherRoot(root)).toContain(`<${root}>`)
  })
})

describe('parseXml', () => {
  it.each([
    ['a mismatched closing tag', '<nitf>\n<p>text</b>\n</nitf>', 'line 2: </b> where </p> (opened on line 2) should close first'],
    ['a file cut off', '<nitf>\n<body>\n<p>text</p>', 'line 3: the file ends before <body> (opened on line 2) is closed (cut off?)'],
    ['text after the root', '<nitf/>\nmore', 'line 2: text after the root element ends'],
    ['a second root', '<nitf/>\n<nitf/>', 'line 2: a second root element <nitf> after the first ends'],
    ['a bare "<"', '<nitf><p>1 < 2</p></nitf>', 'line 1: a "<" that opens no tag (write it &lt; in text)'],
    ['an unquoted attribute', '<nitf version=3.3></nitf>', 'line 1: the start tag <nitf> is not well-formed (an attribute without quotes or an "=", or the tag not closed)'],
    ['an unclosed comment', '<nitf><!-- note </nitf>', 'line 1: a comment (<!--) is never closed'],
    ['a closing tag alone', '</nitf>', 'line 1: </nitf> closes no element'],
    ['no element', '<?xml version="1.0"?>\n', 'the file holds no XML element'],
    ['elements nested past any article (the readers would overflow the stack)', `<nitf>\n${'<em>'.repeat(5000)}`, 'line 2: elements nested more than 1000 deep'],
  ])('%s is a fault that says where', (_, text, message) => {
    const parsed = parseXml(text)
    expect('fault' in parsed && parsed.fault.message).toBe(message)
  })

  it('reads attributes, CDATA, comments and processing instructions', () => {
    const parsed = parseXml(`<?xml version="1.0"?>\n<a x="1" y='t &amp; u'>\n<!-- c --><?pi x?><b/><![CDATA[<raw> & more]]></a>`)
    expect('root' in parsed).toBe(true)
    if (!('root' in parsed)) return
    expect(parsed.root.attrs).toEqual({x: '1', y: 't & u'})
    expect(parsed.root.children.filter((c) => typeof c !== 'string').map((c) => (typeof c === 'string' ? c : c.name))).toEqual(['b'])
    expect(parsed.root.children.filter((c) => typeof c === 'string').join('')).toBe('\n<raw> & more')
  })
})

describe('entities', () => {
  const text = (body: string, doctype = '') => articles(`${doctype}<nitf><body><body.content><p>${body}</p></body.content></body></nitf>`)[0]!
  it.each([
    ['the predefined five', '&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos;', `<a> & "b" 'c'`, []],
    ['decimal and hexadecimal references', 'it&#8217;s &#x2014; done', 'it’s — done', []],
    ['an entity the internal subset declares', '&paper; said', 'The Ledger said', [], '<!DOCTYPE nitf [<!ENTITY paper "The Ledger">]>'],
    ['HTML entities from a DTD not shipped', '&ldquo;Yes&rdquo; &mdash; no', '“Yes” — no', ['named entities the file\'s DTD declares but the file does not ship (&ldquo;, &mdash;, &rdquo;) read by their HTML meanings']],
    ['an entity known nowhere', 'a &nosuch; b', 'a &nosuch; b', ['named entities lede does not know (&nosuch;) kept as written']],
    ['control characters as references removed, 0x80-0x9F read as Windows-1252', 'a&#7;b&#13;c &#147;d&#148; &#150; e', 'abc “d” – e', []],
    ['a name an object literal would have found', 'x &constructor; y', 'x &constructor; y', ['named entities lede does not know (&constructor;) kept as written']],
    ['a bare ampersand', 'AT&T and R & D', 'AT&T and R & D', ['2 "&" that open no reference (XML requires &amp;) kept as written']],
  ])('%s', (_, body, expected, warnings, doctype = '') => {
    const article = text(body, doctype)
    expect(article.text).toBe(expected)
    expect(article.warnings.map((w) => w.message)).toEqual(warnings)
    expect(article.warnings.every((w) => w.code === 'ingest:xml-entity')).toBe(true)
  })
})

// one sample of each kind, written for this test from the formats' documentation (IPTC NITF 3.x, the RCV1 DTD,
// the NewsML-G2 specification)
const NITF = `<?xml version="1.0" encoding="UTF-8"?>
<nitf>
  <head>
    <title>Head Title</title>
    <docdata><doc-id id-string="n-1"/></docdata>
    <pubdata date.publication="20070101T000000" ex-ref="http://example.com/n-1"/>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Bridge Reopens</hl1></hedline>
      <byline class="print_byline">By JANE ROE</byline>
      <byline class="normalized_byline">Roe, Jane</byline>
      <dateline>TOWNVILLE, Jan. 1</dateline>
    </body.head>
    <body.content>
      <block class="lead_paragraph"><p>The bridge reopened.</p></block>
      <block class="full_text">
        <p>The bridge
           reopened.</p>
        <p>"It is safe," the mayor said.</p>
      </block>
    </body.content>
  </body>
</nitf>`
const RCV1 = `<?xml version="1.0" encoding="iso-8859-1" ?>
<newsitem itemid="5" id="root" date="1996-08-20" xml:lang="en">
<title>COUNTRY: Bridge reopens.</title>
<headline>Bridge reopens.</headline>
<byline>Jane Roe</byline>
<dateline>TOWNVILLE 1996-08-20</dateline>
<text>
<p>TOWNVILLE 1996-08-20 The bridge reopened.</p>
</text>
<copyright>(c) Reuters Limited 1996</copyright>
<metadata><codes class="bip:countries:1.0"><code code="XX"/></codes><dc element="dc.source" value="Reuters"/></metadata>
</newsitem>`
const G2 = (guid: string, content: string) => `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${guid}" version="1" standard="NewsML-G2">
  <itemMeta><itemClass qcode="ninat:text"/><firstCreated>2008-01-01T10:00:00Z</firstCreated></itemMeta>
  <contentMeta><headline>Bridge reopens</headline><by>By Jane Roe</by><dateline>TOWNVILLE, Jan 1</dateline></contentMeta>
  <contentSet>${content}</contentSet>
</newsItem>`

describe('readXmlArticles', () => {
  it.each([
    ['NITF (the NYT corpus shape: the full text block, not the lead it repeats)', NITF, {id: 'n-1', title: 'Bridge Reopens', date: '20070101T000000', url: 'http://example.com/n-1', byline: 'By JANE ROE', text: 'Bridge Reopens\n\nBy JANE ROE\n\nTOWNVILLE, Jan. 1\n\nThe bridge reopened.\n\n"It is safe," the mayor said.'}],
    ['RCV1 newsitem (the dateline the story starts with is not repeated)', RCV1, {id: '5', title: 'Bridge reopens.', date: '1996-08-20', url: null, byline: 'Jane Roe', text: 'Bridge reopens.\n\nJane Roe\n\nTOWNVILLE 1996-08-20 The bridge reopened.'}],
    ['NewsML-G2 with inline NITF', G2('g-1', '<inlineXML contenttype="application/nitf+xml"><nitf><body><body.content><p>The bridge reopened.</p></body.content></body></nitf></inlineXML>'), {id: 'g-1', title: 'Bridge reopens', date: '2008-01-01T10:00:00Z', byline: 'By Jane Roe', text: 'Bridge reopens\n\nBy Jane Roe\n\nTOWNVILLE, Jan 1\n\nThe bridge reopened.'}],
    ['NewsML-G2 with inline XHTML (its h1 repeating the headline left out)', G2('g-2', '<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><h1>Bridge reopens</h1><p>The <em>bridge</em> reopened.</p><ul><li>One</li><li>Two</li></ul></body></html></inlineXML>'), {id: 'g-2', text: 'Bridge reopens\n\nBy Jane Roe\n\nTOWNVILLE, Jan 1\n\nThe bridge reopened.\n\nOne\n\nTwo'}],
    ['NewsML-G2 with plain text inline', G2('g-3', '<inlineData contenttype="text/plain">The bridge\nreopened.\n\nIt is safe.</inlineData>'), {id: 'g-3', text: 'Bridge reopens\n\nBy Jane Roe\n\nTOWNVILLE, Jan 1\n\nThe bridge\nreopened.\n\nIt is safe.'}],
  ])('%s', (_, xml, expected) => {
    const [article] = articles(xml)
    expect(article).toMatchObject(expected)
  })

  it('keeps the byline out of the text when asked, in meta alone', () => {
    const [article] = articles(NITF, false)
    expect(article!.text).toBe('Bridge Reopens\n\nTOWNVILLE, Jan. 1\n\nThe bridge reopened.\n\n"It is safe," the mayor said.')
    expect(article!.byline).toBe('By JANE ROE')
  })

  it('keeps the fields it does not map in meta', () => {
    expect(articles(RCV1)[0]!.extra).toEqual({format: 'newsml-rcv1', title: 'COUNTRY: Bridge reopens.', copyright: '(c) Reuters Limited 1996', lang: 'en', codes: {'bip:countries:1.0': ['XX']}, dc: {'dc.source': 'Reuters'}})
    expect(articles(NITF)[0]!.extra).toMatchObject({format: 'nitf', bylines: ['By JANE ROE', 'Roe, Jane']})
  })

  it('reads each newsItem of a newsMessage, and says what the other items are', () => {
    const message = `<newsMessage><header/><itemSet>
${G2('m-1', '<inlineData contenttype="text/plain">One.</inlineData>')}
<packageItem guid="p"/>
${G2('m-2', '<remoteContent href="x.jpg" contenttype="image/jpeg"/>')}
${G2('m-3', '<inlineData>Three.</inlineData>')}
</itemSet></newsMessage>`
    const {several, items} = readXmlArticles(message)
    expect(several).toBe(true)
    expect(items.map((i) => (i.kind === 'doc' ? `doc ${i.article.id} line ${i.article.line}` : `${i.code} line ${i.line}`))).toEqual(['doc m-1 line 2', 'ingest:xml-not-article line 7', 'ingest:xml-no-text line 8', 'doc m-3 line 13'])
    expect(items.at(-1)!.end).toBe(message.length)
  })

  it.each([
    ['malformed XML', '<nitf><body></nitf>', ['ingest:xml-malformed line 1']],
    ['a NITF with no body text', '<nitf><head><title>T</title></head><body><body.content/></body></nitf>', ['ingest:xml-no-text line 1']],
    ['another root', '<rss><channel/></rss>', ['ingest:xml-unknown-root line 1']],
    ['a newsMessage with no items', '<newsMessage><header/></newsMessage>', ['ingest:xml-no-text line 1']],
  ])('%s is an error record', (_, xml, expected) => {
    expect(errors(xml)).toEqual(expected)
    expect(articles(xml)).toEqual([])
  })
})

describe('decodeXmlBytes', () => {
  const decl = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?>\n`
  it.each([
    ['ISO-8859-1 declared (curly quotes at 0x93/0x94 kept)', Buffer.concat([Buffer.from(decl('ISO-8859-1')), Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94])]), '“Café”', 'windows-1252'],
    ['UTF-8 declared', Buffer.from(`${decl('UTF-8')}Café`), 'Café', undefined],
    ['UTF-16 by its byte-order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${decl('UTF-16')}Café`, 'utf16le')]), 'Café', undefined],
    ['nothing declared', Buffer.from('<?xml version="1.0"?>\nCafé'), 'Café', undefined],
  ])('%s', (_, bytes, ending, charset) => {
    const decoded = decodeXmlBytes(bytes)
    expect('text' in decoded && decoded.text.endsWith(ending)).toBe(true)
    expect('text' in decoded && decoded.warnings.find((w) => w.code === 'ingest:xml-charset')?.charset).toBe(charset)
  })

  it('says so when the declared charset is one it does not know', () => {
    const decoded = decodeXmlBytes(Buffer.from(`${decl('x-no-such')}Cafe`))
    expect('text' in decoded && decoded.warnings[0]!.message).toContain('"x-no-such", which lede does not know')
  })
})

async function readAll(dir: string): Promise<CorpusItem[]> {
  const items: CorpusItem[] = []
  for await (const item of readCorpus(dir, await listCorpus(dir))) items.push(item)
  return items
}
const summary = (items: CorpusItem[]) => items.map((i) => (i.kind === 'doc' ? `doc ${i.doc.source} ${i.doc.id}${i.file ? ` (${i.file})` : ''}` : `error ${i.error.source} ${i.error.code}`))

describe('readCorpus: XML', () => {
  it('reads the fixture folder: every article, an error for each broken one, feeds and sitemaps skipped with their root named', async () => {
    const listing = await listCorpus(FIXTURE)
    expect(listing.skipped).toEqual(['other/feed.xml', 'other/sitemap.xml'])
    expect(listing.reasons['other/feed.xml']).toMatch(/^XML whose root element is <rss>, an RSS feed: not a news article format lede reads/)
    const items = await readAll(FIXTURE)
    expect(summary(items)).toEqual([
      'doc g2/harvest-nitf.xml urn:newsml:example.com:20080229:harvest-0001',
      'doc g2/message-2008-03-01.xml:10 urn:newsml:example.com:20080301:election-0001 (g2/message-2008-03-01.xml)',
      'error g2/message-2008-03-01.xml:35 ingest:xml-no-text',
      'error g2/message-2008-03-01.xml:47 ingest:xml-not-article',
      'doc g2/message-2008-03-01.xml:50 urn:newsml:example.com:20080301:ferry-0004 (g2/message-2008-03-01.xml)',
      'doc nitf/2007-03-14-0001.xml 1830011',
      'doc nitf/2007-03-15-0002.xml ledger-2007-0315-culture-04',
      'doc nitf/latin1-cafe.xml latin1-0001',
      'error nitf/malformed.xml ingest:xml-malformed',
      'error nitf/no-body.xml ingest:xml-no-text',
      'doc rcv1/900101newsML.xml 900101',
      'doc rcv1/900102newsML.xml 900102',
      'doc rcv1/900103newsML.xml.gz 900103',
      'doc rcv1/900104newsML.xml 900104',
    ])
    // every byte of every file read is counted once
    const read = listing.inputs.reduce((sum, path) => sum + readFileSync(join(FIXTURE, path)).length, 0)
    expect(items.reduce((sum, i) => sum + i.bytes, 0)).toBe(read)
    // the same items on a second reading
    expect(summary(await readAll(FIXTURE))).toEqual(summary(items))
  })

  it('reads ISO-8859-1 and UTF-16 as their declarations and byte-order marks say, the charset counted as declared', async () => {
    const items = await readAll(FIXTURE)
    const doc = (id: string) => items.find((i) => i.kind === 'doc' && i.doc.id === id) as Extract<CorpusItem, {kind: 'doc'}>
    expect(doc('latin1-0001').doc.text).toContain('“We cannot pay this,” said José Bouchard')
    expect(doc('latin1-0001')).toMatchObject({charset: 'windows-1252', charsetBy: 'declared'})
    expect(doc('900104').doc.text).toContain('Andrzej Zieliński')
  })

  it('reads an .xml.gz as its plain twin, and lists a feed under .xml.gz as skipped too', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lede-xml-'))
    await mkdir(join(dir, 'a'))
    await mkdir(join(dir, 'b'))
    await writeFile(join(dir, 'a/n.xml'), NITF)
    await writeFile(join(dir, 'b/n.xml.gz'), gzipSync(NITF))
    await writeFile(join(dir, 'feed.xml.gz'), gzipSync('<rss version="2.0"><channel/></rss>'))
    const items = await readAll(dir)
    expect(items.map((i) => i.kind === 'doc' && i.doc.text)).toEqual([(items[0] as Extract<CorpusItem, {kind: 'doc'}>).doc.text, (items[0] as Extract<CorpusItem, {kind: 'doc'}>).doc.text])
    expect(items.map((i) => i.kind === 'doc' && i.doc.id)).toEqual(['n-1', 'n-1-2'])
    expect((await listCorpus(dir)).skipped).toEqual(['feed.xml.gz'])
  })
})
