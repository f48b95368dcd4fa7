import type { SourceLocation } from '../model/arch-model.js';
import type { ModelDiagnostic } from '../model/diagnostic.js';
import type { ModelFragment } from '../model/model-builder.js';

/**
 * Readiness after an edit that changed nothing the rules read.
 *
 * The rules read the ArchModel, never the syntax tree, and none of them reads what people type
 * most: the titles and descriptions of elements, flows, data, constraints, decisions, deployments
 * and views (test/rules/reuse.test.ts runs every rule on models that record such reads). Nor does
 * any rule decide anything from a position: positions only travel into the diagnostics, as the
 * model's own position objects. So when the fragments of a model differ from those of the last
 * run only in such text and in positions (typing in a title or a comment, a line added or
 * removed), the rules would find the same things: the last diagnostics are reused, each position
 * object of a changed fragment swapped for its counterpart in the new fragment.
 */

/** Per fragment list (what the model is combined from): the fields no rule reads. */
export const UNREAD_FIELDS: Readonly<Record<Exclude<keyof ModelFragment, 'uri'>, ReadonlySet<string>>> = {
    architecture: new Set(['description']), // its title names it in messages
    requirements: new Set(['description']), // scalability findings quote the title
    elements: new Set(['title', 'description']),
    flows: new Set(['description']),
    constraints: new Set(['title', 'description']),
    data: new Set(['title', 'description']),
    deployments: new Set(['title', 'description']),
    decisions: new Set(['title', 'description']),
    views: new Set(['title', 'description'])
};

/**
 * The diagnostics the rules would give on `fragments`, from those they gave on `before` (the same
 * files, in the same order), or undefined when some fragment changed in what the rules read.
 */
export function reuseDiagnostics(before: readonly ModelFragment[], diagnostics: readonly ModelDiagnostic[], fragments: readonly ModelFragment[]): ModelDiagnostic[] | undefined {
    if (before.length !== fragments.length) return undefined;
    const moved = new Map<object, object>();
    for (let i = 0; i < fragments.length; i++) {
        const [a, b] = [before[i], fragments[i]];
        if (a === b) continue;
        if (a.uri !== b.uri) return undefined;
        for (const list of Object.keys(UNREAD_FIELDS) as (keyof typeof UNREAD_FIELDS)[]) {
            if (!correspond(a[list], b[list], UNREAD_FIELDS[list], moved)) return undefined;
        }
    }
    return moved.size === 0 ? [...diagnostics] : diagnostics.map(d => swap(d, moved));
}

/**
 * Whether `a` and `b` are the same data apart from positions and the `unread` fields; records in
 * `moved` each object of `a` with its counterpart in `b`.
 */
function correspond(a: unknown, b: unknown, unread: ReadonlySet<string>, moved: Map<object, object>): boolean {
    if (a === b) return true;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (isPosition(a) && isPosition(b)) {
        moved.set(a, b);
        return true;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length) return false;
        for (let i = 0; i < a.length; i++) if (!correspond(a[i], b[i], unread, moved)) return false;
    } else {
        const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
        const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
        for (const key of keys) {
            if (unread.has(key)) continue;
            if (!correspond(x[key], y[key], unread, moved)) return false;
        }
    }
    moved.set(a, b);
    return true;
}

function isPosition(value: object): value is { line: number; character: number } {
    return typeof (value as { line?: unknown }).line === 'number' && typeof (value as { character?: unknown }).character === 'number';
}

/**
 * The diagnostic with each position object of a changed fragment swapped for its counterpart. The
 * positions of a readiness diagnostic are where the rules put the model's own objects: its
 * location, its related locations and its fix's subject and replaced property.
 */
function swap(d: ModelDiagnostic, moved: ReadonlyMap<object, object>): ModelDiagnostic {
    const to = <T extends object | undefined>(value: T): T => (value && moved.get(value) as T) ?? value;
    const at = (l: SourceLocation): SourceLocation => {
        const range = to(l.range);
        return to(l) !== l ? to(l) : range !== l.range ? { ...l, range } : l;
    };
    const location = at(d.location);
    const related = d.related?.some(r => at(r.location) !== r.location) ? d.related.map(r => ({ ...r, location: at(r.location) })) : d.related;
    let fix = d.fix;
    if (fix) {
        const [full, block, replace] = [to(fix.subject.full), to(fix.subject.block), to(fix.replace)];
        if (full !== fix.subject.full || block !== fix.subject.block || replace !== fix.replace) fix = { ...fix, subject: { ...fix.subject, full, block }, replace };
    }
    return location === d.location && related === d.related && fix === d.fix ? d : { ...d, location, related, fix };
}
