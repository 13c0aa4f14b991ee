/**
 * Names in an all-caps document (docs/all-caps.md). The tagger is not retrained for capitals; these rules put back
 * what mixed case tells it and capitals hide:
 * - a determiner stays out of a name ("THE UNITED NATIONS" -> "UNITED NATIONS"), as in mixed case, and so do a
 *   preposition and a conjunction ("OF"). A title that begins with "The" ("The Real Deal") loses it too: in capitals
 *   the two cannot be told apart;
 * - a speech verb ("THE PRESIDENT SAID": "SAID" read as a PERSON) and an abbreviated title or honorific standing alone
 *   ("SEN.", "REP.") are no names, and such a title before a name stays out of it, as mixed case keeps "Sen." out;
 * - a name the tagger missed after a title or a role ("SEN. DOLE", "MINISTER OF UKRAINE JANE ROE SAID") is a PERSON
 *   when its shape says so: after an abbreviated title or an honorific, the next word (two with a given name first);
 *   after a role noun, a given name and one more word, or two or three words right before a speech verb;
 * - a surname of a PERSON named in full in the document, standing alone elsewhere, is that PERSON ("ROE SAID"), as
 *   the tagger's own consistency pass does for capitalised words in mixed case.
 */
import {isNameLabel, type EntitySpan, type Token} from '../doc.ts'
import {isGivenName} from '../ner/given-name-list.ts'
import {isHonorific, isRoleAbbreviation, isRoleHead, isRoleModifier} from '../names/roles.ts'
import {lookupCue} from '../quotes/cues.ts'
import {readRoleWords, type Word} from './words.ts'

// "THE" or a preposition or conjunction and the white space after it, at a mention's start: mixed case keeps them out
// of a name ("of Arcadia Jane Roe" reads "Arcadia Jane Roe"), capitals do not
const LEADING_WORDS = 'THE|OF|AND|IN|ON|AT|TO|FOR|BY|WITH|FROM'
const LEADING_WORD = new RegExp(`^(?:${LEADING_WORDS})\\s+`)
// a mention that is only one of those words is no name
const ONLY_LEADING_WORD = new RegExp(`^(?:${LEADING_WORDS})$`)
// an abbreviated title or an honorific and the white space after it, at a mention's start ("SEN. ", "MR ")
const LEADING_TITLE = /^(\p{L}+\.?)\s+/u
// a possessive after a name's last word, kept out of its surname ("ROE'S")
const POSSESSIVE = /['’]S$/
// what stands between two words of one clause: spaces, at most one line break (a comma, a quotation mark, a dash and
// a blank line end it)
const SAME_CLAUSE = /^(?:[ \t]+|[ \t]*\n[ \t]*)$/
// how far before a name a role noun may stand ("FIRST DEPUTY FOREIGN MINISTER OF UKRAINE JANE ROE")
const ROLE_REACH = 5
// words that are in no name: function words, pronouns, modals and auxiliaries
const NOT_NAME = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'from', 'by', 'as', 'and', 'or', 'but', 'nor', 'if', 'that', 'this', 'these', 'those',
  'who', 'whom', 'whose', 'which', 'what', 'when', 'where', 'why', 'how', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have',
  'had', 'do', 'does', 'did', 'will', 'would', 'shall', 'should', 'may', 'might', 'can', 'could', 'must', 'not', 'no', 'he', 'she', 'it', 'they',
  'we', 'you', 'i', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'him', 'them', 'us', 'me', 'also', 'then', 'now', 'said', 'says', 'after',
  'before', 'into', 'over', 'under', 'about', 'against', 'between', 'during', 'without', 'within', 'than', 'so', 'there', 'here', 'all', 'some',
  'any', 'each', 'every', 'both', 'more', 'most', 'new', 'last', 'next', 'today', 'yesterday', 'tomorrow',
])

// an abbreviated title or an honorific as written ("SEN.", "MR.", "MR"): what may stand before a name and is none
function isTitleWord(word: string): boolean {
  return isRoleAbbreviation(word) || isHonorific(word)
}

// a speech verb's inflected form ("SAID", "SAYS", "TOLD", "ADDED"): the base form is often a noun ("A REPORT")
function isSpeechVerb(lower: string): boolean {
  const cue = lookupCue(lower)
  return cue !== undefined && cue.class === 'speech' && cue.form !== 'base'
}

function couldBeName(w: Word): boolean {
  return w.kind === 'word' && w.end - w.start >= 2 && !w.text.endsWith('.') && !NOT_NAME.has(w.lower) && !isRoleHead(w.lower) && !isRoleModifier(w.lower) && !isTitleWord(w.text) && !isRoleAbbreviation(`${w.text}.`) && !isSpeechVerb(w.lower)
}

/**
 * Finds the name mentions of an all-caps text as mixed case would give them: a leading "THE" trimmed (a mention that
 * is only "THE" dropped), speech verbs and lone titles dropped, a title kept out of a name, names after titles and
 * roles and lone surnames of named persons added as PERSON (see the module's note).
 */
export function findTrimmedNames(text: string, tokens: readonly Token[], names: readonly EntitySpan[]): EntitySpan[] {
  const kept: EntitySpan[] = []
  for (const name of names) {
    if (!isNameLabel(name.label)) {
      kept.push(name)
      continue
    }
    let start = name.start
    for (let m = LEADING_WORD.exec(text.slice(start, name.end)); m !== null; m = LEADING_WORD.exec(text.slice(start, name.end))) start += m[0].length
    // an abbreviated title or an honorific at the start stays out, as in mixed case ("SEN. JANE ROE" -> "JANE ROE")
    for (let m = LEADING_TITLE.exec(text.slice(start, name.end)); m !== null && isTitleWord(m[1]!); m = LEADING_TITLE.exec(text.slice(start, name.end))) start += m[0].length
    const rest = text.slice(start, name.end)
    if (ONLY_LEADING_WORD.test(rest)) continue
    // a lone speech verb or title is no name ("REP." may come with its period)
    const bare = rest.endsWith('.') ? rest.slice(0, -1) : rest
    if (/^\p{L}+$/u.test(bare) && (isSpeechVerb(bare.toLowerCase()) || isTitleWord(text[start + bare.length] === '.' ? `${bare}.` : bare))) continue
    kept.push(start === name.start ? name : {...name, start})
  }
  return addCapitalsPersons(text, tokens, kept)
}

// names the tagger missed after a title or role, then lone surnames of persons named in full
function addCapitalsPersons(text: string, tokens: readonly Token[], names: EntitySpan[]): EntitySpan[] {
  // the words of the token layer, punctuation among them: two words of one clause stand side by side
  const words = readRoleWords(text, tokens, 0, text.length)
  const added: EntitySpan[] = []
  const taken = (w: Word) => names.some((n) => n.start < w.end && n.end > w.start) || added.some((n) => n.start < w.end && n.end > w.start)
  const sameClause = (i: number) => i > 0 && i < words.length && words[i - 1]!.kind !== 'punct' && words[i]!.kind !== 'punct' && SAME_CLAUSE.test(text.slice(words[i - 1]!.end, words[i]!.start))
  const free = (i: number) => i < words.length && couldBeName(words[i]!) && !taken(words[i]!)
  for (let i = 1; i < words.length; i++) {
    if (!free(i) || !sameClause(i)) continue
    const before = words[i - 1]!
    let length = 0
    // after an abbreviated title or an honorific: the next word, two with a given name first
    if (isTitleWord(before.text)) length = isGivenName(words[i]!.lower) && free(i + 1) && sameClause(i + 1) ? 2 : 1
    else if ((isRoleHead(before.lower) || taken(before)) && hasRoleBefore(words, i, sameClause)) {
      // after a role noun (or a place or body after one: "MINISTER OF UKRAINE"): a given name and one more word, or
      // two or three words right before a speech verb
      let run = 1
      while (run < 3 && free(i + run) && sameClause(i + run)) run++
      const next = words[i + run]
      if (run >= 2 && next !== undefined && sameClause(i + run) && isSpeechVerb(next.lower)) length = run
      else if (run >= 2 && isGivenName(words[i]!.lower)) length = 2
    }
    if (length === 0) continue
    added.push({start: words[i]!.start, end: words[i + length - 1]!.end, label: 'PERSON'})
    i += length - 1
  }
  const all = [...names, ...added]
  // lone surnames of the persons named in full (two words or more)
  const surnames = new Set<string>()
  for (const n of all) {
    if (n.label !== 'PERSON') continue
    const parts = text.slice(n.start, n.end).replace(POSSESSIVE, '').split(/\s+/)
    if (parts.length >= 2 && parts[parts.length - 1]!.length >= 2) surnames.add(parts[parts.length - 1]!)
  }
  if (surnames.size > 0) {
    for (const w of words) {
      if (!surnames.has(w.text) || !couldBeName(w) || taken(w)) continue
      const span = {start: w.start, end: w.end, label: 'PERSON' as const}
      added.push(span)
      all.push(span)
    }
  }
  return added.length === 0 ? names : all.sort((a, b) => a.start - b.start || a.end - b.end)
}

// a role noun within reach before word `i`, in the same clause ("FOREIGN MINISTER OF UKRAINE" before a name)
function hasRoleBefore(words: readonly Word[], i: number, sameClause: (i: number) => boolean): boolean {
  for (let j = i - 1; j >= 0 && j >= i - ROLE_REACH; j--) {
    if (isRoleHead(words[j]!.lower)) return true
    if (!sameClause(j)) return false
  }
  return false
}
