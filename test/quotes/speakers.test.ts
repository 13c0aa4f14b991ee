import {findTokens} from '../../src/segment/segment-text.ts'
import {describe, expect, it} from 'vitest'
import type {Entity, EntityLabel, Span} from '../../src/doc.ts'
import {findQuotes} from '../../src/quotes/marks.ts'
import {attributeSpeakers, findAttributions, titleCaseWords} from '../../src/quotes/speakers.ts'

function paragraphsOf(text: string): Span[] {
  return [...text.matchAll(/[^\n]+/g)].map((m) => ({start: m.index, end: m.index + m[0].length}))
}

/** A hand-made entity layer: every occurrence of each surface string, with its canonical name. */
function entitiesOf(text: string, names: Array<[string, EntityLabel, string]>): Entity[] {
  const entities: Entity[] = []
  for (const [surface, label, canonical] of names) {
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      entities.push({start: at, end: at + surface.length, label, canonical, entityId: canonical.toLowerCase().replace(/\s+/g, '-')})
    }
  }
  return entities.sort((a, b) => a.start - b.start)
}

function attribute(text: string, names: Array<[string, EntityLabel, string]> = []) {
  const paragraphs = paragraphsOf(text)
  return attributeSpeakers(text, findQuotes(text, paragraphs, findTokens(text)), {paragraphs, tokens: findTokens(text), entities: entitiesOf(text, names)})
}

/** [quoted words, speaker mention, cue, cue lemma] per quote. */
function summary(text: string, names: Array<[string, EntityLabel, string]> = []): Array<[string, string | null, string | null, string | null]> {
  return attribute(text, names).map((q) => [text.slice(q.start, q.end), q.speaker.mention, q.cue, q.cueLemma])
}

describe('attributeSpeakers: attribution patterns', () => {
  it.each([
    ['X said after the quote', '"We will win," Jane Roe said.', [['We will win,', 'Jane Roe', 'said', 'say']]],
    ['said X after the quote', '"We will win," said Jane Roe.', [['We will win,', 'Jane Roe', 'said', 'say']]],
    ['X told Y', '"We will win," Jane Roe told reporters on Monday.', [['We will win,', 'Jane Roe', 'told', 'tell']]],
    ['a titled name', '"No," Kremlin spokesman Ivan Petrov said.', [['No,', 'Kremlin spokesman Ivan Petrov', 'said', 'say']]],
    ['an apposition between name and cue', '"We will win," Jane Roe, a spokeswoman for the ministry, told the paper.', [['We will win,', 'Jane Roe', 'told', 'tell']]],
    ['a name in apposition to a role', '"We will win," the ministry spokesman, Ivan Petrov, told the radio.', [['We will win,', 'Ivan Petrov', 'told', 'tell']]],
    ['according to X after', '"We will win," according to Jane Roe.', [['We will win,', 'Jane Roe', 'according to', 'according to']]],
    ['according to X before', 'According to Jane Roe, "we will win."', [['we will win.', 'Jane Roe', 'According to', 'according to']]],
    ['X said: before', 'Jane Roe said: "We will win."', [['We will win.', 'Jane Roe', 'said', 'say']]],
    ['X said, before', 'Jane Roe said, "We will win."', [['We will win.', 'Jane Roe', 'said', 'say']]],
    ['X: before', 'Jane Roe: "We will win."', [['We will win.', 'Jane Roe', null, null]]],
    ['a colon after a clause without cue', 'President Jane Roe released the following statement: "We will win."', [['We will win.', 'President Jane Roe', null, null]]],
    ['an organisation', '"No comment," the Kremlin said.', [['No comment,', 'Kremlin', 'said', 'say']]],
    ['a lowercase organisation', '"No comment," the ministry told the paper.', [['No comment,', 'the ministry', 'told', 'tell']]],
    ['an anonymous speaker after an inverted cue', '"It will fail," said one local analyst, who requested anonymity.', [['It will fail,', 'one local analyst', 'said', 'say']]],
    ['an anonymous speaker with of', '"We are tired," said a resident of the city, who lost family.', [['We are tired,', 'a resident of the city', 'said', 'say']]],
    ['an anonymous speaker before', 'A spokesperson for the ministry said, "No."', [['No.', 'A spokesperson for the ministry', 'said', 'say']]],
    ['a pronoun', 'Jane Roe spoke on Monday. "We will win," she said.', [['We will win,', 'she', 'said', 'say']]],
    ['a multi-word cue', '— We will win, — Ivan Petrov draws attention.', [['We will win,', 'Ivan Petrov', 'draws attention', 'draw attention']]],
    ['a dialogue closed by a stray mark', '— We will win," he said.', [['We will win,', 'he', 'said', 'say']]],
    ['an unclosed dialogue turn', '― We will win, said the minister. The people are with us.', [['We will win,', 'the minister', 'said', 'say'], ['The people are with us.', 'the minister', 'said', 'say']]],
    ['an unclosed dialogue turn resumed after the verb', '— Taxes, Jane Roe said, will rise.', [['Taxes,', 'Jane Roe', 'said', 'say'], ['will rise.', 'Jane Roe', 'said', 'say']]],
    ['a present-tense cue', '"We will win," Ivan Petrov emphasizes.', [['We will win,', 'Ivan Petrov', 'emphasizes', 'emphasize']]],
    ['a question with an inverted cue', '"Why now?" asked Jane Roe.', [['Why now?', 'Jane Roe', 'asked', 'ask']]],
    ['a short closing attribution after a full stop', '"We will win." Jane Roe said.', [['We will win.', 'Jane Roe', 'said', 'say']]],
    ['a signature line', '"We will win." ― Jane Roe', [['We will win.', 'Jane Roe', null, null]]],
    ['a signature paragraph', '"We will win."\n- Jane Roe.', [['We will win.', 'Jane Roe', null, null]]],
    // a dash turn's resumed words keep the turn's attribution; the next line signs no such words (fuzz seed 6003476)
    ['a resumed dash turn before a signature-like line (minimised)', '— S,he said. H\n-B', [['S,', 'he', 'said', 'say'], ['H', 'he', 'said', 'say']]],
    ['a resumed dash turn before a signature line', '― We will win, said the minister. The people are with us.\n- Jane Roe', [['We will win,', 'the minister', 'said', 'say'], ['The people are with us.', 'the minister', 'said', 'say']]],
    ['a next dash turn before a signature line', '— We will win, — he said. — We will act.\n- Jane Roe', [['We will win,', 'he', 'said', 'say'], ['We will act.', 'he', 'said', 'say']]],
    // a line holding a quote of its own (a dash turn) signs nothing above it (fuzz seed 7001870)
    ['a dash turn below an unclosed quote is no signature (minimised)', '"e\n― M,he insist', [['e', null, null, null], ['M,', 'he', 'insist', 'insist']]],
    // an embedded post's signature line ends with the post's date (news-embedded-post shapes, fuzz6)
    ['a signature line with a date', '"We will win."\n— Jane Roe December 1, 2026', [['We will win.', 'Jane Roe', null, null]]],
    ['a signature line with a handle and a date', '“We will win.”\n\n— Jane Roe (@janeroe) Dec 1, 2026', [['We will win.', 'Jane Roe (@janeroe)', null, null]]],
    ['a signature line with a year', '"We will win."\n- Jane Roe 2026', [['We will win.', 'Jane Roe', null, null]]],
    ['a dash turn below an unclosed quote is no signature', '"We will win\n― We will act, he insisted.', [['We will win', null, null, null], ['We will act,', 'he', 'insisted', 'insist']]],
  ])('%s', (_name, text, expected) => {
    expect(summary(text)).toEqual(expected)
  })

  it('keeps the mention offsets of the speaker', () => {
    const text = '"No," Jane Roe said.'
    const [quote] = attribute(text)
    expect(quote!.speaker).toMatchObject({start: 6, end: 14})
    expect(text.slice(quote!.speaker.start!, quote!.speaker.end!)).toBe('Jane Roe')
  })
})

describe('attributeSpeakers: conversations and interrupted quotes', () => {
  it.each([
    ['an interrupted quotation', '"We will win," Jane Roe said, "and soon."', [['We will win,', 'Jane Roe'], ['and soon.', 'Jane Roe']]],
    ['a second sentence after the attribution', '"We will win," Jane Roe said. "It is certain."', [['We will win,', 'Jane Roe'], ['It is certain.', 'Jane Roe']]],
    ['the next quote paragraph', '"We will win," Jane Roe said.\n"It is certain."', [['We will win,', 'Jane Roe'], ['It is certain.', 'Jane Roe']]],
    ['a paragraph ending with a colon', 'Jane Roe told the crowd:\n"We will win."', [['We will win.', 'Jane Roe']]],
    ['a statement introducing a quote', 'Jane Roe told the paper the vote was close. "We will win."', [['We will win.', 'Jane Roe']]],
    ['a quote introduced by its own cue is not carried', '"We will win," Jane Roe said. Ivan Petrov added: "No."', [['We will win,', 'Jane Roe'], ['No.', 'Ivan Petrov']]],
    ['a new statement stops the carry-over', '"We will win," Jane Roe said.\nThe vote is on Monday.\n"It is certain."', [['We will win,', 'Jane Roe'], ['It is certain.', null]]],
    // a quote continued over paragraphs (no closing mark, the next paragraph opens with one) is one quote of one speaker,
    // and an unclosed one before a narrative paragraph is kept with the speaker of the quote it continues (quotefix2)
    ['a quote continued in the next paragraph', '"We will not back down," Jane Roe said. "The people are with us.\n"We will win on Monday."', [['We will not back down,', 'Jane Roe'], ['The people are with us.\n"We will win on Monday.', 'Jane Roe']]],
    ['a quote continued over three paragraphs', 'Jane Roe said: "We will not back down.\n"The people are with us.\n"We will win on Monday."\nIvan Petrov disagreed.', [['We will not back down.\n"The people are with us.\n"We will win on Monday.', 'Jane Roe']]],
    ['an unclosed quote before a narrative paragraph', '"We will not back down," Jane Roe said. "The people are with us.\nIvan Petrov disagreed.', [['We will not back down,', 'Jane Roe'], ['The people are with us.', 'Jane Roe']]],
    ['a quote that introduces the next does not take its cue', '"First point." He added: "Second point."', [['First point.', null], ['Second point.', 'He']]],
  ])('%s', (_name, text, expected) => {
    expect(attribute(text).map((q) => [text.slice(q.start, q.end), q.speaker.mention])).toEqual(expected)
  })

  it('gives an interrupted quotation the same speaker offsets for both parts', () => {
    const quotes = attribute('"We will win," Jane Roe said, "and soon."')
    expect(quotes[0]!.speaker.start).toBe(quotes[1]!.speaker.start)
  })
})

describe('attributeSpeakers: a coordinated clause with a speaker of its own', () => {
  // quotefix2, 2026-12-01: a quote after a second clause took the first clause's speaker through the interrupted-quote
  // rule ("Cruz said as the heckler yelled: “You suck!”" on PolNeAR train gave the heckler's words to Cruz)
  it.each([
    ['and + a new subject + that', '"We will not back down," said Jane Roe and Ivan Petrov added that the plan "is dead on arrival."', [['We will not back down,', 'Jane Roe'], ['is dead on arrival.', 'Ivan Petrov']]],
    ['a comma, and + a new subject', '"We will not back down," the minister said, and the opposition leader replied that it was "a disgrace."', [['We will not back down,', 'the minister'], ['a disgrace.', 'the opposition leader']]],
    ['a new subject introducing a direct quote', '"We will not back down," the minister said, and the opposition leader replied: "It is a disgrace."', [['We will not back down,', 'the minister'], ['It is a disgrace.', 'the opposition leader']]],
    ['as + a new subject', '"It is over," Jane Roe said as the crowd yelled: "Not yet!"', [['It is over,', 'Jane Roe'], ['Not yet!', 'the crowd']]],
    ['a pronoun subject of its own', '"We will not back down," Jane Roe said, and she added: "The people are with us."', [['We will not back down,', 'Jane Roe'], ['The people are with us.', 'she']]],
    // no subject of its own, a belief or a participle: the first speaker continues
    ['a participle without a subject', '"We will not back down," Jane Roe said, adding, "The people are with us."', [['We will not back down,', 'Jane Roe'], ['The people are with us.', 'Jane Roe']]],
    ['and + a verb without a subject', '"We will not back down," Jane Roe said, and added: "The people are with us."', [['We will not back down,', 'Jane Roe'], ['The people are with us.', 'Jane Roe']]],
    ['a relative clause', '"We will not back down," said Jane Roe, who added: "The people are with us."', [['We will not back down,', 'Jane Roe'], ['The people are with us.', 'Jane Roe']]],
    ['a belief verb in a that-clause', '"We will not back down," Jane Roe said, noting that voters feel "betrayed by the plan."', [['We will not back down,', 'Jane Roe'], ['betrayed by the plan.', 'Jane Roe']]],
    ['an apposition between the parts', '"We will not back down," Jane Roe, a spokeswoman for the ministry, told reporters, "and the people are with us."', [['We will not back down,', 'Jane Roe'], ['and the people are with us.', 'Jane Roe']]],
    // fragments listed with and/or are objects of one verb: an attribution after the list is the next clause's
    ['a list of fragments before another clause', 'She smiled, and as Ivan Petrov went on about "how the system is rigged," and "wounded families" and "our own citizens," Jane Roe said she was tired.', [['how the system is rigged,', 'Ivan Petrov'], ['wounded families', 'Ivan Petrov'], ['our own citizens,', 'Ivan Petrov']]],
    ['a second fragment after a that-clause', 'Jane Roe said that the process was "open to all" and "fair to every viewpoint expressed."', [['open to all', 'Jane Roe'], ['fair to every viewpoint expressed.', 'Jane Roe']]],
    ['a fragment closing its sentence before the next one', 'Jane Roe called the plan “a clown show.” Ivan Petrov disagreed.', [['a clown show.', 'Jane Roe']]],
    ['a fragment after or', 'Jane Roe promised that he would not "send you to war" or "tell you who to marry."', [['send you to war', 'Jane Roe'], ['tell you who to marry.', 'Jane Roe']]],
  ])('%s', (_name, text, expected) => {
    expect(attribute(text).map((q) => [text.slice(q.start, q.end), q.speaker.mention])).toEqual(expected)
  })
})

describe('attributeSpeakers: the subject of a cue away from its verb (quotefix2 audit of PolNeAR train)', () => {
  it.each([
    ['a verb the infinitive depends on', 'But the debate was so subdued that Jane Roe was prompted to say, "So far, I cannot believe how civil it has been."', [['So far, I cannot believe how civil it has been.', 'Jane Roe', 'say']]],
    ['went on to say', 'Jane Roe went on to say: "We will win."', [['We will win.', 'Jane Roe', 'say']]],
    ['a belief verb after an infinitive keeps the main subject', 'The senator said allies wanted to know if the country is "a reliable partner in the region for years to come."', [['a reliable partner in the region for years to come.', 'The senator', 'know']]],
    ['a participle after a noun is no verb of the subject', 'Jane Roe said the amendment was a gesture intended to highlight "the path to citizenship."', [['the path to citizenship.', 'Jane Roe', 'highlight']]],
    ['an adverb between a modal and the verb', 'The scheduling was so odd that a spokesman for the senator could only quip: "I guess Christmas Eve was booked."', [['I guess Christmas Eve was booked.', 'a spokesman for the senator', 'quip']]],
    ['an adverb opening the clause without a comma', 'And then Jane Roe went fully on the attack, saying, "Is the president going to finally say it?"', [['Is the president going to finally say it?', 'Jane Roe', 'saying']]],
    ['an irregular past tense ends the subject', 'Ivan Petrov went after her on Wednesday, calling it "disqualifying" and "a disgrace."', [['disqualifying', 'Ivan Petrov', 'calling'], ['a disgrace.', 'Ivan Petrov', 'calling']]],
    ['a comma after a statement', 'Immediately after the attacks, Jane Roe issued a statement, "Last night, our nation was attacked."', [['Last night, our nation was attacked.', 'Jane Roe', null]]],
    ['a verb and its object are no subject', 'Ivan Petrov, who said the court was biased against him, issued a statement Tuesday saying, "I do not feel that way."', [['I do not feel that way.', 'Ivan Petrov', 'saying']]],
    ['an adjective in -ed opens a subject', '"We will win," said retired neurosurgeon Jane Roe, asked about the vote.', [['We will win,', 'retired neurosurgeon Jane Roe', 'said']]],
    ['a speech verb in a parenthetical links to the verb after it', 'The network, Jane Roe said, called the announcement "a mistake we regret."', [['a mistake we regret.', 'Jane Roe', 'called']]],
    ['a relative clause ending in a speech verb before the cue', 'Jane Roe, who called Ivan Petrov shortly after the winner was declared, told her supporters, "I still love this state."', [['I still love this state.', 'Jane Roe', 'told']]],
    ['a dateline before the subject', 'NEW YORK, Dec. 8 (UPI) -- Jane Roe, the campaign vice chairwoman, rallied supporters, saying: "We have to be ready."', [['We have to be ready.', 'Jane Roe', 'saying']]],
    ['a capitalised place and a dash', 'WASHINGTON — Sen. Jane Roe (R-Iowa) rallied supporters, saying: "We have to be ready."', [['We have to be ready.', 'Sen. Jane Roe (R-Iowa)', 'saying']]],
    ['a name and an apposition between dashes is no dateline', 'Former Speaker Jane Roe — a possible running mate — told the paper, "I would serve."', [['I would serve.', 'Former Speaker Jane Roe', 'told']]],
    ['a statement with a cue keeps the cue', 'Jane Roe told the paper in a written statement, "We will win."', [['We will win.', 'Jane Roe', 'told']]],
  ])('%s', (_name, text, expected) => {
    expect(attribute(text).map((q) => [text.slice(q.start, q.end), q.speaker.mention, q.cue])).toEqual(expected)
  })
})

describe('attributeSpeakers: a subject with a modifier, "it", a clause before a time word (quotefix3 audit of PolNeAR train)', () => {
  it.each([
    ['a participle phrase inside the subject', 'Another source speaking to Ivan Petrov said, "We will win."', [['We will win.', 'Another source', 'said']]],
    ['a relative clause inside the subject', 'A ministry official who spoke anonymously to discuss the talks said Wednesday, "We will win."', [['We will win.', 'A ministry official', 'said']]],
    ['an adjective taking a preposition', 'Another source familiar with the talks said, "We will win."', [['We will win.', 'Another source', 'said']]],
    ['a relative clause with a past tense', 'The voters who attended the meeting said: "We will win."', [['We will win.', 'The voters', 'said']]],
    ['a participle between commas', 'The mayor, speaking after the vote, said, "We will win."', [['We will win.', 'The mayor', 'said']]],
    ['citing between commas', 'Officials, citing the risk of unrest, said, "We will win."', [['We will win.', 'Officials', 'said']]],
    ['a participle in a fragment before "and" is no modifier', 'Jane Roe accuses Ivan Petrov of "leading from behind" and the senator says he is "losing the war."', [['leading from behind', 'Jane Roe', 'accuses'], ['losing the war.', 'the senator', 'says']]],
    ['a preposition opening the sentence heads nothing', 'Amid growing concerns about the vote Jane Roe said, "We will win."', [['We will win.', 'the vote Jane Roe', 'said']]],
    ['"it" after a quotation', 'The letter was short. "We will win," it read.', [['We will win,', 'it', 'read']]],
    ['"it" and an adverb before the cue', 'The site changed. "This is your movement," it now says.', [['This is your movement,', 'it', 'says']]],
    ['"it" and an auxiliary before the cue is no attribution', 'The site changed. "This is your movement," it was said.', [['This is your movement,', null, null]]],
    ['"it" carried to the next quotation', '"We will win," it said. "The people are with us."', [['We will win,', 'it', 'said'], ['The people are with us.', 'it', 'said']]],
    ['a clause ending in a day before a participle', 'Jane Roe rallied supporters on Monday, saying: "We will win."', [['We will win.', 'Jane Roe', 'saying']]],
    ['a clause with an irregular past before a time word', 'He went further on Tuesday, saying that in his career, "there were certainly a lot of abuses, and you look at them."', [['there were certainly a lot of abuses, and you look at them.', 'He', 'saying']]],
    ['a question and a name with an apposition after it', '"How do we win?" Jane Roe, the chairwoman for the county, said of the meeting she had last week.', [['How do we win?', 'Jane Roe', 'said']]],
    ['an exclamation, a name with an apposition, "said of"', '"Perpetual motion!" Rep. Jane Roe, R-Pa., said of the swirl of convention activities.', [['Perpetual motion!', 'Rep. Jane Roe', 'said']]],
    ['a preposition after the cue opens no inverted subject', 'The house was full. "We will win," said of the crowd around them.', [['We will win,', null, null]]],
    ['a coordinated subject of an absolute participle', 'The city was quiet, with many marchers and spectators chanting "We will win." Then more came.', [['We will win.', 'many marchers and spectators', 'chanting']]],
    ['a full sentence quoted is not attributed by the next sentence', '"It is sad," Jane Roe told reporters. "This is the culture of the campaign." Ivan Petrov said he would have fired him, according to press reports.', [['It is sad,', 'Jane Roe', 'told'], ['This is the culture of the campaign.', 'Jane Roe', 'told']]],
    ['"From X:" opening a sentence names the source', 'The panels differ. From the report: "In general, samples are small."', [['In general, samples are small.', 'the report', null]]],
    ['"More from X:" after a heading dash', 'What it means for the race - More from Jane Roe: "The state is close."', [['The state is close.', 'Jane Roe', null]]],
    ['"from X" inside a clause is no source', 'Ivan Petrov answered with a phrase that could have come from Jane Roe herself: "Do not moan to me."', [['Do not moan to me.', 'Ivan Petrov', null]]],
    ['a time phrase before the subject stays one', 'Early Monday morning, Jane Roe stood up, saying: "We will win."', [['We will win.', 'Jane Roe', 'saying']]],
  ])('%s', (_name, text, expected) => {
    expect(attribute(text).map((q) => [text.slice(q.start, q.end), q.speaker.mention, q.cue])).toEqual(expected)
  })
})

describe('attributeSpeakers: partial quotes and scare quotes', () => {
  it.each([
    ['a fragment after said', 'Jane Roe said he was "not at all surprised" by the result.', [['not at all surprised', 'Jane Roe']]],
    ['a fragment after said that', 'He also emphasized that "in this system, you must comply."', [['in this system, you must comply.', 'He']]],
    ['a characterisation', 'She called the approach the "most effective way" to finance it.', [['most effective way', 'She']]],
    ['a participle with its own subject', 'Moscow objected, with ministry spokeswoman Anna Ivanova saying it "was unacceptable."', [['was unacceptable.', 'ministry spokeswoman Anna Ivanova']]],
    ['a participle after an apposition', 'Moscow objected, with the minister’s press secretary, Ivan Petrov, stating there are ‘no grounds for talks’ now.', [['no grounds for talks', 'Ivan Petrov']]],
    ['a participle sharing the main subject', 'Jane Roe issued a statement Tuesday saying, "We will win."', [['We will win.', 'Jane Roe']]],
    ['a participle after "by"', 'Jane Roe closed her speech by saying "Thank you all."', [['Thank you all.', 'Jane Roe']]],
    ['an attribution closing the sentence', 'The plan is a "dead end for everyone involved," Jane Roe said.', [['dead end for everyone involved,', 'Jane Roe']]],
    // a noun that can name a work (plan, bill, law, treaty) before a lowercase fragment is the subject or object of
    // speech, not a title: titles are capitalised (qatext audit, 2026-12-01: these were dropped)
    ['a fragment after "the law"', 'Jane Roe said the law "will hurt families" on Monday.', [['will hurt families', 'Jane Roe']]],
    ['a fragment after "the bill" with a comma', 'Jane Roe said the bill "goes too far," and left.', [['goes too far,', 'Jane Roe']]],
    ['a characterisation of a plan', 'Jane Roe, who voted against it, called the plan "a betrayal of the east side" and said she would appeal.', [['a betrayal of the east side', 'Jane Roe']]],
    // a quotation's words are the quoted person's, never the narrative's speaker or cue (qatext audit, 2026-12-01: the
    // mention "mean-spirited" and the cue "hopes" were taken from inside the fragment before)
    ['a speaker word inside another fragment', 'The candidate stated that his “divisive” and “mean-spirited” comments do not “fit with what I knew about him.”', [['mean-spirited', 'The candidate'], ['fit with what I knew about him.', 'The candidate']]],
    ['a cue inside another fragment', 'Democrats highlighted comments Trump made in 2006 saying he “sort of hopes” the housing bubble would burst because “people like me could make a lot of money.”', [['sort of hopes', 'Democrats'], ['people like me could make a lot of money.', 'Democrats']]],
    // the same after the quote (fuzz finding "„g“w«said.»", seed 5001439: the cue of `g` lay inside the fragment)
    ['a cue inside a fragment after the quote (minimised)', '„g“w«said.»', [['g', null]]],
    ['a cue inside a fragment after the quote', '“We will win,” he «said.»', [['We will win,', null]]],
    ['a cue outside a fragment after the quote', '“We will win,” the leader said «today.»', [['We will win,', 'the leader'], ['today.', 'the leader']]],
    // and in a sentence-final attribution after the quote (fuzz finding "F“M.”ANALS,HEIS“MOANING,”LI", seed 5001932: the
    // cue of `M.` was the next fragment's own word, which then shared it)
    ['a cue inside a fragment closing the sentence (minimised)', 'F“M.”ANALS,HEIS“MOANING,”LI', []],
    ['a cue inside a fragment closing the sentence', 'The crowd was “mad.” Then, he is “moaning,” Li', []],
    ['a cue outside a fragment closing the sentence', 'The crowd was “mad,” and then, he said, “moaning,” Li', [['mad,', 'he'], ['moaning,', 'he']]],
    ['a subject crossing a title keeps its quote without a speaker', 'Jane Roe, the co-author of "Going Viral," about the spread of news, said the nation had "a somewhat unifying story" then.', [['a somewhat unifying story', null]]],
    ['a fragment inside a speaker phrase', 'A “senior” official said the deal was “dead on arrival.”', [['dead on arrival.', 'A “senior” official']]],
    ['a fragment after "the treaty" ending the sentence', 'The senator said the treaty "was a mistake from the start."', [['was a mistake from the start.', 'The senator']]],
  ])('%s', (_name, text, expected) => {
    expect(attribute(text).map((q) => [text.slice(q.start, q.end), q.speaker.mention])).toEqual(expected)
  })

  it.each([
    ['a scare quote after a determiner', 'Russia insists on a ‘neutral’ country, free from alliances.'],
    ['a quote naming a scheme', 'They agreed to an exchange under the "1000 for 1000" scheme.'],
    ['a nickname', 'He earned the “Shorty” nickname early.'],
    ['so-called', 'The so-called "peace plan" failed.'],
    ['an operation called', 'Police ran an operation called "Midas" last year.'],
    ['a term after a possessive, even with a speaker in the sentence', 'Jane Roe said Russia will persist with its ‘special military operation (SVO)’ until the end.'],
    ['a fragment with no cue or speaker in its sentence', 'The talks were stopped because the other side "ignored every attempt to talk."'],
    ['the title of a book', 'His 2012 book, "An American Son," sold well.'],
    ['the title of a plan, even with a speaker in the sentence', 'Jane Roe said the plan "Project Dawn" would start soon.'],
    ['a bare title', '"Broad City"'],
    ['a label', '"Related:"'],
  ])('drops %s', (_name, text) => {
    expect(attribute(text)).toEqual([])
  })

  it('keeps unattributed fragments when asked to', () => {
    const text = 'The talks were stopped because the other side "ignored every attempt to talk."'
    const paragraphs = paragraphsOf(text)
    expect(attributeSpeakers(text, findQuotes(text, paragraphs, findTokens(text)), {paragraphs, tokens: findTokens(text)}, {keepUnattributedPartial: true})).toHaveLength(1)
  })

  it('keeps a direct quotation without any attribution', () => {
    expect(summary('The vote is on Monday.\n"We will win, whatever they say."')).toEqual([['We will win, whatever they say.', null, null, null]])
  })
})

describe('attributeSpeakers: names and pronouns', () => {
  it('names the person inside a titled mention', () => {
    const text = '"No," Kremlin spokesman Ivan Petrov said.'
    const [quote] = attribute(text, [['Kremlin', 'ORG', 'Kremlin'], ['Ivan Petrov', 'PERSON', 'Ivan Petrov']])
    expect(quote!.speaker).toMatchObject({mention: 'Kremlin spokesman Ivan Petrov', name: 'Ivan Petrov', entityId: 'ivan-petrov'})
  })

  it('names the canonical person for a surname mention', () => {
    const text = 'Ivan Petrov spoke first. "No," Petrov said.'
    const [quote] = attribute(text, [['Ivan Petrov', 'PERSON', 'Ivan Petrov'], ['Petrov said', 'PERSON', 'Ivan Petrov']].map(([s, l, c]) => [s === 'Petrov said' ? 'Petrov' : s, l, c]) as Array<[string, EntityLabel, string]>)
    expect(quote!.speaker.name).toBe('Ivan Petrov')
  })

  it('names an organisation that heads the mention', () => {
    const [quote] = attribute('"No comment," the Foreign Ministry said.', [['Foreign Ministry', 'ORG', 'Foreign Ministry']])
    expect(quote!.speaker).toMatchObject({mention: 'Foreign Ministry', name: 'Foreign Ministry'})
  })

  it('leaves anonymous speakers unnamed even when an organisation is inside', () => {
    const [quote] = attribute('A spokesperson for the Foreign Ministry said, "No."', [['Foreign Ministry', 'ORG', 'Foreign Ministry']])
    expect(quote!.speaker).toMatchObject({mention: 'A spokesperson for the Foreign Ministry', name: null, entityId: null})
  })

  it('does not name the possessor of a role', () => {
    const [quote] = attribute('"No," Ivan Petrov’s press secretary said.', [['Ivan Petrov', 'PERSON', 'Ivan Petrov']])
    expect(quote!.speaker).toMatchObject({mention: 'Ivan Petrov’s press secretary', name: null})
  })

  it.each([
    ['the nearest person', 'Ivan Petrov met the press. "We will win," he said.', 'Ivan Petrov'],
    ['skipping a person of the other gender (honorific)', 'Mr. Ivan Petrov arrived. Ms. Jane Roe spoke next. "We will win," he said.', 'Ivan Petrov'],
    ['skipping a person of the other gender (role noun)', 'The spokeswoman, Anna Ivanova, arrived. Ivan Petrov spoke next. "We will win," she said.', 'Anna Ivanova'],
    ['skipping a person of the other gender (surname form)', 'Anna Ivanova arrived. Ivan Petrov spoke next. "We will win," she said.', 'Anna Ivanova'],
    ['skipping people named inside quotations', 'Ivan Petrov spoke. "Jane Roe is wrong," he said. "She always is," he added.', 'Ivan Petrov'],
  ])('resolves a pronoun to %s', (_name, text, expected) => {
    const quotes = attribute(text, [
      ['Ivan Petrov', 'PERSON', 'Ivan Petrov'],
      ['Jane Roe', 'PERSON', 'Jane Roe'],
      ['Anna Ivanova', 'PERSON', 'Anna Ivanova'],
    ])
    expect(quotes.at(-1)!.speaker.name).toBe(expected)
  })

  it('leaves names null when there is no entity layer', () => {
    const [quote] = attribute('"No," Ivan Petrov said.')
    expect(quote!.speaker).toMatchObject({mention: 'Ivan Petrov', name: null, entityId: null})
  })
})

describe('findAttributions', () => {
  it('reports the rule that found each speaker', () => {
    const text = '"We will win," Jane Roe said, "and soon." Ivan Petrov said: "No."'
    const paragraphs = paragraphsOf(text)
    expect(findAttributions(text, findQuotes(text, paragraphs, findTokens(text)), paragraphs, findTokens(text)).map((a) => a.rule)).toEqual(['after', 'carried', 'colon'])
  })
})

describe('attributeSpeakers: emoji and other symbols are not words', () => {
  it.each([
    ['an emoji after the speaker', '"We will win," said Jane Roe 😀 in Paris.', [['We will win,', 'Jane Roe', 'said', 'say']]],
    ['an emoji before the cue', '"We will win," Jane Roe 😀 said in Paris.', [['We will win,', 'Jane Roe', 'said', 'say']]],
    ['an emoji between cue and name', '"We will win," said 😀 Jane Roe in Paris.', [['We will win,', 'Jane Roe', 'said', 'say']]],
    ['an emoji between quote and cue', '"We will win," 😀 said Jane Roe in Paris.', [['We will win,', 'Jane Roe', 'said', 'say']]],
    ['an emoji before a colon attribution', 'Jane Roe 😀 said: "We will win."', [['We will win.', 'Jane Roe', 'said', 'say']]],
    ['a BMP star', '"We will win," said Jane Roe ★ in Paris.', [['We will win,', 'Jane Roe', 'said', 'say']]],
    ['a BMP trade mark sign', '"We will win," said Jane Roe ™ in Paris.', [['We will win,', 'Jane Roe', 'said', 'say']]],
    ['a BMP dingbat with a variation selector', '"We will win," said Jane Roe ❤️ in Paris.', [['We will win,', 'Jane Roe', 'said', 'say']]],
    ['an astral emoji with a skin tone', '"We will win," said Jane Roe 👍🏽 in Paris.', [['We will win,', 'Jane Roe', 'said', 'say']]],
    ['an astral ZWJ sequence', '"We will win," said Jane Roe 👩‍👩‍👧 in Paris.', [['We will win,', 'Jane Roe', 'said', 'say']]],
    ['a flag', '"We will win," said Jane Roe 🇫🇷 in Paris.', [['We will win,', 'Jane Roe', 'said', 'say']]],
    // the symbol bridges nothing: a quote closed by a full stop and a sentence without a speech verb stay unattributed
    ['still no cue after a full stop', '"We will win." 😀 Jane Roe visited Paris.', [['We will win.', null, null, null]]],
  ])('%s', (_name, text, expected) => {
    expect(summary(text)).toEqual(expected)
  })

  it('keeps the speaker offsets around an astral emoji', () => {
    const text = '"No," said 😀 Jane Roe 😀 in Paris.'
    const [quote] = attribute(text)
    expect(quote!.speaker).toMatchObject({mention: 'Jane Roe', start: 14, end: 22})
    expect(text.slice(quote!.speaker.start!, quote!.speaker.end!)).toBe('Jane Roe')
  })
})

// what titleCaseWords replaced: the split, the filter and a regex per word
function titleCaseReference(text: string): {words: number; capitalised: number} | null {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w))
  if (!words.every((w) => /^\P{L}*\p{Lu}/u.test(w) || /^(?:of|the|and|for|in|on|a|an|to)$/.test(w))) return null
  return {words: words.length, capitalised: words.filter((w) => /^\P{L}*\p{Lu}/u.test(w)).length}
}

describe('titleCaseWords: the words of a quotation and its Title Case, read in place', () => {
  it.each([
    ['Make America Great Again', {words: 4, capitalised: 4}],
    ['The Art of the Deal', {words: 5, capitalised: 3}],
    ['we will win', null],
    ['  Broad\u00a0City\u2003 ', {words: 2, capitalised: 2}],
    ['"Related:" 2024 — ...', {words: 1, capitalised: 1}],
    ['123 456', {words: 0, capitalised: 0}],
    ['', {words: 0, capitalised: 0}],
    ['(ABC) of', {words: 2, capitalised: 1}],
    ['the, End', null],
    ['Émile Zola', {words: 2, capitalised: 2}],
    ['éclair Zola', null],
    ['«Ça» Va', {words: 2, capitalised: 2}],
    ['Σ σ', null],
    ['\u{1d400}lpha Beta', {words: 2, capitalised: 2}],
    ['\u{1d41a}lpha Beta', null],
    ['Kyiv 😀 Post', {words: 2, capitalised: 2}],
    ['Kyiv\ufeffpost', null],
    ['x\u2028Y', null],
    ['1st Place', null],
    ['\ud800 Lone', {words: 1, capitalised: 1}],
  ])('%j', (text, expected) => {
    expect(titleCaseWords(text, 0, text.length)).toEqual(expected)
    expect(titleCaseReference(text)).toEqual(expected)
  })

  it('gives what the split and the regexes give on generated texts, inside a larger text', () => {
    const pieces = ['The', 'of', 'the', 'a', 'An', 'war', 'War', 'É', 'é', 'Ω', 'ω', '1', '—', '"', '«', '»', '(X)', 'and', 'AND', 'Σ', '\u{1d400}', '😀', ' ', '  ', '\n', '\u00a0', '\u3000', '\t', '.', "'s"]
    let seed = 7
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    for (let n = 0; n < 3000; n++) {
      let quote = ''
      for (let k = next(9); k >= 0; k--) quote += pieces[next(pieces.length)]! + (next(3) === 0 ? '' : ' ')
      const text = `ab ${quote} cd`
      expect(titleCaseWords(text, 3, 3 + quote.length)).toEqual(titleCaseReference(quote))
    }
  })
})

describe('attributeSpeakers: a mention longer than every pronoun is not lower-cased', () => {
  it('relies on lower case never being shorter than the text, for every code point', () => {
    let shorter = 0
    for (let code = 0; code <= 0x10ffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue
      const text = String.fromCodePoint(code)
      if (text.toLowerCase().length < text.length) shorter++
    }
    expect(shorter).toBe(0)
  })

  it('resolves pronoun speakers in any case, and leaves longer mentions to the entities', () => {
    const text = 'Mr. Ivan Petrov met Ms. Jane Roe. "We will win," HE said. "No," She said. "Yes," Hector said.'
    const names: Array<[string, EntityLabel, string]> = [['Ivan Petrov', 'PERSON', 'Ivan Petrov'], ['Jane Roe', 'PERSON', 'Jane Roe'], ['Hector', 'PERSON', 'Hector']]
    const quotes = attribute(text, names)
    expect(quotes.map((q) => [q.speaker.mention, q.speaker.name])).toEqual([['HE', 'Ivan Petrov'], ['She', 'Jane Roe'], ['Hector', 'Hector']])
  })
})

describe('attributeSpeakers: audit defects (coordinated cue after a quote, a preposition before a colon, a time word after a fragment)', () => {
  it.each([
    // a cue coordinated right after a quotation shares the subject of the cue that introduced it
    ['guillemets, ", and added that"', 'Maria Lopez said: «We stay», and added that the plan «is final».', [['We stay', 'Maria Lopez', 'said', 'say'], ['is final', 'Maria Lopez', 'added', 'add']]],
    ['curly quotes, comma inside', 'Maria Lopez said: “We stay,” and added that the plan “is final”.', [['We stay,', 'Maria Lopez', 'said', 'say'], ['is final', 'Maria Lopez', 'added', 'add']]],
    ['straight quotes, a participle', 'Maria Lopez said: "We stay", adding that the plan "is final".', [['We stay', 'Maria Lopez', 'said', 'say'], ['is final', 'Maria Lopez', 'adding', 'add']]],
    ['a coordinated cue introducing a second quotation', 'Maria Lopez said: “We stay”, and added: “The plan is final.”', [['We stay', 'Maria Lopez', 'said', 'say'], ['The plan is final.', 'Maria Lopez', 'added', 'add']]],
    ['a new subject before the second cue keeps its own', 'Maria Lopez said: “We stay”, and Jon Doe added that the plan “is final”.', [['We stay', 'Maria Lopez', 'said', 'say'], ['is final', 'Jon Doe', 'added', 'add']]],
    // the object of a preposition before a colon (a language, a medium) is no speaker
    ['a language after "in"', 'He spoke first in Spanish, then in English: “We stay.”', [['We stay.', 'He', null, null]]],
    ['a language with no clause subject', 'Then in English: “We stay.”', [['We stay.', null, null, null]]],
    ['a medium after "via"', 'He posted via Twitter: "We stay."', [['We stay.', 'He', 'posted', 'post']]],
    ['a name before a colon is still the speaker', 'Jane Roe: "We will win."', [['We will win.', 'Jane Roe', null, null]]],
    ['a heading whose source follows a dash', 'Turnout rose in the city - Jane Roe: “We stay.”', [['We stay.', 'Jane Roe', null, null]]],
    ['a possessor after a preposition is the source', 'In Jane Roe’s words: “We stay.”', [['We stay.', 'Jane Roe’s words', null, null]]],
    // a one-word fragment is speech when a cue and speaker attribute it; a time word after it is no noun it modifies
    ['a one-word fragment', 'She said “hello” and left.', [['hello', 'She', 'said', 'say']]],
    ['a one-word fragment before "today"', 'Café owner René Dupont said “hello” today in Paris.', [['hello', 'Café owner René Dupont', 'said', 'say']]],
    ['a one-word fragment before a weekday', 'Jane Roe said “no” Monday.', [['no', 'Jane Roe', 'said', 'say']]],
    // "once" is a conjunction as often as a time word: a fragment before it stays under the modifier rule
    ['a fragment before the conjunction "once"', 'After Jane Roe asked about it, the couple became “agitated” once the cameras were off.', []],
    ['a fragment modifying a noun is still no speech', 'Jane Roe said the “neutral” country would lose.', []],
  ])('%s', (_name, text, expected) => {
    expect(summary(text)).toEqual(expected)
  })
})

// a short fragment is read as narrative when a speaker phrase is lexed ("the “independent” panel"): one inside a speaker
// mention is a word of that phrase, not a quotation of its own (fuzz finding, docs/fuzz.md: the mention `OR“D` held the
// quote `D`, both kept)
describe('attributeSpeakers: a fragment inside a speaker mention is no quotation', () => {
  it.each([
    ['the minimised fuzz case', 'r“,”OR“D”according to', [[',', 'OR“D', 'according to', 'according to']]],
    ['a scare-quoted word in the speaker phrase', 'The reforms are “cosmetic,” according to the “independent” panel.', [['cosmetic,', 'the “independent” panel', 'according to', 'according to']]],
  ])('%s', (_name, text, expected) => {
    expect(summary(text)).toEqual(expected)
    const quotes = attribute(text)
    for (const q of quotes) for (const other of quotes) if (q.speaker.start !== null) expect(q.speaker.end! <= other.start || other.end <= q.speaker.start).toBe(true)
  })
})
