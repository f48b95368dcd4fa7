import type { Position, Range, Source, SourceLocation } from './arch-model.js';
import { KeptPosition } from '../util/kept-position.js';

/**
 * A declaration's {@link Source} as the language server keeps it: its places as numbers in one
 * array, each part made into the model's objects when first read, then kept.
 *
 * Every declaration has a source, and a source as plain objects is a range for its name, one for
 * the whole declaration, the block's two braces and a range per property: about twenty objects, a
 * kilobyte, and nearly all the ranges of the model (the benchmark's L model kept 29 MB of them).
 * Only the sources of the declarations that the readiness rules report on (and that requests ask
 * about) are ever read: a few hundred of the thousands at M.
 *
 * Read, each part is what the plain source would hold, and `toJSON` gives the plain object. Readiness
 * reuse (rules/reuse.ts) compares two sources with {@link compareTo}: the rules' findings hold the
 * objects of parts that were read, and only those need their counterparts.
 */
export class PackedSource implements Source {
    private nameLocation?: SourceLocation;
    private fullRange?: Range;
    private blockAt?: Source['block'];
    private propertyAt?: Source['properties'];

    /**
     * @param at the name's range, the whole declaration's, then, when it has a block, its opening
     *   and closing brace's starts, then each property's range in the order of `keywords`; each
     *   position as one number ({@link packPosition}), so two per range
     * @param keywords the properties' keywords, the first time each is written ({@link keywordList})
     */
    constructor(readonly uri: string, private readonly at: readonly number[], private readonly keywords: readonly string[]) {}

    private get hasBlock(): boolean {
        return this.at.length === 6 + 2 * this.keywords.length;
    }

    get name(): SourceLocation {
        return this.nameLocation ??= { uri: this.uri, range: rangeAt(this.at, 0) };
    }

    get full(): Range {
        return this.fullRange ??= rangeAt(this.at, 2);
    }

    get block(): Source['block'] {
        if (!this.hasBlock) return undefined;
        return this.blockAt ??= { open: positionAt(this.at, 4), close: positionAt(this.at, 5) };
    }

    get properties(): Source['properties'] {
        if (!this.propertyAt) {
            const properties: Partial<Record<string, Range>> = {};
            const base = this.hasBlock ? 6 : 4;
            for (let i = 0; i < this.keywords.length; i++) properties[this.keywords[i]] = rangeAt(this.at, base + 2 * i);
            this.propertyAt = properties;
        }
        return this.propertyAt;
    }

    toJSON(): Source {
        return { name: this.name, full: this.full, block: this.block, properties: this.properties };
    }

    /**
     * Compares this source with `after`, the same declaration's after an edit: calls `changed` with
     * each part in which they differ apart from positions (`name` for another file, `block` for a
     * block added or removed, `properties.KEYWORD` for a property written in only one of them), and
     * maps in `moved` each object of this source that was read, which a finding may hold, to its
     * counterpart in `after`.
     */
    compareTo(after: PackedSource, moved: Map<object, object>, changed: (part: string) => void): void {
        if (this.uri !== after.uri) changed('name');
        if (this.hasBlock !== after.hasBlock) changed('block');
        if (this.keywords !== after.keywords) {
            for (const keyword of this.keywords) if (!after.keywords.includes(keyword)) changed(`properties.${keyword}`);
            for (const keyword of after.keywords) if (!this.keywords.includes(keyword)) changed(`properties.${keyword}`);
        }
        if (this.nameLocation) {
            const name = after.name;
            moved.set(this.nameLocation, name);
            moved.set(this.nameLocation.range, name.range);
        }
        if (this.fullRange) moved.set(this.fullRange, after.full);
        if (this.blockAt && after.hasBlock) moved.set(this.blockAt, after.block!);
        if (this.propertyAt) {
            const properties = after.properties;
            moved.set(this.propertyAt, properties);
            for (const keyword of this.keywords) {
                const [was, is] = [this.propertyAt[keyword], properties[keyword]];
                if (was && is) moved.set(was, is);
            }
        }
        moved.set(this, after);
    }
}

/** Characters per line that a packed position can hold (16,777,216): a longer line's declarations keep plain sources. */
export const PACKED_CHARACTERS = 2 ** 24;

/** Lines that a packed position can hold: line × {@link PACKED_CHARACTERS} + character stays an exact double (below 2^53). */
export const PACKED_LINES = 2 ** 28;

/** A position as one number, exact while it is within {@link PACKED_LINES} and {@link PACKED_CHARACTERS}. */
export function packPosition(line: number, character: number): number {
    return line * PACKED_CHARACTERS + character;
}

function positionAt(at: readonly number[], i: number): Position {
    const packed = at[i];
    // A packed place above 2^31 is a double in V8, and so is what is computed from it (KeptPosition makes them small integers).
    const character = packed % PACKED_CHARACTERS;
    return new KeptPosition((packed - character) / PACKED_CHARACTERS, character);
}

function rangeAt(at: readonly number[], i: number): Range {
    return { start: positionAt(at, i), end: positionAt(at, i + 1) };
}

/** One list per set of keywords, in order: most declarations of a model share a few (and the comparison above their identity). */
const keywordLists = new Map<string, readonly string[]>();

/** The kept list equal to `keywords`. */
export function keywordList(keywords: readonly string[]): readonly string[] {
    if (keywords.length === 0) return NO_KEYWORDS;
    const key = keywords.join(' ');
    let list = keywordLists.get(key);
    if (!list) keywordLists.set(key, list = Object.freeze([...keywords]));
    return list;
}

const NO_KEYWORDS: readonly string[] = Object.freeze([]);
