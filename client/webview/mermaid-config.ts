// Mermaid's getConfig(), made cheap. Mermaid gives each caller its own copy of its configuration,
// made by assignWithDepth({}, currentConfig): a general merge (Object.entries, hasOwn and
// defineProperty for each of some 850 members) that drawing a flowchart runs several times per node
// and per edge, a third of the page's drawing time for a view of 100 nodes (bench/NOTES.md).
//
// scripts/mermaid-patches.mjs makes Mermaid's getConfig call copyOfConfig instead, when
// esbuild bundles the preview. The merge then runs once per configuration: Mermaid replaces
// currentConfig with a new object on every change (initialize, a diagram's front matter, reset),
// never edits it in place, and never hands it out. Each call still returns a new copy with the shape
// assignWithDepth gives: new objects down to depth 2, Object.assign copies at depth 2, deeper values
// shared with the configuration, arrays copied without duplicates, and null members dropped at
// depths 0 and 1. So a caller that changes its copy changes no other caller's, as before.
// test/webview/mermaid-config.test.ts compares the two on Mermaid's own configuration.

type Config = Record<string, unknown>;
type AssignWithDepth = (dst: Config, src: Config) => Config;

/** How to copy one member of the merged configuration. */
type Step =
    | { key: string; kind: 'value'; value: unknown }
    | { key: string; kind: 'array'; value: unknown[] }
    /** An object at depth 1: a shallow copy, then a copy of each of its members that is an object. */
    | { key: string; kind: 'section'; value: Config; objects: string[]; memberByMember: boolean };

let plannedFor: object | undefined;
let plan: Step[] = [];

/** What `assignWithDepth({}, current)` returns, merging only when `current` is a new configuration. */
export function copyOfConfig(current: Config, assignWithDepth: AssignWithDepth): Config {
    if (current !== plannedFor) {
        plan = planCopy(assignWithDepth({}, current));
        plannedFor = current;
    }
    const copy: Config = {};
    for (const step of plan) {
        if (step.kind === 'value') define(copy, step.key, step.value);
        else if (step.kind === 'array') define(copy, step.key, step.value.slice());
        else define(copy, step.key, copySection(step));
    }
    return copy;
}

/**
 * The steps that copy `merged`, an output of assignWithDepth: its arrays hold no duplicates and it
 * has no null members down to depth 1, so plain copies give what merging it again would.
 */
function planCopy(merged: Config): Step[] {
    return Object.keys(merged).map((key): Step => {
        const value = merged[key];
        if (value === null || typeof value !== 'object') return { key, kind: 'value', value };
        if (Array.isArray(value)) return { key, kind: 'array', value };
        const section = value as Config;
        const objects = Object.keys(section).filter(member => section[member] !== null && typeof section[member] === 'object');
        // Object.assign would set the copy's prototype from a member named __proto__.
        return { key, kind: 'section', value: section, objects, memberByMember: Object.hasOwn(section, '__proto__') };
    });
}

function copySection(step: Extract<Step, { kind: 'section' }>): Config {
    const { value } = step;
    if (step.memberByMember) {
        const copy: Config = {};
        for (const member of Object.keys(value)) {
            const inner = value[member];
            define(copy, member, inner !== null && typeof inner === 'object' ? copyAtDepth2(inner) : inner);
        }
        return copy;
    }
    // Object.assign copies a fast object's members in one step, the bulk of the saving.
    const copy = Object.assign({}, value);
    for (const member of step.objects) copy[member] = copyAtDepth2(value[member] as object);
    return copy;
}

/** assignWithDepth at depth 2: an array copied (its items distinct already), an object by Object.assign. */
function copyAtDepth2(value: object): unknown {
    return Array.isArray(value) ? value.slice() : Object.assign({}, value);
}

/** A plain member, even one named `__proto__` (assignment would set the prototype instead). */
function define(target: Config, key: string, value: unknown): void {
    if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
    else target[key] = value;
}
