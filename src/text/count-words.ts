/**
 * Word counts for deciding what a block of a page is (an article's paragraph, a prompt, a teaser), in any script:
 * the HTML reader (src/io/html.ts) and the Readability adapter's wall, prompt and section rules count alike.
 */

const WORD = /[\p{L}\p{N}]+/gu
// scripts written without spaces between words (Chinese, Japanese kana and kanji, Thai, Lao, Khmer, Myanmar): to WORD a
// whole sentence of them is one word, so a Chinese or Japanese story had no paragraph of 8 words and was refused as
// ingest:no-article; in them a word is counted per two characters (Chinese words average about 1.5 to 2 characters)
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/gu
const HAS_UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u

/** Counts the words of a text: runs of letters and digits, and one per two characters of scripts written without spaces. */
export function countWords(text: string): number {
  if (!HAS_UNSPACED.test(text)) return text.match(WORD)?.length ?? 0
  let unspaced = 0
  const spaced = text.replace(UNSPACED, () => {
    unspaced++
    return ' '
  })
  return (spaced.match(WORD)?.length ?? 0) + Math.ceil(unspaced / 2)
}
