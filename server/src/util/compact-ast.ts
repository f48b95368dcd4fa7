import { isAstNode, isReference, type AstNode } from 'langium';

/**
 * The same tree with each node made again with all its properties inside the object.
 *
 * A parser makes a node as `{ $type }` and adds its properties one by one, the containers' last
 * (linkContainers). V8 gives such an object room for one property and keeps the others in a list
 * of their own, grown three at a time: 100 bytes for a node of six properties where 72 do, and a
 * closed file's nodes live as long as the file (210,000 at the benchmark's L model: 6 MB). A node
 * made by a constructor that assigns every property gets them all inside it: one constructor per
 * shape (the type and the names of its properties, in their order), made once.
 *
 * The copy has the same properties in the same order, with the same values, except that its
 * children are the children's copies, whose `$container` is the copy, and that its references'
 * containers (`node`, which a reference resolves from) are the copy. With `placed`, a node below
 * the root whose CST node `placed` places keeps two numbers instead of it (see {@link PlacedNodes}).
 * Nothing else may hold a node yet: this runs right after the parse, before the document exists.
 */
export function compactAst(root: AstNode, placed?: PlacedNodes): AstNode {
    return copyNode(root, undefined, placed);
}

/**
 * How a node's CST node can be kept as two numbers: `place` gives them (`start` and `end`) for a
 * CST node, or undefined to keep that one as it is. A node so placed has, instead of `$cstNode`,
 * `$cstStart` and `$cstEnd` where `$cstNode` was, and `prototype` as its prototype, whose
 * `$cstNode` accessor makes a CST node from them when it is read (and keeps one written to it).
 * Two small integers inside the node cost 8 bytes more than the `$cstNode` field; the object they
 * replace cost 48 (CstStore's stand-ins, language/cst-store.ts).
 */
export interface PlacedNodes {
    place(cst: unknown): { readonly start: number; readonly end: number } | undefined;
    readonly prototype: object;
}

function copyNode(node: AstNode, container: AstNode | undefined, placed: PlacedNodes | undefined): AstNode {
    const record = node as unknown as Record<string, unknown>;
    const keys = Object.keys(record);
    const values = keys.map(key => record[key]);
    const at = container && placed ? placed.place(record.$cstNode) : undefined;
    const make = constructorFor(keys, at ? placed!.prototype : undefined);
    if (!make) {
        // Kept as it is (its children keep pointing to it), in the copied parent.
        if (container) (node as { $container?: AstNode }).$container = container;
        return node;
    }
    const copy = (at ? new make(...values, at.start, at.end) : new make(...values)) as unknown as Record<string, unknown>;
    if (container) copy.$container = container;
    for (let k = 0; k < keys.length; k++) {
        const key = keys[k];
        if (key.charCodeAt(0) === 36 /* $ */) continue;
        const value = values[k];
        if (Array.isArray(value)) {
            for (let i = 0; i < value.length; i++) {
                const item: unknown = value[i];
                if (isAstNode(item)) value[i] = copyNode(item, copy as unknown as AstNode, placed);
                else if (isReference(item)) retarget(item, copy);
            }
        } else if (isAstNode(value)) {
            copy[key] = copyNode(value, copy as unknown as AstNode, placed);
        } else if (isReference(value)) {
            retarget(value, copy);
        }
    }
    if (!at) {
        const cst = copy.$cstNode as { astNode?: unknown } | undefined;
        if (cst && cst.astNode === node) cst.astNode = copy;
    }
    return copy as unknown as AstNode;
}

/** A reference resolves from its container (Langium's `node`): the copy's. */
function retarget(reference: object, copy: object): void {
    const fields = reference as { node?: unknown };
    if ('node' in fields) fields.node = copy;
}

type NodeConstructor = new (...values: unknown[]) => object;

/**
 * One constructor per list of property names, for plain nodes and for each prototype of placed
 * ones; undefined for a name that is not an identifier (never in our grammar).
 */
const constructors = new Map<string, NodeConstructor | undefined>();
const placedConstructors = new WeakMap<object, Map<string, NodeConstructor | undefined>>();

/**
 * The constructor of nodes with these properties: it takes their values in order; one for placed
 * nodes (with `prototype`) takes two more, the place's start and end, which it writes as
 * `$cstStart` and `$cstEnd` where `$cstNode` is (whose value it does not write).
 */
function constructorFor(keys: string[], prototype?: object): NodeConstructor | undefined {
    const shape = keys.join(',');
    let made = constructors;
    if (prototype) {
        made = placedConstructors.get(prototype) ?? new Map();
        placedConstructors.set(prototype, made);
    }
    if (made.has(shape)) return made.get(shape);
    let make: NodeConstructor | undefined;
    if (keys.every(key => /^[$A-Za-z_][$\w]*$/.test(key)) && (!prototype || keys.includes('$cstNode'))) {
        const parameters = keys.map((_, i) => `v${i}`);
        if (prototype) parameters.push('start', 'end');
        const body = keys.map((key, i) => prototype && key === '$cstNode' ? 'this.$cstStart = start;\nthis.$cstEnd = end;' : `this.${key} = v${i};`);
        const construct = new Function(...parameters, body.join('\n')) as unknown as NodeConstructor;
        // Plain objects, as the parser's: Object.prototype and nothing else; or placed ones (see PlacedNodes).
        construct.prototype = prototype ?? Object.prototype;
        make = construct;
    }
    made.set(shape, make);
    return make;
}
