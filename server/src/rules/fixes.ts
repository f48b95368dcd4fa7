import type { Source } from '../model/arch-model.js';
import type { Finding } from './rule.js';

/**
 * The fix fields of a finding whose cure is one property: inserted into the block, or replacing
 * the property when it is already written (so the fix never causes `duplicate-property`).
 */
export function propertyFix(decl: Pick<Source, 'properties'>, keyword: string, snippet: string, title: string): Pick<Finding, 'insert' | 'replace' | 'fixTitle'> {
    const replace = decl.properties[keyword];
    return { insert: snippet, replace, fixTitle: replace ? title.replace(/^Add /, 'Set ') : title };
}

/** "1 replica", "3 instances": counts in messages. */
export function count(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `a, b and c`, cut after `max` names so that messages (and their cost) stay short. */
export function listNames(names: readonly string[], max = 5): string {
    const shown = names.slice(0, max);
    const rest = names.length - shown.length;
    if (rest > 0) return `${shown.join(', ')} and ${count(rest, 'other')}`;
    return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
