// npm run dict:schema: writes dictionary/schema/term.schema.json (a unit test checks it is current).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { termJsonSchema } from '../src/build/term-json-schema.js';
import { dictionaryRoot } from './dictionary-build.js';

const target = join(dictionaryRoot, 'schema', 'term.schema.json');
writeFileSync(target, termJsonSchema());
console.log(`wrote ${target}`);
