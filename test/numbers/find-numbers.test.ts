import {describe, expect, it} from 'vitest'
import {findMoney} from '../../src/money/find-money.ts'
import {findNumbers} from '../../src/numbers/find-numbers.ts'

const found = (text: string) => findNumbers(text).map((e) => [text.slice(e.start, e.end), e.label])

describe('findNumbers', () => {
  it.each([
    ['Prices rose 5.2% in May.', [['5.2%', 'PERCENT']]],
    ['Support fell ten percent, then 3 per cent, then 0.5 percentage points.', [['ten percent', 'PERCENT'], ['3 per cent', 'PERCENT'], ['0.5 percentage points', 'PERCENT']]],
    ['Troops advanced 300 km and 2 million barrels were lost.', [['300 km', 'QUANTITY'], ['2 million barrels', 'QUANTITY']]],
    ['A 40-tonne truck and twelve square kilometres.', [['40-tonne', 'QUANTITY'], ['twelve square kilometres', 'QUANTITY']]],
    ['They met at 10:30 a.m. GMT and again at 7 pm.', [['10:30 a.m. GMT', 'TIME'], ['7 pm', 'TIME']]],
    ['This morning and tonight, and at noon yesterday.', [['This morning', 'TIME'], ['tonight', 'TIME'], ['noon', 'TIME']]],
    ['The third round, the 21st century and a second term.', [['third', 'ORDINAL'], ['21st', 'ORDINAL'], ['second', 'ORDINAL']]],
    ['About 1,200 people, twenty-five officers, 3.5 million voters and dozens of tanks.', [['1,200', 'CARDINAL'], ['twenty-five', 'CARDINAL'], ['3.5 million', 'CARDINAL'], ['dozens', 'CARDINAL']]],
    ['One of the 3 men saw a dozen drones.', [['One', 'CARDINAL'], ['3', 'CARDINAL'], ['a dozen', 'CARDINAL']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  it.each([
    'COVID-19 and the F-16, the G7 and 5G.',
    'No one knew; they helped one another.',
    'Wait a second, it is paid per second.',
    'Someone said so.',
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([])
  })

  it('leaves money signs to the money finder and fractions alone', () => {
    expect(found('It cost $5 million and €3, a 3/4 share.')).toEqual([])
  })

  // a symbol one space before the number is the money finder's too (fuzz finding "€ 1 metre", seed 5001004: the
  // QUANTITY won the overlap and the money figure € 1 had no MONEY entity)
  it.each([
    ['€ 1 metre', []],
    ['It cost US$ 12 tonnes of grain.', []],
    ['It cost $ 20 and 3 km.', [['3 km', 'QUANTITY']]],
    ['€  5 km away', [['5 km', 'QUANTITY']]],
  ])('leaves %j to the money finder', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  // but a percentage stays one with a currency before it (docs/fuzz.md, numfix (c): money reads no amount before a
  // percent sign; "a rise of £ 5 percent" was left to money, which read £ 5)
  it.each([
    ['$ 3%', [['3%', 'PERCENT']]],
    ['€5% and USD 3.5%', [['5%', 'PERCENT'], ['3.5%', 'PERCENT']]],
    ['a rise of £\u00a05 percent', [['5 percent', 'PERCENT']]],
    ['It cost $ 20 and $3 km.', []],
  ])('reads the percentage in %j', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  // news shapes (fuzz6, news-scores and news-markets): a sign or a range's hyphen before a percentage, a clock time with
  // seconds; a hyphen glued to a word or number before it still makes no mention ("COVID-19", "1990-91")
  it.each([
    ['Growth was -3.5% last year.', [['-3.5%', 'PERCENT']]],
    ['It was 10%-15% higher, 52%–48% in the poll.', [['10%', 'PERCENT'], ['15%', 'PERCENT'], ['52%', 'PERCENT'], ['48%', 'PERCENT']]],
    ['A range of 5-7% is likely, or 2.5–3 percent.', [['5-7%', 'PERCENT'], ['2.5–3 percent', 'PERCENT']]],
    ['Temperatures of -5 degrees.', [['-5 degrees', 'QUANTITY']]],
    ['The meeting started at 14:30:00 GMT.', [['14:30:00 GMT', 'TIME']]],
    ['She won in 2:05:33.45, ahead of the 1990-91 champion and COVID-19 rules.', [['2:05:33.45', 'TIME']]],
    // no clock time runs into more digits (fuzz seed 9000705: "8:579" was TIME 8:57 before the 9)
    ['8:579', [['8', 'CARDINAL'], ['579', 'CARDINAL']]],
    ['at 14:30:005 and 7:45.', [['14', 'CARDINAL'], ['30', 'CARDINAL'], ['005', 'CARDINAL'], ['7:45', 'TIME']]],
  ])('reads %j', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  // a sign written flush before a figure is its own, by the money finder's rule (src/text/digit-groups.ts; docs/fuzz.md,
  // fuzz7: "-3%" in a table was PERCENT 3%, the sign outside); a hyphen glued to a word, digit or percent sign joins a
  // range or compound, one opening a line is a bullet, and brackets and dashes are no signs
  it.each([
    ['Europe  -3%\nAsia\t−3.2%\nAfrica  +4%', [['-3%', 'PERCENT'], ['−3.2%', 'PERCENT'], ['+4%', 'PERCENT']]],
    ['Shares fell -2.5 percent, change: -1.5%, x=+2% and (-3.1%) or [+7%]', [['-2.5 percent', 'PERCENT'], ['-1.5%', 'PERCENT'], ['+2%', 'PERCENT'], ['-3.1%', 'PERCENT'], ['+7%', 'PERCENT']]],
    ['temperatures of -5 degrees, a score of -3 and +1,200 fans', [['-5 degrees', 'QUANTITY'], ['-3', 'CARDINAL'], ['+1,200', 'CARDINAL']]],
    ['−3.2%\n+4% at the starts of lines', [['−3.2%', 'PERCENT'], ['+4%', 'PERCENT']]],
    ['a\u00a0-6% drop', [['-6%', 'PERCENT']]],
    ['Americas  (3.1%)', [['3.1%', 'PERCENT']]],
    ['a range of 2-3% and 2−3 percent', [['2-3%', 'PERCENT'], ['2', 'CARDINAL'], ['3 percent', 'PERCENT']]],
    ['10%-15% and 10% -15%', [['10%', 'PERCENT'], ['15%', 'PERCENT'], ['10%', 'PERCENT'], ['-15%', 'PERCENT']]],
    ['- 3% bullets', [['3%', 'PERCENT']]],
    ['-4% opens the text\n  -5% a line', [['4%', 'PERCENT'], ['5%', 'PERCENT']]],
    ['fell –3% and —4%, A−5% and Q+6%', [['3%', 'PERCENT'], ['4%', 'PERCENT'], ['5%', 'PERCENT'], ['6%', 'PERCENT']]],
    ['fell --3% or +-4%', [['3%', 'PERCENT'], ['4%', 'PERCENT']]],
    ['-five percent and -third, at -10:30', [['five percent', 'PERCENT'], ['third', 'ORDINAL'], ['10:30', 'TIME']]],
  ])('keeps the sign that belongs to the figure in %j', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  // UTF-16 spans after astral characters keep the sign too
  it.each([
    ['🎉 fell -3% 😀 and −2.5 percent 🎉🎉 +4 km', ['-3%', '−2.5 percent', '+4 km']],
  ])('keeps signs after emoji in %j', (text, expected) => {
    expect(findNumbers(text).map((e) => text.slice(e.start, e.end))).toEqual(expected)
  })

  // a unit letter glued to a dollar sign is a currency's prefix, not the unit (fuzz seed 7000853: "8 degrees C$7" was
  // QUANTITY "8 degrees C" over the money figure C$7, whose MONEY entity was lost)
  it.each([
    ['8 degrees C$7', [['8 degrees', 'QUANTITY']]],
    ['It was 8 degrees C, 5 °C and 20 km.', [['8 degrees C', 'QUANTITY'], ['5 °C', 'QUANTITY'], ['20 km', 'QUANTITY']]],
    ['20 km$ and 5 °C$', [['20', 'CARDINAL'], ['5', 'CARDINAL']]],
  ])('reads no unit glued to a dollar sign in %j', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  // apostrophe groups, read as the money finder reads them (one grouping grammar, src/text/digit-groups.ts): the
  // number finder read none, so "1'234'567" was CARDINAL 1 and "$2'710" CARDINAL 710 (docs/fuzz.md, numfix); an
  // ill-formed group leaves no fragment ("1'2345", a height "5'10")
  it.each([
    ["A town of 1'234'567 people.", [["1'234'567", 'CARDINAL']]],
    ["CHF 1'234,5 and 2’710,828 votes", [["1'234,5", 'CARDINAL'], ['2’710,828', 'CARDINAL']]],
    ["It rose 12'500.5 km, or 1'200%.", [["12'500.5 km", 'QUANTITY'], ["1'200%", 'PERCENT']]],
    ["$2'710 and €1'234'567", []],
    ["1'2345 and 1'234’567, he is 5'10\" tall", []],
    ["In '90 and the '90s, 1'000 fans; 2'000.", [['90', 'CARDINAL'], ["1'000", 'CARDINAL'], ["2'000", 'CARDINAL']]],
  ])('reads apostrophe groups in %j', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  // no-break (U+00A0), narrow no-break (U+202F), thin (U+2009) and figure (U+2007) space groups, read as the money
  // finder reads them (src/text/digit-groups.ts): "1\u202f234\u202f567" was three CARDINALs (docs/fuzz.md, numfix2). One
  // separator throughout, groups of three; an ordinary space, a longer first group or a group of four is no grouping
  it.each([
    ['Il y a 1\u202f234\u202f567 habitants.', [['1\u202f234\u202f567', 'CARDINAL']]],
    ['1\u00a0234\u00a0567 fans and 12\u2009500,5 km', [['1\u00a0234\u00a0567', 'CARDINAL'], ['12\u2009500,5 km', 'QUANTITY']]],
    ['It rose 1\u2007000.25 and 2\u00a0500\u00a0%, then 3\u202f000 million barrels.', [['1\u2007000.25', 'CARDINAL'], ['2\u00a0500\u00a0%', 'PERCENT'], ['3\u202f000 million barrels', 'QUANTITY']]],
    ['1\u00a0288,333 votes', [['1\u00a0288,333', 'CARDINAL']]],
    ['mixed: 1\u00a0234\u202f567', [['1\u00a0234', 'CARDINAL'], ['567', 'CARDINAL']]],
    ['1 234 567 with ordinary spaces', [['1', 'CARDINAL'], ['234', 'CARDINAL'], ['567', 'CARDINAL']]],
    ['In 2019\u00a0100 people; 1\u00a02345 and 12\u00a034', [['2019', 'CARDINAL'], ['100', 'CARDINAL'], ['1', 'CARDINAL'], ['2345', 'CARDINAL'], ['12', 'CARDINAL'], ['34', 'CARDINAL']]],
  ])('reads space groups in %j', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  // the two finders agree: the digits the money finder reads after a currency symbol are the number the number finder reads alone
  it.each(['1\u202f234\u202f567', '1\u00a0234\u00a0567', '12\u2009500,5', '1\u2007000', '1\u00a0288,333', '1\u202f234.5', "1'234'567", '1\u00a0234\u202f567', '2019\u00a0100'])(
    'money and numbers read %j to the same end',
    (figure) => {
      const money = findMoney(`€${figure} rose`)
      const numbers = findNumbers(`${figure} rose`)
      expect(money.length).toBe(1)
      expect(`€${figure} rose`.slice(money[0]!.start + 1, money[0]!.end)).toBe(`${figure} rose`.slice(numbers[0]!.start, numbers[0]!.end))
    },
  )

  // UTF-16 spans after astral characters: each span's text is the figure, whatever precedes it
  it.each([
    ['🎉 1\u202f234\u202f567 😀 2\u00a0500', ['1\u202f234\u202f567', '2\u00a0500']],
    ['😀😀 12\u2009500,5 km 🎉 and 45\u202f%', ['12\u2009500,5 km', '45\u202f%']],
  ])('reads space groups after emoji in %j', (text, expected) => {
    expect(findNumbers(text).map((e) => text.slice(e.start, e.end))).toEqual(expected)
  })

  it('gives sorted, disjoint spans on text with astral characters', () => {
    const text = '🎉 5% of 😀 1,000 fans, 🎉 twenty came third.'
    const spans = findNumbers(text)
    expect(spans.map((e) => text.slice(e.start, e.end))).toEqual(['5%', '1,000', 'twenty', 'third'])
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end)
  })
})

// a combining mark belongs to the letter before it (fuzz finding "two" + U+0300 U+0301 U+0302, docs/fuzz.md): a
// number word carrying one is another word, and no span ends between a letter and its marks
describe('findNumbers and combining marks', () => {
  it.each([
    ['two\u0300\u0301\u0302', []],
    ['They met twò times.', []],
    ['the third\u0300 round', []],
    ['five\u0300 percent', []],
    ['ran 5 km\u0301', [['5', 'CARDINAL']]],
    ['at noon\u0301', []],
    ['cafe\u0301 two', [['two', 'CARDINAL']]],
    ['e\u0301two', []],
    ['Zoe\u0308 won two of three sets at 5 p.m.', [['two', 'CARDINAL'], ['three', 'CARDINAL'], ['5 p.m.', 'TIME']]],
    // (fuzz8) marks on a percent sign are the sign's, and on a clock time's last digit the digit's (a letter may follow
    // a time, "6:28h"): the PERCENT or TIME keeps them (each ended before them); a zone carrying one is another word
    ['up 5%\u0308 on', [['5%\u0308', 'PERCENT']]],
    ['up 5%\ufe0f, 5%\u20dd and 5-7%\u0327\u0301', [['5%\ufe0f', 'PERCENT'], ['5%\u20dd', 'PERCENT'], ['5-7%\u0327\u0301', 'PERCENT']]],
    ['😀 up 54%\u0338 now', [['54%\u0338', 'PERCENT']]],
    ['at 12:41\u0323\u0300 GMT', [['12:41\u0323\u0300 GMT', 'TIME']]],
    ['at 6:28\ufe0fh', [['6:28\ufe0f', 'TIME']]],
    ['at 6:28 GMT\u0301 and 14:30:00\u0301', [['6:28', 'TIME'], ['14:30:00\u0301', 'TIME']]],
    ['at 8:36 a.m.\u0308 EDT and 7 p.m.\u0301', [['8:36 a.m.\u0308 EDT', 'TIME'], ['7 p.m.\u0301', 'TIME']]],
    // (a time takes all the marks on its last digit or is none: "8:22" + U+20DD + "0" is no TIME, its hour a CARDINAL;
    // the TIME ended before the mark, seed 6906595)
    ['at 8:22\u20dd0 and 8:22\u20dd', [['8', 'CARDINAL'], ['8:22\u20dd', 'TIME']]],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })
})

// no mention runs across a blank line into the next paragraph (fuzz finding "1a.m.\n\nlocal time", docs/fuzz.md); one
// line break inside a mention stays allowed (hard-wrapped text)
describe('findNumbers across a blank line', () => {
  it.each([
    ['1a.m.\n\nlocal time', [['1a.m.', 'TIME']]],
    ['The polls close at 8 p.m.\n\nLocal time zones differ across the state.', [['8 p.m.', 'TIME']]],
    ['output rose 5\n\n% of them', [['5', 'CARDINAL']]],
    ['three\n\nmillion people', [['three', 'CARDINAL']]],
    ['Friday\n\nnight', []],
    ['at 8 p.m.\nlocal time', [['8 p.m.\nlocal time', 'TIME']]],
    ['some 3\nmillion barrels', [['3\nmillion barrels', 'QUANTITY']]],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected)
  })
})
