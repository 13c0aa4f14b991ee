import {findTokens} from '../../src/segment/segment-text.ts'
import {describe, expect, it} from 'vitest'
import type {Span} from '../../src/doc.ts'
import {findQuotes, isCutBeforeOpeningMark} from '../../src/quotes/marks.ts'

/** Paragraphs are the non-empty lines, as the segmenter gives them for these inputs. */
function paragraphsOf(text: string): Span[] {
  return [...text.matchAll(/[^\n]+/g)].map((m) => ({start: m.index, end: m.index + m[0].length}))
}

function quoted(text: string): string[] {
  return findQuotes(text, paragraphsOf(text), findTokens(text)).map((q) => text.slice(q.start, q.end))
}

describe('findQuotes: marks', () => {
  it.each([
    ['straight doubles', 'He said "yes, we will" today.', ['yes, we will']],
    ['curly doubles', 'He said “yes, we will” today.', ['yes, we will']],
    ['curly singles around apostrophes', '‘Moscow’s side’s plan is bad,’ he said.', ['Moscow’s side’s plan is bad,']],
    ['a closing single identical to the apostrophe, decided by what follows', 'She spoke of ‘no grounds for talks’ with them.', ['no grounds for talks']],
    ['a plural possessive inside a single quote', '‘The players’ union is strong,’ he said.', ['The players’ union is strong,']],
    ['straight singles', "'We are ready,' she said.", ['We are ready,']],
    ['apostrophes alone make no quote', "Moscow's plan and the players' union in the '90s, rock 'n' roll, don't.", []],
    ['guillemets', 'Il a dit «nous gagnerons» hier.', ['nous gagnerons']],
    ['reversed guillemets', 'Er sagte »wir gewinnen« gestern.', ['wir gewinnen']],
    ['low-high quotes', 'Er sagte „wir gewinnen“ gestern.', ['wir gewinnen']],
    ['low and closing high quotes', 'On skazal „my pobedim” vchera.', ['my pobedim']],
    ['wire-service pairs', "``We won,'' he said.", ['We won,']],
    ['double apostrophes as both marks', "''We won,'' he said on ''This Week.'' ''It was close.''", ['We won,', 'This Week.', 'It was close.']],
    ['an inner single closing before the outer double', "''He said, 'I hope so,''' she recalled.", ["He said, 'I hope so,'"]],
    ['nested quotes stay inside the outer one', '"He told me \'no\' and left," she said.', ["He told me 'no' and left,"]],
    ['curly nested quotes', '“He told me ‘no’ and left,” she said.', ['He told me ‘no’ and left,']],
    ['elisions inside a quote', '"We tried. <...> It failed [...] again," he said.', ['We tried. <...> It failed [...] again,']],
    ['a stray <"> inside a quote', '"There are few left. <"> We are running out," he said.', ['There are few left. <"> We are running out,']],
    ['markup attributes are not quotes', '<tweet id="123" author="@someone">Hello</tweet> and "this" one.', ['this']],
    ['an inch mark is not a quote', 'He is 6\'2" tall and "very" fit.', ['very']],
    // found by scripts/fuzz-stages.ts (docs/fuzz.md): the quote's text kept the invisible character as padding
    ['a zero-width no-break space after the mark (minimised fuzz case)', '"\ufeffh', ['h']],
    ['an ideographic space after the mark (minimised fuzz case)', 'e said "\u3000d', ['d']],
    ['a zero-width space before the closing mark', 'He said: "We will win.\u200b" Then he left.', ['We will win.']],
    ['a right-to-left mark before the closing mark (English beside Arabic or Hebrew)', 'He said: "We are ready,\u200f" Then he left.', ['We are ready,']],
    ['direction marks and an isolate around the quote', 'He said: "\u200e\u2067We are ready.\u2069\u202c" Then he left.', ['We are ready.']],
    ['a soft hyphen at either end', 'He said: "\u00adWe won.\u00ad" Then he left.', ['We won.']],
  ])('%s', (_name, text, expected) => {
    expect(quoted(text)).toEqual(expected)
  })
})

describe('findQuotes: em-dash dialogue', () => {
  it.each([
    ['closed by a dash before the attribution', '— I believe that it will end, — Ivan Petrov draws attention.', ['I believe that it will end,']],
    ['closed by a stray straight quote (machine translation)', '— I believe that. That is all," he said.', ['I believe that. That is all,']],
    ['closed by a stray curly quote', '— We will not stop,” the minister stressed.', ['We will not stop,']],
    ['a long apposition before the cue', '— Dialogue matters," Jane Roe, a spokeswoman for the Office of the High Commissioner for Human Rights (OHCHR), told the paper.', ['Dialogue matters,']],
    ['a second turn after the attribution', '— We are ready, — he said. — But not today.', ['We are ready,', 'But not today.']],
    ['a list item without attribution is no quote', '— Nine months of campaigning and rallies;', []],
    ['a dash heading is no quote', '– Ready to quiz Trump –', []],
    // no closing dash or mark (quotefix2, 2026-12-01: such a turn was no quote at all): the turn ends at the punctuation
    // before its attribution, and what follows the attribution's sentence continues it
    ['unclosed, an inverted attribution', '― We will not back down, said the minister. The people are with us.', ['We will not back down,', 'The people are with us.']],
    ['unclosed, subject and verb', '— We will not back down, the minister said on Tuesday.', ['We will not back down,']],
    ['unclosed, after an exclamation', '— We will win! shouted the crowd.', ['We will win!']],
    ['unclosed, the verb and a comma go back to the sentence', '— Taxes, Jane Roe said, will rise.', ['Taxes,', 'will rise.']],
    // a participle after the comma opens the narrative's clause: the turn resumes after the attribution's sentence
    ['unclosed, a participle after the verb and a comma is narrative', '— We will win, Smith said, telling reporters. The people are with us.', ['We will win,', 'The people are with us.']],
    ['unclosed, a participle clause ends the paragraph', '— We will win, Smith said, adding that talks would go on.', ['We will win,']],
    ['unclosed, a prepositional phrase after the verb and a comma is narrative', '— We will win, Jane Roe said, in an interview. The people are with us.', ['We will win,', 'The people are with us.']],
    ['unclosed, "according to" after the verb and a comma is narrative', '— We will win, Jane Roe said, according to a transcript. The people are with us.', ['We will win,', 'The people are with us.']],
    ['unclosed, a clause opened by "as" after the verb and a comma is narrative', '— We will win, Jane Roe said, as he left the building.', ['We will win,']],
    ['unclosed, a lowercase noun in -ing after the comma goes back to the sentence', '— Taxes, Jane Roe said, nothing else will rise.', ['Taxes,', 'nothing else will rise.']],
    ['unclosed, an apposition after an inverted attribution is narrative', '— We will win, said Jane Roe, a spokeswoman for the ministry. Nobody doubts it.', ['We will win,', 'Nobody doubts it.']],
    ['unclosed, a short attribution sentence after a full stop', '— We will win. The minister said so.', ['We will win.']],
    ['unclosed, a long sentence after a full stop is narrative', '― We will not back down. The minister said this on Monday in front of the parliament.', []],
    ['unclosed, a turn without a speech verb is a list item', '— We will not back down from this fight. The people are with us.', []],
    ['unclosed, a verb not led by a subject', '— Continue fracking, then, are nine reasons why.', []],
    ['unclosed, a relative clause is no attribution', '— The policy guy is Jane Roe, who was the main immigration adviser.', []],
    ['unclosed, a verb that reports is no attribution', '— The talks failed, she said that the deal was off.', []],
    // fuzz findings (docs/fuzz.md): dash turns read where the dash opens no speech
    ['unclosed, a verb first with no subject after it is no attribution (minimised)', '— n,said on.”', []],
    ['unclosed, a verb first with no subject after it is no attribution', '— Lower taxes, said on Monday to be the plan.', []],
    ['unclosed, a noun-like cue after a noun is the noun (minimised)', '— e,S challenge', []],
    ['unclosed, a noun-like cue after a noun is the noun', '— Voting rights, the court challenge', []],
    ['unclosed, a noun-like cue after a pronoun is the verb', '— We will win, they claim.', ['We will win,']],
    ['unclosed, an inflected noun-like cue is the verb', '— We will win, the minister claimed.', ['We will win,']],
    // the words before the cue must be a subject the speakers stage reads (fuzz finding "&MD; s,C ed mention": a turn
    // kept with no cue and no speaker)
    ['unclosed, a capital and a lowercase word are no subject (minimised)', '— s,C ed mention', []],
    ['unclosed, a verb between the name and the cue makes no subject', '— Next steps, Congress has to state its case.', []],
    ['unclosed, a name and a plural noun are a subject', '— We will act, the ministers mention.', ['We will act,']],
    ['unclosed, a stray closing mark after the attribution is no quote', '— We will win, said the minister.”', ['We will win,']],
    // the turn resumes only after a plain attribution sentence (fuzz finding "– g,C said "at. d", seed 5000488)
    ['unclosed, a mark in the attribution sentence ends the turn (minimised)', '– g,C said "at. d', ['g,']],
    ['unclosed, a quotation in the attribution sentence ends the turn', '— We will win, Smith said "at once. Then more.', ['We will win,']],
    ['unclosed, a dash in the attribution sentence ends the turn', '— We will win, said the minister — for now. The rest is history.', ['We will win,']],
    // nor after a semicolon and a cue of its own, a new statement to the speakers stage (fuzz seed 6005279)
    ['unclosed, a cue after a semicolon in the attribution sentence ends the turn (minimised)', '– n,T hints;Say. e', ['n,']],
    ['unclosed, a cue after a semicolon in the attribution sentence ends the turn', '— We will win, Smith hints; say it. The people are with us.', ['We will win,']],
    ['unclosed, a semicolon and no cue after it: the turn resumes', '— We will win, said Smith; he left. The people are with us.', ['We will win,', 'The people are with us.']],
    // a turn after the attribution carries over only when that attribution names its speaker (fuzz seed 6002651)
    ['a stray mark, then an attribution naming no one: no next turn (minimised)', '– ,” said.– s', [',']],
    ['an attribution naming no one: no next turn', '— We will win, — said. — We will act.', ['We will win,']],
    ['an attribution with its subject: the next turn', '— We will win, — he said. — We will act.', ['We will win,', 'We will act.']],
    ['an attribution with an inverted subject: the next turn', '— We will win,” said Smith. — We will act.', ['We will win,', 'We will act.']],
    ['an attribution with an apposition: the next turn', '— Taxes will rise, — Jane Roe, the minister, said. — Soon.', ['Taxes will rise,', 'Soon.']],
    // and only after a plain attribution sentence, as an unclosed turn resumes (fuzz seed 5014962)
    ['a mark in the attribution sentence: no next turn (minimised)', '– ,” said C“.– t', [',']],
    ['a quotation in the attribution sentence: no next turn', '— We will win,” said Jane Roe “today.— We will act.', ['We will win,']],
    ['a dash in the attribution sentence: no next turn', '— We will win, — said Jane Roe — for now. — We will act.', ['We will win,']],
    // a verb first needs the inverted subject the speakers stage reads (fuzz findings "— a,tell you", "— a,said it. w")
    ['unclosed, a listener after "tell" is no subject (minimised)', '— a,tell you', []],
    ['unclosed, an object after the verb is no subject (minimised)', '— a,said it. w', []],
    ['unclosed, "tell you" names a listener', '— We will win, tell you what.', []],
    ['unclosed, an inverted pronoun is a subject', '— We will win, said he. The rest is history.', ['We will win,', 'The rest is history.']],
    // the verb must be one the speakers stage reads (fuzz finding "— m,charges he", seed 6000750)
    ['unclosed, a noun-like -s form after a comma is the noun (minimised)', '— m,charges he', []],
    ['unclosed, a noun-like -s form first is the noun', '— Corruption, charges he never answered.', []],
    ['unclosed, a noun-like -s form after its subject is the verb', '— We will win, the minister charges.', ['We will win,']],
  ])('%s', (_name, text, expected) => {
    expect(quoted(text)).toEqual(expected)
  })

  it('marks dialogue quotes as direct and dash-styled', () => {
    const [quote] = findQuotes('— We will win, — he said.', [{start: 0, end: 25}], findTokens('— We will win, — he said.'))
    expect(quote).toMatchObject({kind: 'direct', style: 'dash'})
  })
})

describe('findQuotes: paragraphs and unclosed quotes', () => {
  it('continues a quote into the next paragraph that opens with a mark', () => {
    const text = '"First paragraph of the statement.\n\n"Second paragraph," he said.'
    const quotes = findQuotes(text, paragraphsOf(text), findTokens(text))
    expect(quotes).toHaveLength(1)
    expect(quotes[0]).toMatchObject({paragraphs: 2, kind: 'direct'})
    expect(text.slice(quotes[0]!.start, quotes[0]!.end)).toBe('First paragraph of the statement.\n\n"Second paragraph,')
    expect(quotes[0]!.unclosed).toBeUndefined()
  })

  it('cuts an unclosed quote at its paragraph and flags it', () => {
    const text = 'He said "this is never closed.\n\nThe rest of the article is narrative. It has "a quote" too.'
    const quotes = findQuotes(text, paragraphsOf(text), findTokens(text))
    expect(quotes.map((q) => [text.slice(q.start, q.end), q.unclosed ?? false])).toEqual([
      ['this is never closed.', true],
      ['a quote', false],
    ])
  })

  // quotefix2, 2026-12-01: an unclosed quote's kind was 'direct' only at its paragraph's start, so one opening after a
  // sentence was a fragment, and without a cue of its own it was dropped
  it.each([
    ['after a sentence, before a narrative paragraph', '"We will not back down," Jane Roe said. "The people are with us.\nThe vote is on Monday.', [['We will not back down,', 'direct', false], ['The people are with us.', 'direct', true]]],
    ['after a colon', 'Jane Roe said: "The people are with us.\nThe vote is on Monday.', [['The people are with us.', 'direct', true]]],
    ['inside a sentence', 'Jane Roe said the plan "would fail.\nThe vote is on Monday.', [['would fail.', 'partial', true]]],
    ['carried over a paragraph, after a sentence', '"No," Jane Roe said. "The people are with us.\n"We will win.\nThe vote is on Monday.', [['No,', 'direct', false], ['The people are with us.\n"We will win.', 'direct', true]]],
  ] as Array<[string, string, Array<[string, string, boolean]>]>)('the kind of an unclosed quote %s', (_name, text, expected) => {
    const quotes = findQuotes(text, paragraphsOf(text), findTokens(text))
    expect(quotes.map((q) => [text.slice(q.start, q.end), q.kind, q.unclosed === true])).toEqual(expected)
  })

  it('drops an unclosed single quote mid-paragraph (a stray apostrophe)', () => {
    expect(quoted("The ‘kind of plan that fails.")).toEqual([])
  })

  it('treats the whole text as one paragraph when no paragraphs are given', () => {
    expect(findQuotes('"Yes," he said.', [], findTokens('"Yes," he said.')).map((q) => q.end - q.start)).toEqual([4])
  })
})

describe('findQuotes: kinds', () => {
  it.each([
    ['at paragraph start', '"We will win," he said.', ['direct']],
    ['after a colon', 'He said: "We will win."', ['direct']],
    ['after a comma and a capital', 'He said, "We will win."', ['direct']],
    ['after a sentence', 'He spoke. "We will win."', ['direct']],
    ['embedded in narrative', 'He said he was "not at all surprised" by it.', ['partial']],
    ['interrupted quotation', '"We will win," she said, "and soon."', ['direct', 'direct']],
    ['after another quote ending a sentence', "He was on ''This Week.'' ''It was close.''", ['partial', 'direct']],
    // emoji before the mark do not embed it (qatext audit, 2026-12-01: such a quote was partial, and dropped unattributed)
    ['after an emoji opening the paragraph', '😀 "We waited so long for this."', ['direct']],
    ['after a family emoji and a flag', '👩‍👩‍👧 🇬🇧 "We waited so long for this."', ['direct']],
    ['after a sentence and an emoji', 'The club won. 🎉 "We waited so long."', ['direct']],
    ['after an emoji inside narrative', 'The club won 🎉 "a great title" today.', ['partial']],
  ])('%s', (_name, text, kinds) => {
    expect(findQuotes(text, paragraphsOf(text), findTokens(text)).map((q) => q.kind)).toEqual(kinds)
  })

  it('reports mark offsets around the quoted words', () => {
    const text = 'He said “yes” twice.'
    const [quote] = findQuotes(text, paragraphsOf(text), findTokens(text))
    expect(quote).toMatchObject({open: 8, start: 9, end: 12, close: 13, style: 'double'})
  })
})

describe('findQuotes: paragraphs without marks between quoted ones (the next mark is looked up once for all of them)', () => {
  it.each([
    ['plain one.\nplain two.\n"First," he said.\nplain three.\nplain four.\n“Second,” she said.', ['First,', 'Second,']],
    ['"A," he said.\nno marks here\nnor here\n"B" and "C."\nend', ['A,', 'B', 'C.']],
    ['no marks at all\nnone here either', []],
    ['"Open quote with no close\nplain\n"Later," he said.', ['Open quote with no close', 'Later,']],
  ])('%j', (text, expected) => {
    expect(quoted(text)).toEqual(expected)
  })
})

// qa7's sweep (2026-12-03): a quote whose closing mark was mistyped (`’` for `”`) took every later quote of its paragraph
// inside it, and they were lost; an article whose paragraphs were joined into one line (a feed that flattens text) kept
// none of its quotes after the first such typo or after a quote over paragraphs (each opens, only the last closes)
describe('findQuotes: a quote that never closes, with another opened inside it', () => {
  it.each([
    ['a closing mark mistyped', '“Let’s go. We can win.’ Smith was there. Jones thanked him for “taking these steps.” Then “more,” he said.', [['Let’s go. We can win.’ Smith was there. Jones thanked him for', 'direct', true], ['taking these steps.', 'partial', false], ['more,', 'partial', false]]],
    ['paragraphs of a quote joined into one line', '"We will go to the city. "We will stay there for a week," he said. Later "we left," she said.', [['We will go to the city.', 'direct', true], ['We will stay there for a week,', 'direct', false], ['we left,', 'partial', false]]],
    ['two typos in one paragraph', '“One’ and “two’ and “three,” he said.', [['One’ and', 'direct', true], ['two’ and', 'partial', true], ['three,', 'partial', false]]],
    ['a curly mark inside a straight one', '"We stay. Then “we go,” he said.', [['We stay. Then', 'direct', true], ['we go,', 'partial', false]]],
    // unchanged: the outer quote closes, or goes on in the next paragraph, or the inner mark is no opener
    ['nested doubles whose outer quote closes', '“He told me “go home” and I left,” she said.', [['He told me “go home” and I left,', 'direct', false]]],
    ['nested doubles in a quote that goes on in the next paragraph', '“He told me “go home” and I left.\n“Then he came back,” she said.', [['He told me “go home” and I left.\n“Then he came back,', 'direct', false]]],
    ['a single mark inside a double that never closes', '“We stay, ‘they said’ and left.\nThe vote is Monday.', [['We stay, ‘they said’ and left.', 'direct', true]]],
    ['low marks', 'Er sagte „wir „gehen“ heute.\nDann ging er.', [['wir „gehen“ heute.', 'partial', true]]],
    ['an opening mark doubled', '"“If I was a donor, I’d want answers,” he said.\nThe vote is Monday.', [['“If I was a donor, I’d want answers,” he said.', 'direct', true]]],
    ['a left mark closing a quote, right after its last word', '“Voters stand with us.“[HuffPost.]\nThe vote is Monday.', [['Voters stand with us.“[HuffPost.]', 'direct', true]]],
    ['an unclosed quote with no mark inside it', 'He said “this is never closed.\nThe vote is Monday.', [['this is never closed.', 'partial', true]]],
  ] as Array<[string, string, Array<[string, string, boolean]>]>)('%s', (_name, text, expected) => {
    const quotes = findQuotes(text, paragraphsOf(text), findTokens(text))
    expect(quotes.map((q) => [text.slice(q.start, q.end), q.kind, q.unclosed === true])).toEqual(expected)
  })

  it('finds every quote of 200 paragraphs joined into one line, each with a typo', () => {
    const text = '“We will win.’ Smith was there, and “the plan works,” Jones said. '.repeat(200)
    const quotes = findQuotes(text, [{start: 0, end: text.length}], findTokens(text))
    expect(quotes.filter((q) => text.slice(q.start, q.end) === 'the plan works,')).toHaveLength(200)
  })
})

describe('findQuotes: unclosed marks and open stacks', () => {
  // what the finder answered before the open marks were indexed by family and the unclosed quotes sorted once
  it.each([
    ["an unclosed quote in each paragraph, then a closed one", "He said \"we will win\nShe said \"no way\nThey said \"fine\" and left.", [["we will win", "partial", true], ["no way", "partial", true], ["fine", "partial", false]]],
    ["a quote carried over a paragraph, then an unclosed one", "\"We will go.\n\"And we will stay.\nHe said \"no.", [["We will go.\n\"And we will stay.", "direct", true], ["no.", "partial", true]]],
    ["a closing single under open guillemets", "«a «b «c ‘d’ e and more", [["a «b «c ‘d’ e and more", "direct", true]]],
    ["three families nested and closed", "\"a «b ‘c’ d» e\" f", [["a «b ‘c’ d» e", "direct", false]]],
    // since qa7 (2026-12-03) a double mark that only opens, inside one that never closes, ends it (see the resync table below)
    ["a single closing under open doubles", "\"one \"two \"three 'four' five\" six", [["one", "direct", true], ["two", "partial", true], ["three 'four' five", "partial", false]]],
    ["an unclosed quote with inner marks of every family after a closed one", "‘We are here,’ she said. \"Open «never closed ‘inner’ done", [["We are here,", "direct", false], ["Open «never closed ‘inner’ done", "direct", true]]],
    ["a carried quote closed, then an unclosed one", "\"x\n\n\"y\" and \"z", [["x\n\n\"y", "direct", false], ["z", "partial", true]]],
    ["an unclosed outer quote around a closed inner one", "He said \"a. She said \"b,\" and \"c", [["a. She said", "partial", true], ["b,", "partial", false], ["c", "partial", true]]],
  ] as Array<[string, string, Array<[string, string, boolean]>]>)('%s', (_name, text, expected) => {
    const quotes = findQuotes(text, paragraphsOf(text), findTokens(text))
    expect(quotes.map((q) => [text.slice(q.start, q.end), q.kind, q.unclosed === true])).toEqual(expected)
  })

  it.each([
    // each used to cost a pass over everything before it: a sort of all quotes so far, a walk down the open marks
    ['an unclosed quote in each of 20,000 paragraphs', 'He said "we will win\n'.repeat(20000), 20000],
    ['20,000 unclosed guillemets before closed singles on one line', '«a '.repeat(20000) + "‘b’ c ".repeat(20000), 1],
  ])('%s: all found, in order', (_name, text, count) => {
    const quotes = findQuotes(text, paragraphsOf(text), findTokens(text))
    expect(quotes).toHaveLength(count)
    for (let k = 1; k < quotes.length; k++) expect(quotes[k]!.start).toBeGreaterThan(quotes[k - 1]!.start)
  })
})

// the quotes stage's warning says why an unclosed quote ends where it does (src/stages/quotes.ts)
describe('isCutBeforeOpeningMark', () => {
  // each quote ends after "now"
  it.each([
    ['a curly opening mark after spaces', 'He said “go now  “Wait,” she said.', true],
    ['a straight mark right after', 'He said "go now"Wait," she said.', true],
    ['the paragraph ends before the next mark', 'He said “go now\n“Wait,” she said.', false],
    ['a word after', 'He said “go now and then', false],
    ['the text ends', 'He said “go now', false],
  ])('%s', (_name, text, expected) => {
    expect(isCutBeforeOpeningMark(text, text.indexOf('now') + 3)).toBe(expected)
  })
})
