import type { ElementKind } from './generated/ast.js';

// Which element kinds take which properties (language.md, "Elements"). The grammar parses every
// property in every element block; the validator reports misplaced ones and completion offers only
// the ones that fit, both from this one table.

const DEPLOYABLE_ONLY = new Set(['exposure', 'replicas', 'scaling', 'healthcheck', 'monitoring', 'alert']);
const DATASTORE_ONLY = new Set(['stores', 'encryption', 'replication', 'sharding', 'backup']);
const DATASTORES = new Set<string>(['database', 'cache', 'queue', 'storage']);
const NOT_DEPLOYABLE = new Set<string>(['person', 'external', 'system']);

/** Which element kinds take a property, for messages; undefined when an element of `kind` takes it. */
export function propertyFits(kind: ElementKind, keyword: string): string | undefined {
    if (keyword === 'satisfies' && kind === 'person') return 'every kind but person';
    if (DEPLOYABLE_ONLY.has(keyword) && NOT_DEPLOYABLE.has(kind)) return 'deployable elements';
    if (DATASTORE_ONLY.has(keyword) && !DATASTORES.has(kind)) return 'datastores (database, cache, queue, storage)';
    return undefined;
}

/** Only a system contains other elements. */
export function canContainElements(kind: ElementKind): boolean {
    return kind === 'system';
}
