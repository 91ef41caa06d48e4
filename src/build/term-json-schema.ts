// The JSON Schema that editors use for term files, generated from the zod schema.
import { z } from 'zod';
import { termSchema } from './dictionary-schema.js';

export function termJsonSchema(): string {
  const schema = z.toJSONSchema(termSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'Netgov Lens dictionary term' }, null, 2)}\n`;
}
