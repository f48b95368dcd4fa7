import type { AstNode } from 'langium';
import { describeKind } from '../language/reference-kinds.js';

/** "service — Order service": what a declaration is, for completion details and hover titles. */
export function declarationDetail(node: AstNode): string {
    const title = (node as AstNode & { title?: string }).title;
    return withTitle(describeKind(node).replace(/^an? /, ''), title);
}

/** "service — Order service", or just "service" when there is no title. */
export function withTitle(what: string, title: string | undefined): string {
    return title ? `${what} — ${title}` : what;
}
