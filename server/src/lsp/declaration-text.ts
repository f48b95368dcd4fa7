import type { AstNode } from 'langium';
import { describeKind } from '../language/reference-kinds.js';

/** "service — Order service": what a declaration is, for completion details and hover titles. */
export function declarationDetail(node: AstNode): string {
    const title = (node as AstNode & { title?: string }).title;
    const kind = describeKind(node).replace(/^an? /, '');
    return title ? `${kind} — ${title}` : kind;
}
