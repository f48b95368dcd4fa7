import { GrammarUtils, URI, UriUtils, type LangiumDocument } from 'langium';
import type { DocumentLinkProvider } from 'langium/lsp';
import type { DocumentLink } from 'vscode-languageserver';
import { isLinkProperty, type LinkProperty } from '../language/generated/ast.js';
import type { ModelFolders } from '../language/model-folders.js';
import type { ArchwrightServices } from '../module.js';
import { walkAstNow } from '../util/ast-walk.js';

/** Schemes a link may open as written; any other `scheme:` is not made clickable. */
const URL_SCHEMES = /^(https?|mailto):/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * `link`, `source`, `runbook` and `dashboard` values become clickable: a URL opens as written; a
 * path opens the file or folder under the workspace folder of the document (under the document's
 * own folder when the editor has opened no folder, as on the command line).
 */
export class ArchwrightDocumentLinkProvider implements DocumentLinkProvider {
    private readonly folders: ModelFolders;

    constructor(services: ArchwrightServices) {
        this.folders = services.shared.model.ModelFolders;
    }

    getDocumentLinks(document: LangiumDocument): DocumentLink[] {
        const links: DocumentLink[] = [];
        walkAstNow(document.parseResult.value, node => {
            const link = isLinkProperty(node) ? this.linkOf(document, node) : undefined;
            if (link) links.push(link);
        });
        return links;
    }

    private linkOf(document: LangiumDocument, property: LinkProperty): DocumentLink | undefined {
        const value = property.value?.trim();
        const cst = property.$cstNode && GrammarUtils.findNodeForProperty(property.$cstNode, 'value');
        if (!value || !cst || (ANY_SCHEME.test(value) && !URL_SCHEMES.test(value))) return undefined;
        // The string's content, without its quotes.
        const range = { start: { ...cst.range.start, character: cst.range.start.character + 1 }, end: { ...cst.range.end, character: cst.range.end.character - 1 } };
        if (URL_SCHEMES.test(value)) {
            return { range, target: value, tooltip: `Open the ${property.kind} ${value}` };
        }
        const target = UriUtils.joinPath(this.baseOf(document.uri), value.replace(/^\/+/, '')).toString();
        return { range, target, tooltip: `Open the ${property.kind} ${value} in the workspace` };
    }

    private baseOf(uri: URI): URI {
        const folder = this.folders.folderOf(uri);
        return folder ? URI.parse(folder) : UriUtils.dirname(uri);
    }
}
