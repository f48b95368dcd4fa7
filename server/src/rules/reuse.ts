import type { SourceLocation } from '../model/arch-model.js';
import type { ModelDiagnostic } from '../model/diagnostic.js';
import { FRAGMENT_LISTS as LISTS, type ModelFragment } from '../model/model-builder.js';
import { PackedSource } from '../model/packed-source.js';
import type { ReadinessRule, RuleReads } from './rule.js';

/**
 * Readiness after an edit: each rule runs again only if the edit changed what it reads.
 *
 * The rules read the ArchModel, never the syntax tree, and each says which fields of which items
 * it reads (`ReadinessRule.reads`; test/rules/reuse.test.ts runs every rule on models that record
 * their reads). None decides anything from a position: positions only travel into the
 * diagnostics, as the model's own position objects. So a rule whose fields are the same in the
 * new fragments as in those of the last run, apart from positions, would find the same things:
 * what it found last time is kept, each position object of a changed fragment swapped for its
 * counterpart in the new one. Typing in a title or a comment keeps every rule's findings; typing
 * in an owner runs only the rule about owners again. A declaration's source in the language
 * server is a PackedSource (model/packed-source.ts) that makes its position objects when they are
 * read: it compares itself, and maps only the parts that were read, the only ones a finding holds.
 */

/** What the ModelIndex is made of (`indexModel` in model/graph.ts): a rule that reads the index reads these. */
export const INDEX_READS: RuleReads = {
    elements: ['id', 'kind', 'satisfies', 'stores'],
    flows: ['source', 'target', 'async', 'carries'],
    requirements: ['id'],
    constraints: ['id'],
    data: ['id'],
    deployments: ['id', 'instances'],
    decisions: ['id', 'affects'],
    views: ['id']
};

/** A field of a list's items (`elements.owner`), or `elements.*` for the list itself: items added, removed or moved. */
type Field = string;

/** What an edit changed between two runs' fragments. */
export interface ModelChange {
    /** The fields changed in some item, and the lists whose items were added or removed (`list.*`). */
    fields: ReadonlySet<Field>;
    /** Each object of the old fragments mapped to its counterpart in the new ones, where they correspond. */
    moved: ReadonlyMap<object, object>;
    /** The files whose fragments changed: a diagnostic that points into none of them keeps its positions. */
    uris: ReadonlySet<string>;
}

/**
 * What changed from the fragments `before` to `after` (the same files, in the same order), or
 * undefined when every rule must run again: other files, or a change in what the engine reads for
 * every rule (the architecture's `rule` severities and stage, which file declares it, any `allow`).
 */
export function changeBetween(before: readonly ModelFragment[], after: readonly ModelFragment[]): ModelChange | undefined {
    if (before.length !== after.length) return undefined;
    const fields = new Set<Field>();
    const moved = new Map<object, object>();
    const uris = new Set<string>();
    for (let i = 0; i < after.length; i++) {
        const [a, b] = [before[i], after[i]];
        if (a === b) continue;
        if (a.uri !== b.uri) return undefined;
        uris.add(a.uri);
        if ((a.architecture === undefined) !== (b.architecture === undefined)) return undefined;
        if (a.architecture && b.architecture) compareItem(a.architecture, b.architecture, 'architecture', fields, moved);
        for (const list of LISTS) {
            const [x, y] = [a[list] as readonly object[], b[list] as readonly object[]];
            if (x === y) continue;
            if (x.length !== y.length) {
                fields.add(`${list}.*`);
                continue;
            }
            for (let j = 0; j < x.length; j++) compareItem(x[j], y[j], list, fields, moved);
        }
    }
    for (const field of fields) if (EVERY_RULE_READS.has(field)) return undefined;
    return { fields, moved, uris };
}

/** What the engine reads for every rule (see `checkRules`). */
const EVERY_RULE_READS: ReadonlySet<Field> = new Set(['architecture.rules', 'architecture.stage', ...LISTS.map(list => `${list}.allows`)]);

/**
 * Adds to `fields` each field in which item `b` differs from `a` (apart from positions). Of a
 * declaration (`decl`), the place of each property counts as a field of its own
 * (`decl.properties.owner`), apart from the rest (`decl`): adding an owner changes what the rule
 * about owners reads, not what the others do.
 */
function compareItem(a: object, b: object, list: string, fields: Set<Field>, moved: Map<object, object>): void {
    if (a === b) return;
    const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
    forEachKey(x, y, key => {
        if (key === 'decl' && isObject(x.decl) && isObject(y.decl)) compareDecl(x.decl as Record<string, unknown>, y.decl as Record<string, unknown>, list, fields, moved);
        else if (!correspond(x[key], y[key], moved)) fields.add(`${list}.${key}`);
    });
    moved.set(a, b);
}

function compareDecl(x: Record<string, unknown>, y: Record<string, unknown>, list: string, fields: Set<Field>, moved: Map<object, object>): void {
    if (x instanceof PackedSource && y instanceof PackedSource) {
        x.compareTo(y, moved, part => fields.add(part.startsWith('properties.') ? `${list}.decl.${part}` : `${list}.decl`));
        return;
    }
    forEachKey(x, y, part => {
        if (part === 'properties' && isObject(x.properties) && isObject(y.properties)) {
            const [px, py] = [x.properties as Record<string, unknown>, y.properties as Record<string, unknown>];
            forEachKey(px, py, keyword => {
                if (!correspond(px[keyword], py[keyword], moved)) fields.add(`${list}.decl.properties.${keyword}`);
            });
            moved.set(px, py);
        } else if (!correspond(x[part], y[part], moved)) {
            fields.add(`${list}.decl`);
        }
    });
    moved.set(x, y);
}

/** Calls `f` with each key of `x`, then each key of `y` that `x` lacks (model objects are plain: `for...in` gives their own keys). */
function forEachKey(x: object, y: object, f: (key: string) => void): void {
    for (const key in x) f(key);
    for (const key in y) if (!(key in x)) f(key);
}

/** Per rule: the fields it reads, with `list.*` for each list it reads anything of. */
const readsOf = new WeakMap<ReadinessRule, ReadonlySet<Field>>();

function fieldsRead(rule: ReadinessRule): ReadonlySet<Field> {
    let fields = readsOf.get(rule);
    if (!fields) {
        const set = new Set<Field>();
        for (const reads of rule.reads.index ? [rule.reads, INDEX_READS] : [rule.reads]) {
            for (const [list, names] of Object.entries(reads)) {
                if (!Array.isArray(names)) continue;
                set.add(`${list}.*`);
                for (const name of names) set.add(`${list}.${name}`);
            }
        }
        readsOf.set(rule, fields = set);
    }
    return fields;
}

/** Whether the change touches a field the rule reads, so that it must run again. */
export function readsChanged(rule: ReadinessRule, change: ModelChange): boolean {
    const read = fieldsRead(rule);
    for (const field of change.fields) if (read.has(field)) return true;
    return false;
}

/** What a rule found in the last run, for a rule that {@link readsChanged} says need not run again. */
export function keptFindings(diagnostics: readonly ModelDiagnostic[], change: ModelChange): ModelDiagnostic[] {
    if (change.moved.size === 0) return [...diagnostics];
    return diagnostics.map(d => pointsInto(d, change.uris) ? swap(d, change.moved) : d);
}

/** Whether a position of the diagnostic (where it is, its related places, its fix's subject) is in one of the files. */
function pointsInto(d: ModelDiagnostic, uris: ReadonlySet<string>): boolean {
    return uris.has(d.location.uri) || (d.fix !== undefined && uris.has(d.fix.subject.uri)) || (d.related?.some(r => uris.has(r.location.uri)) ?? false);
}

/**
 * Whether `a` and `b` are the same data apart from positions; records in `moved` each object of
 * `a` with its counterpart in `b`.
 */
function correspond(a: unknown, b: unknown, moved: Map<object, object>): boolean {
    if (a === b) return true;
    if (!isObject(a) || !isObject(b)) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (isPosition(a) && isPosition(b)) {
        moved.set(a, b);
        return true;
    }
    if (a instanceof PackedSource && b instanceof PackedSource) {
        let same = true;
        a.compareTo(b, moved, () => same = false);
        return same;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length) return false;
        for (let i = 0; i < a.length; i++) if (!correspond(a[i], b[i], moved)) return false;
    } else {
        const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
        for (const key in x) if (!correspond(x[key], y[key], moved)) return false;
        for (const key in y) if (!(key in x) && y[key] !== undefined) return false;
    }
    moved.set(a, b);
    return true;
}

function isObject(value: unknown): value is object {
    return typeof value === 'object' && value !== null;
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
