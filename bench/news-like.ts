// Deterministic news-like text for benchmarks: prose, the numbers news is full of (dates, times,
// percentages, counts, scores, phone and licence numbers) and money in many written forms. About a
// third of the sentences carry a monetary figure, which is denser than general news and close to
// business news; the seed articles that the benchmark mixes in carry far fewer.

import {mulberry32} from '../tools/lib/random.ts'

// re-exported: the benches that generate text take the generator from here with the text
export {mulberry32}

/** `paragraphs` paragraphs of generated news, separated by blank lines. */
export function generateNews(random: () => number, paragraphs: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  const n = (max: number): number => 1 + Math.floor(random() * max)
  const dec = (): string => `${n(900)}.${n(9)}${n(9)}`
  const figures = [
    () => `$${dec()} billion`, () => `€${n(90)}bn`, () => `£${n(500)}m`, () => `US$${n(90)}.${n(9)} million`, () => `${n(900)} million euros`,
    () => `${n(50)},${String(n(999)).padStart(3, '0')} yuan`, () => `Rs ${n(90)} crore`, () => `CHF ${dec()} million`, () => `$${n(90)}-${n(90) + 90} million`,
    () => `between €${n(9)} billion and €${n(9) + 9} billion`, () => `${pick(['six', 'twenty', 'half a', 'a'])} billion dollars`, () => `${n(99)} cents`,
    () => `¥${n(900)} billion`, () => `₹${n(90)},${String(n(999)).padStart(3, '0')} crore`, () => `C$${n(90)}m`, () => `${n(900)} pence`,
  ]
  const qualifiers = ['', '', '', 'about ', 'more than ', 'nearly ', 'up to ', 'an estimated ']
  const who = ['the company', 'the ministry', 'the central bank', 'the group', 'the fund', 'the regulator', 'the bank', 'officials', 'the president', 'analysts', 'the opposition', 'local authorities']
  const said = ['said', 'told reporters', 'announced', 'warned', 'confirmed', 'said in a statement', 'wrote on social media']
  const topics = ['the proposal', 'the reform', 'the negotiations', 'the investigation', 'the new rules', 'the agreement', 'the project', 'the election', 'the merger', 'the strike']
  const outcomes = ['would be reviewed by parliament', 'had stalled over the summer', 'was expected to conclude soon', 'faced strong opposition', 'would not change the schedule', 'remained on track despite the delays', 'could be revised after consultations']
  const money = [
    () => `${pick(who)} ${pick(said)} on ${pick(['Monday', 'Tuesday', 'Thursday'])} that it would spend ${pick(qualifiers)}${pick(figures)()} on ${pick(topics)}.`,
    () => `Revenue rose ${n(30)}.${n(9)}% to ${pick(figures)()} in the ${pick(['first', 'second', 'third', 'fourth'])} quarter, while operating profit fell ${n(20)}% from a year earlier.`,
    () => `The deal values the business at ${pick(figures)()} (${pick(figures)()}), including debt.`,
    () => `Oil traded at $${n(90)}.${n(9)}${n(9)} a barrel, and the shares closed at ${pick(figures)()}.`,
    () => `The club paid ${pick(qualifiers)}${pick(figures)()} for the striker in ${1990 + n(34)}.`,
    () => `Losses were put at ${pick(figures)()} by ${pick(['insurers', 'analysts', 'the government'])}.`,
  ]
  const numbers = [
    () => `The first meeting took place on ${pick(['May', 'June', 'October'])} ${n(28)}, ${2000 + n(25)}, and lasted ${n(24)} hours.`,
    () => `Inflation slowed to ${n(9)}.${n(9)} percent in ${pick(['March', 'April', 'September'])}, citing ${n(12)} of ${n(20)} categories.`,
    () => `The team won ${n(5)}-${n(5)} in front of ${n(80)},${String(n(999)).padStart(3, '0')} fans.`,
    () => `Call the hotline on 0${n(99)}-${10000000 + n(89999999)} or quote licence number ${1000000000 + n(8999999999)}.`,
    () => `About ${n(300)} people were evacuated and ${n(40)} buildings were damaged, ${pick(who)} ${pick(said)} at ${n(12)}:${String(n(59)).padStart(2, '0')} local time.`,
    () => `The exchange followed the "${n(1000)} for ${n(1000)}" scheme agreed in ${2000 + n(25)}.`,
  ]
  const prose = [
    () => `${pick(who)} ${pick(said)} that ${pick(topics)} ${pick(outcomes)}.`,
    () => `"We will not accept ${pick(topics)} in its current form," ${pick(who)} ${pick(said)}.`,
    () => `Critics argue that ${pick(topics)} ${pick(outcomes)}, while supporters say it is long overdue.`,
    () => `It was not immediately clear whether ${pick(topics)} ${pick(outcomes)}.`,
  ]
  const out: string[] = []
  for (let p = 0; p < paragraphs; p++) {
    const sentences: string[] = []
    for (let s = 0, k = 2 + n(4); s < k; s++) {
      const r = random()
      const sentence = r < 0.34 ? pick(money)() : r < 0.6 ? pick(numbers)() : pick(prose)()
      sentences.push(sentence[0]!.toUpperCase() + sentence.slice(1))
    }
    out.push(sentences.join(' '))
  }
  return out.join('\n\n')
}
