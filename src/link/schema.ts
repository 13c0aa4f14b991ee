import {z} from 'zod'
import {ENTITY_LABELS} from '../doc.ts'

/** One entity of the corpus-wide index the linker writes: its final id, names, roles and how its spellings were joined. */
export const EntityIndexEntry = z
  .object({
    entityId: z.string().min(1),
    label: z.enum(ENTITY_LABELS),
    canonical: z.string().min(1).describe('the most frequent spelling of the most mentioned name'),
    aliases: z.array(z.string()).describe('other spellings joined to this entity, sorted'),
    roles: z.array(z.string()).describe('roles written next to the entity, most frequent first (at most 10)'),
    mentions: z.number().int().nonnegative(),
    documents: z
      .number()
      .int()
      .nonnegative()
      .describe('documents mentioning the entity (a document that uses two of its spellings counts once per spelling)'),
    merges: z
      .array(z.object({alias: z.string(), rule: z.string()}))
      .describe('each joined spelling and the rule that joined it (link:translit-key, link:place-variant, ...)'),
  })
  .describe('entity-index.jsonl: one entity across the corpus')
export type EntityIndexEntry = z.infer<typeof EntityIndexEntry>
