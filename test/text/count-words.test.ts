import {describe, expect, it} from 'vitest'
import {countWords} from '../../src/text/count-words.ts'

describe('countWords', () => {
  it.each([
    ['spaced words and numbers', 'The council approved a €6 billion budget on 12 March.', 10],
    ['nothing but punctuation', ' — … ', 0],
    // written without spaces: one word per two characters of the script (a run of them was one word)
    ['Chinese', '总理星期四表示政府将拨款', 6],
    ['Japanese kanji and kana', '首相は木曜日に述べた', 5],
    ['Thai', 'นายกรัฐมนตรี', 6],
    ['Chinese punctuation is no character of a word', '总理表示，政府拨款。', 4],
    ['a Latin name inside Chinese', '总理对BBC记者说', 4],
    // Korean is written with spaces: its words stay runs
    ['Korean', '총리는 목요일 정부가 밝혔다', 4],
  ])('%s', (_name, text, words) => {
    expect(countWords(text)).toBe(words)
  })
})

