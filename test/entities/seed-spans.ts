/**
 * Hand-built entity spans for the seed articles, standing in for the recogniser so the resolution
 * and linking tests do not depend on a trained model: every whole-word occurrence of each string,
 * longest first, without overlaps.
 */
import {readFileSync} from 'node:fs'
import type {EntityLabel, EntitySpan} from '../../src/doc.ts'

type Entry = [string, EntityLabel]

const PEOPLE_000: Entry[] = [
  ['Volodymyr Zelenskyy', 'PERSON'], ['Maria Zakharova', 'PERSON'], ['Zakharova', 'PERSON'], ['Serhiy Kyslytsya', 'PERSON'],
  ['Vladimir Putin', 'PERSON'], ['Dmitry Peskov', 'PERSON'], ['Sergey Lavrov', 'PERSON'], ['Su Xiaohui', 'PERSON'], ['Su', 'PERSON'],
  ['Ursula von der Leyen', 'PERSON'], ['Von der Leyen', 'PERSON'], ['von der Leyen', 'PERSON'],
  ['Foreign Ministry', 'ORG'], ['Kremlin', 'ORG'], ['China Institute of International Studies', 'ORG'], ['European Commission', 'ORG'],
  ['Commission', 'ORG'], ['EU', 'ORG'], ['Euroclear', 'ORG'],
  ['Ukraine', 'LOC'], ['Russia', 'LOC'], ['Moscow', 'LOC'], ['Kyiv', 'LOC'], ['Washington', 'LOC'], ['U.S.', 'LOC'], ['Budapest', 'LOC'],
  ['Istanbul', 'LOC'], ['Europe', 'LOC'], ['Belgium', 'LOC'], ['Zaporizhzhia', 'LOC'],
  ['Russian', 'MISC'], ['Ukrainian', 'MISC'], ['Western', 'MISC'],
  ['€6 billion', 'MISC'],
]

const PEOPLE_001: Entry[] = [
  ['Rodion Miroshnik', 'PERSON'], ['Miroshnik', 'PERSON'], ['Vladimir Putin', 'PERSON'], ['Marta Hurtado', 'PERSON'], ['Dmitry Peskov', 'PERSON'],
  ['Donald Trump', 'PERSON'], ['Trump', 'PERSON'], ['Marco Rubio', 'PERSON'], ['Vladimir Oleinik', 'PERSON'], ['Oleinik', 'PERSON'],
  ['Timur Mindich', 'PERSON'], ['Mindich', 'PERSON'], ['German Galushchenko', 'PERSON'], ['Svetlana Grinchuk', 'PERSON'],
  ['Vladimir Zelensky', 'PERSON'], ['Zelensky', 'PERSON'], ['Yermak', 'PERSON'],
  ['Foreign Ministry', 'ORG'], ['Izvestia', 'ORG'], ['UN', 'ORG'], ['UN Human Rights Office', 'ORG'], ['United Nations High Commissioner for Human Rights', 'ORG'],
  ['OHCHR', 'ORG'], ['Kremlin', 'ORG'], ['European Union', 'ORG'], ['National Anti-Corruption Bureau', 'ORG'], ['NABU', 'ORG'],
  ["Specialized Anti-Corruption Prosecutor's Office", 'ORG'], ['Energoatom', 'ORG'], ['Ministry of Defense of Ukraine', 'ORG'],
  ['Ukraine', 'LOC'], ['Moscow', 'LOC'], ['Kiev', 'LOC'], ['United States', 'LOC'], ['Russia', 'LOC'], ['Istanbul', 'LOC'], ['Brussels', 'LOC'], ['Europe', 'LOC'],
  ['Russian', 'MISC'], ['Ukrainian', 'MISC'], ['American', 'MISC'],
]

const PEOPLE_002: Entry[] = [
  ['Sergiy Kyslytsya', 'PERSON'], ['Kyslytsya', 'PERSON'], ['Vladimir Putin', 'PERSON'], ['Volodymyr Zelenskyy', 'PERSON'], ['The Times', 'ORG'],
  ['Ukraine', 'LOC'], ['Russia', 'LOC'], ['Istanbul', 'LOC'], ['Moscow', 'LOC'], ['Kyiv', 'LOC'], ['Türkiye', 'LOC'],
  ['Russian', 'MISC'], ['Ukrainian', 'MISC'],
]

const PEOPLE_003: Entry[] = [
  ['Vladimir Putin’s', 'PERSON'], ['Dmitry Peskov', 'PERSON'], ['Peskov', 'PERSON'], ['Sergey Kislya', 'PERSON'], ['Kislya’s', 'PERSON'], ['Kislya', 'PERSON'],
  ['TASS', 'ORG'], ['State Duma', 'ORG'], ['Russia', 'LOC'], ['Ukraine’s', 'LOC'], ['Ukraine', 'LOC'], ['Kyiv', 'LOC'], ['Moscow', 'LOC'], ['Istanbul', 'LOC'],
  ['Kharkiv', 'LOC'], ['Russian', 'MISC'], ['Ukrainian', 'MISC'],
]

/** The seed documents, by file name, with their hand-built entries. */
export const SEED_ENTRIES: Record<string, Entry[]> = {
  '000_bf559d445b3d4308.txt': PEOPLE_000,
  '001_e3b7a759f26948d1.txt': PEOPLE_001,
  '002_ca2a2e5aed6c484b.txt': PEOPLE_002,
  '003_e47be675eeaa7a6e.txt': PEOPLE_003,
}

/** Every whole-word occurrence of each entry's string, longest strings first, overlaps dropped. */
export function spansFor(text: string, entries: readonly Entry[]): EntitySpan[] {
  const spans: EntitySpan[] = []
  for (const [needle, label] of [...entries].sort((a, b) => b[0].length - a[0].length)) {
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      const end = at + needle.length
      const wordBefore = at > 0 && /[\p{L}\p{N}]/u.test(text[at - 1])
      const wordAfter = end < text.length && /[\p{L}\p{N}]/u.test(text[end])
      if (wordBefore || wordAfter) continue
      if (spans.some((s) => s.start < end && at < s.end)) continue
      spans.push({start: at, end, label})
    }
  }
  return spans.sort((a, b) => a.start - b.start)
}

/** Reads a seed article from the repository's corpus folder. */
export function readSeed(name: string): string {
  return readFileSync(new URL(`../../corpus/${name}`, import.meta.url), 'utf8')
}
