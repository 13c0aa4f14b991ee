import {describe, expect, it} from 'vitest'
import iconv from 'iconv-lite'
import {BINARY_SHARE, countInvalidUtf8, countNulPadding, decodeBytes, findLegacyCharset, scrubText, shareInRuns} from '../../src/io/decode.ts'

// a story with characters past U+FFFF (two UTF-16 units, one UTF-32 unit), long enough for the BOM-less test
const EMOJI = 'Fans 🎉 cheer as Lisbon opens new stadium\r\n\r\nLISBON — Thousands of supporters 🇵🇹 packed the new stadium on Saturday, which cost €450 million to build. "This is the best night of my life 😀," said Joana Ferreira.\r\n'

/** `text` in UTF-32, little- or big-endian, with or without a byte-order mark. */
function utf32(text: string, littleEndian: boolean, bom: boolean): Buffer {
  const codes = [...(bom ? '\uFEFF' : ''), ...text].map((c) => c.codePointAt(0)!)
  const bytes = Buffer.alloc(codes.length * 4)
  codes.forEach((code, i) => (littleEndian ? bytes.writeUInt32LE(code, i * 4) : bytes.writeUInt32BE(code, i * 4)))
  return bytes
}

const article = 'Kyiv said on Wednesday that talks would not resume before the winter. '.repeat(60)

describe('countInvalidUtf8', () => {
  it.each([
    ['ASCII', [0x41, 0x42], 0],
    ['a valid 2-, 3- and 4-byte sequence', [0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80], 0],
    ['lone continuation bytes', [0x41, 0x80, 0xbf, 0x42], 2],
    ['bytes never used in UTF-8', [0xc0, 0xc1, 0xf5, 0xff], 4],
    ['a truncated 3-byte sequence before ASCII', [0xe2, 0x82, 0x41], 2],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], 3],
    ['an overlong 3-byte form', [0xe0, 0x80, 0x80], 3],
    ['a truncated sequence at the end', [0x41, 0xf0, 0x9f], 2],
  ])('%s', (_name, bytes, expected) => {
    expect(countInvalidUtf8(Uint8Array.from(bytes))).toBe(expected)
  })
})

describe('decodeBytes', () => {
  it('keeps a UTF-8 article with a few invalid bytes: U+FFFD in their place and a warning with the byte count', () => {
    // the 'é' (two bytes) marks the file as UTF-8, so the stray bytes are damage, not another encoding
    const bytes = Buffer.concat([Buffer.from(article.slice(0, 2000)), Buffer.from([0xff, 0xfe, 0x80, 0xc3]), Buffer.from(article.slice(2000)), Buffer.from('é')])
    const result = decodeBytes(bytes)
    expect(result).not.toHaveProperty('error')
    if ('error' in result) return
    expect(result.text.length).toBe(article.length + 5)
    expect(result.text.slice(2000, 2004)).toBe('\uFFFD\uFFFD\uFFFD\uFFFD')
    expect(result.warnings).toEqual([{code: 'ingest:invalid-utf8', message: '4 bytes are not valid UTF-8; each bad sequence was replaced by U+FFFD'}])
  })

  // a legacy 8-bit file: not UTF-8, and not one byte of it part of a UTF-8 sequence; Windows-1252 is Latin-1 with
  // printable characters (curly quotes, dashes, the euro) in place of the C1 controls, so it reads both
  it.each([
    ['Latin-1 accents', [...Buffer.from('Caf'), 0xe9, ...Buffer.from(' owner Ren'), 0xe9, ...Buffer.from(' Dupont')], 'Café owner René Dupont', 2],
    ['curly quotes, a dash and the euro', [0x93, ...Buffer.from('Yes'), 0x94, ...Buffer.from(', she said '), 0x96, ...Buffer.from(' for '), 0x80, ...Buffer.from('5 million')], '\u201cYes\u201d, she said \u2013 for \u20ac5 million', 4],
    ['German with two high bytes in a row', [...Buffer.from('Gr'), 0xf6, 0xdf, ...Buffer.from('e in M'), 0xfc, ...Buffer.from('nchen')], 'Größe in München', 3],
    ['CRLF line ends', [...Buffer.from('Z'), 0xfc, ...Buffer.from('rich\r\nBern')], 'Zürich\nBern', 1],
  ])('reads %s as Windows-1252, with a warning', (_name, bytes, text, count) => {
    expect(decodeBytes(Uint8Array.from(bytes))).toEqual({
      text,
      warnings: [{code: 'ingest:windows-1252', charset: 'windows-1252', message: `not UTF-8 and no UTF-8 sequence in it: read as Windows-1252 (Latin-1), ${count} byte${count === 1 ? '' : 's'} above ASCII`}],
    })
  })

  it.each([
    ['a valid UTF-8 character beside the stray byte', [...Buffer.from('Café '), 0xe9], 'Café \uFFFD'],
    ['a byte Windows-1252 leaves undefined (0x81)', [...Buffer.from('Caf'), 0x81, 0xe9, ...Buffer.from(' owner')], 'Caf\uFFFD\uFFFD owner'],
  ])('keeps U+FFFD, not Windows-1252, with %s', (_name, bytes, text) => {
    expect(decodeBytes(Uint8Array.from(bytes))).toMatchObject({text, warnings: [{code: 'ingest:invalid-utf8'}]})
  })

  // a NUL is a control byte as in any text (removed, with its warning), not a byte Windows-1252 leaves undefined
  it('reads a Windows-1252 file holding a NUL as Windows-1252, the NUL removed', () => {
    expect(decodeBytes(Uint8Array.from([...Buffer.from('Caf'), 0xe9, 0x00, ...Buffer.from(' owner')]))).toEqual({
      text: 'Café owner',
      warnings: [
        {code: 'ingest:windows-1252', charset: 'windows-1252', message: 'not UTF-8 and no UTF-8 sequence in it: read as Windows-1252 (Latin-1), 1 byte above ASCII'},
        {code: 'ingest:control-characters', message: '1 control character (NUL and the like) removed'},
      ],
    })
  })

  it('removes a NUL and other control characters, with a warning', () => {
    const result = decodeBytes(Buffer.from(`Kyiv\u0000 said\u0002 it.\r\nNext\u0003 line.`))
    expect(result).toEqual({text: 'Kyiv said it.\nNext line.', warnings: [{code: 'ingest:control-characters', message: '3 control characters (NUL and the like) removed'}]})
  })

  it('keeps tabs, form feeds and newlines', () => {
    expect(decodeBytes(Buffer.from('a\tb\fc\n'))).toEqual({text: 'a\tb\fc\n', warnings: []})
  })

  it.each([
    ['UTF-32LE with a BOM', utf32(EMOJI, true, true), 'utf-32le'],
    ['UTF-32BE with a BOM', utf32(EMOJI, false, true), 'utf-32be'],
    ['UTF-32LE without a BOM', utf32(EMOJI, true, false), 'utf-32le'],
    ['UTF-32BE without a BOM', utf32(EMOJI, false, false), 'utf-32be'],
  ])('reads %s, characters past U+FFFF whole', (name, bytes, charset) => {
    const result = decodeBytes(bytes)
    expect(result).toMatchObject({text: EMOJI.replace(/\r\n/g, '\n'), warnings: [{code: 'ingest:utf32', charset}]})
    expect((result as {warnings: {message: string}[]}).warnings[0]!.message).toContain(name.includes('without') ? 'no byte-order mark' : 'byte-order mark says so')
    expect((result as {warnings: unknown[]}).warnings).toHaveLength(1)
  })

  it('reads a UTF-32 unit that is no code point, and one cut off at the end, as U+FFFD, and says how many', () => {
    const bytes = Buffer.concat([utf32('Kyiv 😀 said', true, true), Buffer.from([0x00, 0xd8, 0x00, 0x00, 0x00, 0x00, 0x11, 0x00, 0x41, 0x00])])
    expect(decodeBytes(bytes)).toMatchObject({
      text: 'Kyiv 😀 said\uFFFD\uFFFD\uFFFD',
      warnings: [{code: 'ingest:utf32'}, {code: 'ingest:invalid-utf32', message: '3 UTF-32LE units are no code point (past U+10FFFF, a surrogate, or cut off at the end); each was replaced by U+FFFD'}],
    })
  })

  it.each([
    ['UTF-16LE without a BOM', Buffer.from(EMOJI, 'utf16le'), 'ingest:utf16-without-bom'],
    ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EMOJI, 'utf16le')]), undefined],
    ['UTF-8 with emoji', Buffer.from(EMOJI), undefined],
  ])('never takes %s for UTF-32', (_name, bytes, code) => {
    const result = decodeBytes(bytes) as {text: string; warnings: {code: string}[]}
    expect(result.text).toBe(EMOJI.replace(/\r\n/g, '\n'))
    expect(result.warnings.map((w) => w.code)).toEqual(code === undefined ? [] : [code])
  })

  it('reads UTF-16 without a byte-order mark from its zero bytes', () => {
    const result = decodeBytes(Buffer.from('Kyiv said €6 billion.', 'utf16le'))
    expect(result).toMatchObject({text: 'Kyiv said €6 billion.', warnings: [{code: 'ingest:utf16-without-bom'}]})
  })

  it.each([
    ['a PNG header and pixels', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({length: 512}, (_, i) => (i * 151 + 7) % 256))])],
    ['a zip header', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x08, 0x00])],
    ['invalid UTF-8 throughout', Buffer.from(Array.from({length: 300}, (_, i) => 0x80 + (i % 64)))],
  ])('refuses %s as not text', (_name, bytes) => {
    expect(decodeBytes(bytes)).toHaveProperty('error')
  })

  it(`refuses only past ${BINARY_SHARE * 100}% damaged bytes`, () => {
    const text = 'x'.repeat(70)
    expect(decodeBytes(Buffer.concat([Buffer.from(text), Buffer.alloc(29, 0xff)]))).not.toHaveProperty('error')
    expect(decodeBytes(Buffer.concat([Buffer.from(text), Buffer.alloc(31, 0xff)]))).toHaveProperty('error')
  })
})

describe('scrubText', () => {
  it('removes NULs from text that arrived decoded (JSONL)', () => {
    expect(scrubText('a\u0000b\r\nc')).toEqual({text: 'ab\nc', warnings: [{code: 'ingest:control-characters', message: '1 control character (NUL and the like) removed'}]})
    expect(scrubText('clean')).toEqual({text: 'clean', warnings: []})
  })
})

// legacy charsets: text encoded here with iconv-lite, decoded by lede (detected with chardet, read with TextDecoder)
const NEWS: Record<string, string> = {
  ru: 'Президент России заявил в четверг, что правительство выделит пять миллиардов рублей на строительство новых школ в Москве и Санкт-Петербурге. Мы должны думать о будущем наших детей, сказал он журналистам.\n',
  el: 'Ο πρωθυπουργός της Ελλάδας δήλωσε την Πέμπτη ότι η κυβέρνηση θα διαθέσει πέντε δισεκατομμύρια ευρώ για την κατασκευή νέων σχολείων στην Αθήνα και τη Θεσσαλονίκη.\n',
  ar: 'قال رئيس الوزراء يوم الخميس إن الحكومة ستخصص خمسة مليارات دينار لبناء مدارس جديدة في القاهرة والإسكندرية. وقال للصحفيين يجب أن نفكر في مستقبل أطفالنا.\n',
  he: 'ראש הממשלה אמר ביום חמישי כי הממשלה תקצה חמישה מיליארד שקלים לבניית בתי ספר חדשים בירושלים ובתל אביב.\n',
  ja: '首相は木曜日、政府が東京と大阪に新しい学校を建設するために五十億円を割り当てると述べた。「私たちは子供たちの未来について考えなければならない」と記者団に語った。\n',
  zhs: '总理星期四表示，政府将拨款五十亿元用于在北京和上海建设新学校。他对记者说：“我们必须考虑孩子们的未来。”\n',
  zht: '總理星期四表示，政府將撥款五十億元用於在台北和高雄建設新學校。他對記者說：「我們必須考慮孩子們的未來。」\n',
  ko: '총리는 목요일 정부가 서울과 부산에 새 학교를 짓기 위해 50억 원을 배정할 것이라고 밝혔다. 그는 기자들에게 우리는 아이들의 미래를 생각해야 한다고 말했다.\n',
  fr: "Le président a déclaré jeudi que le gouvernement allouerait cinq milliards d'euros à la construction de nouvelles écoles à Paris. « Nous devons penser à l'avenir de nos enfants », a-t-il déclaré.\n",
  de: 'Der Bürgermeister von München sagte am Donnerstag, die Stadt werde fünf Millionen Euro für neue Schulen ausgeben. „Wir müssen an die Zukunft unserer Kinder denken“, sagte er – eine seltene Äußerung.\n',
  es: 'El alcalde de Málaga, José Núñez, dijo el jueves que la ciudad gastará 5 millones de euros en nuevas escuelas. “Debemos pensar en el futuro de nuestros niños”, dijo — una declaración poco común.\n',
  pl: 'Prezydent powiedział w czwartek, że rząd przeznaczy pięć miliardów złotych na budowę nowych szkół w Łodzi i Gdańsku. Musimy myśleć o przyszłości naszych dzieci.\n',
}

describe('decodeBytes: legacy charsets', () => {
  it.each([
    ['windows-1251', 'ru'],
    ['koi8-r', 'ru'],
    ['iso-8859-5', 'ru'],
    ['iso-8859-7', 'el'],
    ['windows-1256', 'ar'],
    ['windows-1255', 'he'],
    ['shift_jis', 'ja'],
    ['euc-jp', 'ja'],
    ['gb18030', 'zhs'],
    ['big5', 'zht'],
    ['euc-kr', 'ko'],
  ])('reads %s text (%s) in the charset detected, with a warning naming it and its confidence', (charset, lang) => {
    const result = decodeBytes(iconv.encode(NEWS[lang]!, charset))
    expect(result).toMatchObject({text: NEWS[lang]!, warnings: [{code: 'ingest:charset-detected'}]})
    if ('error' in result) return
    expect(result.warnings).toHaveLength(1)
    // Hebrew's two charsets share their letters: either reads the text exactly
    expect(result.warnings[0]!.message).toMatch(new RegExp(`^not UTF-8: read as ${charset === 'windows-1255' ? '(windows-1255|iso-8859-8)' : charset}, the charset detected \\(confidence \\d+ of 100, language \\w+\\); if the letters are wrong, rerun with --encoding <charset>$`))
  })

  // Western text keeps the Windows-1252 reading it had, with its one warning and no guess
  it.each(['fr', 'de', 'es'])('reads Western %s text as Windows-1252 as before', (lang) => {
    const text = NEWS[lang]!
    const result = decodeBytes(iconv.encode(text, 'windows-1252'))
    expect(result).toMatchObject({text, warnings: [{code: 'ingest:windows-1252'}]})
    expect('warnings' in result && result.warnings).toHaveLength(1)
    expect(decodeBytes(iconv.encode(text.repeat(50), 'windows-1252'))).toMatchObject({text: text.repeat(50), warnings: [{code: 'ingest:windows-1252'}]})
  })

  it.each([
    // a Latin charset other than Windows-1252 is never read on a guess: a Western file taken for one would lose its accents
    ['Polish in windows-1250', iconv.encode(NEWS.pl!, 'windows-1250'), /^the bytes may be windows-1250 \(detected with confidence \d+ of 100, language pl;/],
    // the detector sees Western text; the Cyrillic words stand out as runs of bytes above ASCII
    ['an English article with a Russian name in windows-1251', iconv.encode('The Kremlin spokesman said on Thursday that the talks had gone well and that the president, known at home as Владимир Путин, would attend the summit next month.\n', 'windows-1251'), /^the bytes above ASCII stand in words of three or more/],
  ])('reads %s as before, with an ingest:charset-guess warning', (_name, bytes, message) => {
    const result = decodeBytes(bytes)
    expect(result).toMatchObject({warnings: [{code: 'ingest:windows-1252'}, {code: 'ingest:charset-guess'}]})
    expect('warnings' in result && result.warnings[1]!.message).toMatch(message)
  })

  it('refuses a file too short to detect as before, and names the charset it may be and --encoding', () => {
    const result = decodeBytes(iconv.encode('Москва, 5 мая.\n', 'windows-1251'))
    expect(result).toHaveProperty('error')
    expect('error' in result && result.error).toMatch(/not a text file \(binary\?\); the bytes may be [\w-]+ .*rerun with --encoding [\w-]+$/)
  })

  it.each([
    ['KOI8-R text', iconv.encode(NEWS.ru!, 'koi8-r'), 'koi8-r', NEWS.ru!, 'ingest:charset-given'],
    ['a short line the detector cannot tell', iconv.encode('Москва, 5 мая.\n', 'windows-1251'), 'windows-1251', 'Москва, 5 мая.\n', 'ingest:charset-given'],
    ['Polish in windows-1250', iconv.encode(NEWS.pl!, 'windows-1250'), 'windows-1250', NEWS.pl!, 'ingest:charset-given'],
    ['Latin-1 named as iso-8859-1 (Windows-1252 in WHATWG)', iconv.encode(NEWS.fr!, 'windows-1252'), 'iso-8859-1', NEWS.fr!, 'ingest:charset-given'],
  ])('reads %s in the charset --encoding names', (_name, bytes, encoding, text, code) => {
    expect(decodeBytes(bytes, {encoding})).toMatchObject({text, warnings: [{code}]})
  })

  it.each([
    ['UTF-8', Buffer.from(NEWS.ru!)],
    ['UTF-16 with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NEWS.ru!, 'utf16le')])],
  ])('reads %s as such whatever --encoding says', (_name, bytes) => {
    expect(decodeBytes(bytes, {encoding: 'koi8-r'})).toEqual({text: NEWS.ru!, warnings: []})
  })

  it.each([
    ['CJK-looking noise (0x80-0xBF repeated)', Buffer.from(Array.from({length: 300}, (_, i) => 0x80 + (i % 64)))],
    ['pseudo-random bytes above ASCII', Buffer.from(Array.from({length: 4000}, (_, i) => 0x80 + ((i * 7919 + 13) % 128)))],
  ])('still refuses %s as not text', (_name, bytes) => {
    expect(decodeBytes(bytes)).toHaveProperty('error')
  })
})

describe('findLegacyCharset', () => {
  it.each([
    ['windows-1251', 'ru', 'read'],
    ['gb18030', 'zhs', 'read'],
    ['windows-1250', 'pl', 'guess'],
    ['windows-1252', 'de', 'none'],
  ])('%s %s: %s', (charset, lang, expected) => {
    const found = findLegacyCharset(iconv.encode(NEWS[lang]!, charset))
    expect(found.read !== undefined ? 'read' : found.guess !== undefined ? 'guess' : 'none').toBe(expected)
    if (expected !== 'none') expect((found.read ?? found.guess)!.charset).toBe(charset)
  })

  it.each([
    ['words of three or more', [0x41, 0xe0, 0xe1, 0xe2, 0x20, 0xe3, 0xe4, 0xe5, 0x20], 1],
    ['accents alone between ASCII letters', [0x41, 0xe9, 0x41, 0xfc, 0x41, 0xe0, 0xe1, 0x41], 0],
    ['half and half', [0xe0, 0xe1, 0xe2, 0x20, 0xe3, 0x41, 0xe4, 0x41, 0xe5], 0.5],
    ['no byte above ASCII', [0x41, 0x42], 0],
  ])('shareInRuns: %s', (_name, bytes, share) => {
    expect(shareInRuns(Uint8Array.from(bytes))).toBe(share)
  })
})

describe('decodeBytes: NUL padding at the end of a file', () => {
  it.each([
    ['an article and NULs', Buffer.concat([Buffer.from('Kyiv said.\n'), Buffer.alloc(5000)]), 'Kyiv said.\n', ['ingest:nul-padding: 5000 NUL bytes at the end of the file removed (padding left by a program that pre-allocated the file or stopped writing it); the text before them is read']],
    ['one NUL at the end', Buffer.from('Kyiv said.\u0000'), 'Kyiv said.', ['ingest:nul-padding: 1 NUL byte at the end of the file removed (padding left by a program that pre-allocated the file or stopped writing it); the text before it is read']],
    ['a NUL inside the text is a control character, as before', Buffer.from('Kyiv\u0000 said.'), 'Kyiv said.', ['ingest:control-characters: 1 control character (NUL and the like) removed']],
  ])('%s', (_name, bytes, text, warnings) => {
    const decoded = decodeBytes(bytes)
    expect('text' in decoded && [decoded.text, decoded.warnings.map((w) => `${w.code}: ${w.message}`)]).toEqual([text, warnings])
  })

  it('refuses NULs alone, and keeps UTF-16 whose last character has a zero byte', () => {
    expect(decodeBytes(Buffer.alloc(300))).toHaveProperty('error')
    const utf16 = Buffer.from('Kyiv said it would resume talks.', 'utf16le')
    expect(decodeBytes(utf16)).toMatchObject({text: 'Kyiv said it would resume talks.'})
    expect(countNulPadding(Buffer.from([0x41, 0, 0]))).toBe(2)
    expect(countNulPadding(Buffer.alloc(3))).toBe(0)
  })
})

// a file from Mac OS 9 or earlier (Word's "Text Only", SimpleText, Excel's "CSV (Macintosh)"): Mac OS Roman with lines
// ending in CR alone. Read as Windows-1252 (the fallback before qa7's sweep), its curly quotes were Ò Ó Õ, its dashes
// Ð Ñ, é Ž and € Û, so quote and money rules missed them
describe('Classic Mac OS text', () => {
  const story = 'Council votes\r\r“We are borrowing from our children,” Vasquez said – the €12 million plan passed. Café owners’ fears grew.\r'
  const english = 'The mayor said the plan – a “fair deal” for the city’s workers – would pass.\r'
  it.each([
    // iconv-lite's table is Mac OS Roman before 8.5, where 0xDB was ¤; the euro took it in 8.5 (and in TextDecoder's table)
    ['an English story in Mac OS Roman with CR line ends', iconv.encode(story.replace('€', '¤'), 'macintosh'), story.replace(/\r/g, '\n'), ['ingest:mac-roman']],
    ['a French story in Mac OS Roman with CR line ends', iconv.encode(NEWS.fr!.replace(/\n/g, '\r'), 'macintosh'), NEWS.fr!, ['ingest:mac-roman']],
    ['a German story in Mac OS Roman with CR line ends', iconv.encode(NEWS.de!.replace(/\n/g, '\r'), 'macintosh'), NEWS.de!, ['ingest:mac-roman']],
    ['Mac OS Roman with one line and no line end (no sign of a Mac: Windows-1252 as before)', iconv.encode('Café owners said “no”', 'macintosh'), 'Caf\u017d owners said \u00d2no\u00d3', ['ingest:windows-1252']],
    ['Windows-1252 with CRLF line ends', iconv.encode(english.replace(/\r/g, '\r\n'), 'windows-1252'), english.replace(/\r/g, '\n'), ['ingest:windows-1252']],
    ['Windows-1252 with LF line ends', iconv.encode(english.replace(/\r/g, '\n'), 'windows-1252'), english.replace(/\r/g, '\n'), ['ingest:windows-1252']],
    ['UTF-8 with CR line ends', Buffer.from(story, 'utf8'), story.replace(/\r/g, '\n'), []],
  ])('reads %s', (_name, bytes, text, codes) => {
    const result = decodeBytes(bytes)
    expect(result).toMatchObject({text})
    expect('warnings' in result && result.warnings.map((w) => w.code)).toEqual(codes)
    if (codes[0] === 'ingest:mac-roman') {
      expect('warnings' in result && result.warnings[0]).toMatchObject({charset: 'macintosh', message: expect.stringMatching(/^not UTF-8, and its lines end in a carriage return alone, as Mac OS 9 and earlier wrote text: read as Mac OS Roman, \d+ bytes? above ASCII; if the letters are wrong, rerun with --encoding windows-1252$/)})
    }
  })

  it('reads a CR-only file in the charset --encoding names', () => {
    const text = 'Caf\u00e9 owners said \u201cno\u201d.\r'
    expect(decodeBytes(iconv.encode(text, 'windows-1252'), {encoding: 'windows-1252'})).toMatchObject({text: text.replace('\r', '\n'), warnings: [{code: 'ingest:charset-given'}]})
  })
})
