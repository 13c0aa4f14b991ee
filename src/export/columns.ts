import {z} from 'zod'

/*
 * DuckDB column types derived from the same zod schemas that validate every record, through
 * their JSON Schema, so a field added to a record appears as a typed column without edits here.
 */

type JsonSchema = {
  type?: string | string[]
  anyOf?: JsonSchema[]
  enum?: unknown[]
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  const?: unknown
}

/** One column of a table: its name and DuckDB type. */
export interface Column {
  name: string
  type: string
}

/** Quotes an identifier for DuckDB SQL (field names such as `end` are keywords). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** Returns the DuckDB type of one JSON Schema node: integers as BIGINT, numbers as DOUBLE, objects as STRUCT, arrays as LIST. */
export function toDuckDbType(schema: JsonSchema): string {
  if (schema.anyOf) {
    const notNull = schema.anyOf.filter((s) => s.type !== 'null')
    if (notNull.length === 1) return toDuckDbType(notNull[0]!)
    return 'JSON'
  }
  const types = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null') : schema.type ? [schema.type] : []
  if (types.length !== 1) return 'JSON'
  switch (types[0]) {
    case 'string':
      return 'VARCHAR'
    case 'integer':
      return 'BIGINT'
    case 'number':
      return 'DOUBLE'
    case 'boolean':
      return 'BOOLEAN'
    case 'array':
      return schema.items ? `${toDuckDbType(schema.items)}[]` : 'JSON'
    case 'object': {
      const fields = Object.entries(schema.properties ?? {})
      if (fields.length === 0) return 'JSON'
      return `STRUCT(${fields.map(([name, field]) => `${quoteIdent(name)} ${toDuckDbType(field)}`).join(', ')})`
    }
    default:
      return 'JSON'
  }
}

/** Returns the columns of a record schema, in the schema's field order. */
export function columnsOf(schema: z.ZodType): Column[] {
  const json = z.toJSONSchema(schema, {io: 'output', unrepresentable: 'any'}) as JsonSchema
  if (json.type !== 'object' || !json.properties) throw new Error('a table needs an object schema')
  return Object.entries(json.properties).map(([name, field]) => ({name, type: toDuckDbType(field)}))
}
