import {describe, expect, it} from 'vitest'
import {findRoleAfter, findRoleBefore, splitTitle} from '../../src/entities/role-phrase.ts'
import {findTokens} from '../../src/segment/segment-text.ts'

/** The role before the first occurrence of `name` in `text`. */
function before(text: string, name: string): string | undefined {
  const start = text.indexOf(name)
  return findRoleBefore(text, findTokens(text), start, start + name.length, name.includes(' '))?.text
}

function after(text: string, name: string): string | undefined {
  return findRoleAfter(text, findTokens(text), text.indexOf(name) + name.length)?.text
}

describe('findRoleBefore', () => {
  it.each([
    ['Kremlin spokesman Dmitry Peskov said.', 'Dmitry Peskov', 'Kremlin spokesman'],
    ['It said, with Russian Foreign Ministry spokesperson Maria Zakharova saying no.', 'Maria Zakharova', 'Russian Foreign Ministry spokesperson'],
    ["Ukraine's First Deputy Foreign Minister Serhiy Kyslytsya said he was.", 'Serhiy Kyslytsya', "Ukraine's First Deputy Foreign Minister"],
    ['Foreign Minister Sergey Lavrov said.', 'Sergey Lavrov', 'Foreign Minister'],
    ['US Secretary of State Marco Rubio, in fact, stressed.', 'Marco Rubio', 'US Secretary of State'],
    ['suspended, First Deputy Foreign Minister of Ukraine Sergiy Kyslytsya said.', 'Sergiy Kyslytsya', 'First Deputy Foreign Minister of Ukraine'],
    ['with President Vladimir Putin’s press secretary, Dmitry Peskov, stating', 'Dmitry Peskov', 'President Vladimir Putin’s press secretary'],
    ['involved, as well as the Minister of Justice of Ukraine, German Galushchenko, and', 'German Galushchenko', 'Minister of Justice of Ukraine'],
    ['to push Russian President Vladimir Putin and Ukrainian President Volodymyr Zelenskyy toward', 'Volodymyr Zelenskyy', 'Ukrainian President'],
    ['On November 10, businessman Timur Mindich also left.', 'Timur Mindich', 'businessman'],
    ['Trade and Industry Minister Jane Roe said.', 'Jane Roe', 'Trade and Industry Minister'],
    // roles reaching further back than the first, short look before the name
    [
      'Yesterday the First Deputy Prime Minister and Minister of Digital Transformation of Ukraine Jane Roe said.',
      'Jane Roe',
      'Minister of Digital Transformation of Ukraine',
    ],
    [
      'The Deputy Head of the Office of the United Nations High Commissioner for Human Rights Jane Roe said.',
      'Jane Roe',
      'Deputy Head of the Office of the United Nations High Commissioner for Human Rights',
    ],
    [
      'the European Union Special Representative for the Middle East Peace Process, Jane Roe, said',
      'Jane Roe',
      'European Union Special Representative for the Middle East Peace Process',
    ],
    ['Officials in https://example.org/a-very-long-path-without-any-spaces-at-all-here/x Minister Jane Roe said.', 'Jane Roe', 'Minister'],
  ])('%s', (text, name, expected) => {
    expect(before(text, name)).toBe(expected)
  })

  it.each([
    ['On Monday Jane Roe said.', 'Jane Roe'],
    ['Speaking to the minister, Roe said.', 'Roe'],
    ['It was reported by Jane Roe.', 'Jane Roe'],
    ['Asked about the president, Jane Roe smiled and left', 'Jane Roe'],
  ])('no role: %s', (text, name) => {
    expect(before(text, name)).toBeUndefined()
  })
})

describe('findRoleAfter', () => {
  it.each([
    ["Rodion Miroshnik, the Russian Foreign Ministry's ambassador-at-large for crimes committed", 'Rodion Miroshnik', "Russian Foreign Ministry's ambassador-at-large"],
    [
      'Marta Hurtado, a spokeswoman for the Office of the United Nations High Commissioner for Human Rights (OHCHR), told',
      'Marta Hurtado',
      'spokeswoman for the Office of the United Nations High Commissioner for Human Rights',
    ],
    ['Su Xiaohui, associate research fellow at the China Institute of International Studies, said', 'Su Xiaohui', 'associate research fellow at the China Institute of International Studies'],
    ['Jane Roe, Kremlin spokesman, said', 'Jane Roe', 'Kremlin spokesman'],
    // decided only past the first stretch of words the finder reads
    ['Jane Roe, an adviser to the Committee on Foreign Affairs and Defence Policy, said', 'Jane Roe', 'adviser to the Committee on Foreign Affairs and Defence Policy'],
    ['Jane Roe, the longtime senior deputy chief executive officer of Acme, said', 'Jane Roe', 'longtime senior deputy chief executive officer of Acme'],
  ])('%s', (text, name, expected) => {
    expect(after(text, name)).toBe(expected)
  })

  it.each([
    ['Vladimir Oleinik, a member of the council of the association, told'],
    ['Asked about Jane Roe, President John Doe said'],
    ['Jane Roe, John Doe and Mary Major met'],
    // no head among the first eight words, which run past the first stretch the finder reads
    ['Jane Roe, Northumberland Westmoreland Cumberland Lancashire Yorkshire Lincolnshire Staffordshire Warwickshire Derbyshire minister, said'],
  ])('no role: %s', (text) => {
    const name = text.includes('Vladimir') ? 'Vladimir Oleinik' : 'Jane Roe'
    expect(after(text, name)).toBeUndefined()
  })
  // where the comma is decided: across spaces and tabs, never across a line break, at most 240 characters on
  it.each([
    ['Jane Roe , Kremlin spokesman, said', 'Kremlin spokesman'],
    ['Jane Roe \t, Kremlin spokesman, said', 'Kremlin spokesman'],
    ['Jane Roe\n, Kremlin spokesman, said', undefined],
    ['Jane Roe  \n  , Kremlin spokesman, said', undefined],
    ['Jane Roe\u00a0, Kremlin spokesman, said', 'Kremlin spokesman'],
    [`Jane Roe${' '.repeat(239)}, Kremlin spokesman`, undefined],
    [`Jane Roe${' '.repeat(200)}, Kremlin spokesman`, 'Kremlin spokesman'],
    ['Jane Roe, Kremlin spokesman\nfor years', 'Kremlin spokesman'],
    ['Jane Roe', undefined],
    ['Jane Roe   ', undefined],
    ['Jane Roe,', undefined],
  ])('%j -> %j', (text, expected) => {
    expect(after(text, 'Jane Roe')).toBe(expected)
  })
})

describe('splitTitle', () => {
  it.each([
    ['President Vladimir Putin', 'Vladimir Putin', 'President'],
    ['Kremlin spokesman Dmitry Peskov', 'Dmitry Peskov', 'Kremlin spokesman'],
    ['Mr. Putin', 'Putin', undefined],
    ['Gen. Valery Gerasimov', 'Valery Gerasimov', 'Gen.'],
    ['Deputy Foreign Minister Jane Roe', 'Jane Roe', 'Deputy Foreign Minister'],
    ['Stephen King', 'Stephen King', undefined],
    ['Stephen King Jr', 'Stephen King Jr', undefined],
    ['Putin’s', 'Putin', undefined],
    ['Dmitry Peskov', 'Dmitry Peskov', undefined],
  ])('%s', (span, name, role) => {
    const split = splitTitle(span, findTokens(span), 0, span.length)
    expect(span.slice(split.nameStart, split.nameEnd)).toBe(name)
    expect(split.role ? span.slice(split.role.start, split.role.end) : undefined).toBe(role)
  })
})
