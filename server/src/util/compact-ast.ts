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
 * containers (`node`, which a reference resolves from) are the copy. Nothing else may hold a node
 * yet: this runs right after the parse, before the document exists.
 */
export function compactAst(root: AstNode): AstNode {
    return copyNode(root, undefined);
}

function copyNode(node: AstNode, container: AstNode | undefined): AstNode {
    const record = node as unknown as Record<string, unknown>;
    const keys = Object.keys(record);
    const make = constructorFor(keys);
    if (!make) {
        // Kept as it is (its children keep pointing to it), in the copied parent.
        if (container) (node as { $container?: AstNode }).$container = container;
        return node;
    }
    const values = keys.map(key => record[key]);
    const copy = new make(...values) as unknown as Record<string, unknown>;
    if (container) copy.$container = container;
    for (let k = 0; k < keys.length; k++) {
        const key = keys[k];
        if (key.charCodeAt(0) === 36 /* $ */) continue;
        const value = values[k];
        if (Array.isArray(value)) {
            for (let i = 0; i < value.length; i++) {
                const item: unknown = value[i];
                if (isAstNode(item)) value[i] = copyNode(item, copy as unknown as AstNode);
                else if (isReference(item)) retarget(item, copy);
            }
        } else if (isAstNode(value)) {
            copy[key] = copyNode(value, copy as unknown as AstNode);
        } else if (isReference(value)) {
            retarget(value, copy);
        }
    }
    const cst = copy.$cstNode as { astNode?: unknown } | undefined;
    if (cst && cst.astNode === node) cst.astNode = copy;
    return copy as unknown as AstNode;
}

/** A reference resolves from its container (Langium's `node`): the copy's. */
function retarget(reference: object, copy: object): void {
    const fields = reference as { node?: unknown };
    if ('node' in fields) fields.node = copy;
}

type NodeConstructor = new (...values: unknown[]) => object;

/** One constructor per list of property names; undefined for a name that is not an identifier (never in our grammar). */
const constructors = new Map<string, NodeConstructor | undefined>();

function constructorFor(keys: string[]): NodeConstructor | undefined {
    const shape = keys.join(',');
    if (constructors.has(shape)) return constructors.get(shape);
    let make: NodeConstructor | undefined;
    if (keys.every(key => /^[$A-Za-z_][$\w]*$/.test(key))) {
        const parameters = keys.map((_, i) => `v${i}`);
        const made = new Function(...parameters, keys.map((key, i) => `this.${key} = v${i};`).join('\n')) as unknown as NodeConstructor;
        // Plain objects, as the parser's: Object.prototype and nothing else.
        made.prototype = Object.prototype;
        make = made;
    }
    constructors.set(shape, make);
    return make;
}
