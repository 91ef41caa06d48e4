// Short, readable citation line for a reference: "Carr, M. (2015). Power Plays ... Millennium ..."
import { toApa } from '../../core/cite.js';
import type { Reference } from '../../core/dictionary-data.js';

export function citationLine(ref: Reference): string {
  return toApa(ref).replace(/\s+https?:\/\/\S+$/, '');
}
