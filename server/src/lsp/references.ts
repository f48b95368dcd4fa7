import { AstUtils, CstUtils, DefaultReferences, stream, type AstNode, type CstNode, type FindReferencesOptions, type ReferenceDescription, type Stream } from 'langium';
import { isElement } from '../language/generated/ast.js';
import { pathSegments, referenceAt, segmentTarget } from './path-segments.js';

/**
 * References that know dotted paths: in `shop.orders` the cursor on `shop` means the system and on
 * `orders` the service, and each segment is a use of its own element. Definition, hover, highlight,
 * find references and rename all go through here, so they agree.
 */
export class ArchwrightReferences extends DefaultReferences {
    override findDeclarations(sourceCstNode: CstNode): AstNode[] {
        const found = super.findDeclarations(sourceCstNode);
        const reference = sourceCstNode.astNode ? referenceAt(sourceCstNode.astNode, sourceCstNode) : undefined;
        if (!reference?.$refNode || found.length !== 1) return found;
        const segments = pathSegments(reference.$refNode);
        const index = segments.findIndex(s => s.offset <= sourceCstNode.offset && s.end >= sourceCstNode.end);
        const target = index < 0 ? undefined : segmentTarget(found[0], segments.length, index);
        return target ? [target] : [];
    }

    override findReferences(targetNode: AstNode, options: FindReferencesOptions): Stream<ReferenceDescription> {
        const direct = super.findReferences(targetNode, options).map(ref => this.narrowToSegment(ref, targetNode) ?? ref);
        if (!isElement(targetNode)) return direct;
        return stream(direct, [...this.pathPrefixUses(targetNode, options)]);
    }

    /** Uses of an element as a leading segment of paths to its parts (`shop` in `shop.orders`). */
    private *pathPrefixUses(element: AstNode, options: FindReferencesOptions): Iterable<ReferenceDescription> {
        for (const part of AstUtils.streamAllContents(element).filter(isElement)) {
            let uses = this.index.findAllReferences(part, this.nodeLocator.getAstNodePath(part));
            if (options.documentUri) uses = uses.filter(ref => ref.sourceUri.toString() === options.documentUri!.toString());
            for (const use of uses) {
                const narrowed = this.narrowToSegment(use, element);
                if (narrowed) yield narrowed;
            }
        }
    }

    /** The reference description cut down to the one segment of its path that names `target`. */
    private narrowToSegment(ref: ReferenceDescription, target: AstNode): ReferenceDescription | undefined {
        const leaf = this.leafOf(ref);
        const reference = leaf?.astNode ? referenceAt(leaf.astNode, leaf) : undefined;
        if (!reference?.$refNode || !reference.ref) return undefined;
        const segments = pathSegments(reference.$refNode);
        const index = segments.findIndex((_, i) => segmentTarget(reference.ref!, segments.length, i) === target);
        return index < 0 ? undefined : { ...ref, segment: CstUtils.toDocumentSegment(segments[index]) };
    }

    private leafOf(ref: ReferenceDescription): CstNode | undefined {
        const root = this.documents.getDocument(ref.sourceUri)?.parseResult.value.$cstNode;
        return root ? CstUtils.findLeafNodeAtOffset(root, ref.segment.offset) : undefined;
    }
}
