/**
 * The money stage's options, apart from its code: the command line checks them before it starts any thread
 * (pipelines/catalog.ts), so they must load without the money finder.
 */
import {z} from 'zod'
import {ISO_CODES} from './iso-codes.ts'

/** Options for the money stage (`createMoney` in src/stages/money.ts). */
export const MoneyOptions = z
  .object({
    /** ISO 4217 code a bare `$`, "dollars" or "cents" stands for (marked currencyAssumed) */
    defaultDollar: z
      .string()
      .regex(/^[A-Z]{3}$/, 'defaultDollar must be an ISO 4217 code such as USD or CAD')
      .refine((code) => ISO_CODES.has(code), {error: (issue) => `defaultDollar "${String(issue.input)}" is not an ISO 4217 currency code (USD, CAD, AUD, …)`})
      .default('USD'),
  })
  .strict()
/** Input type of {@link MoneyOptions}. */
export type MoneyOptions = z.input<typeof MoneyOptions>
