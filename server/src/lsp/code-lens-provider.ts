import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { ArchModelProvider } from '../model/model-provider.js';
import type { ArchwrightServices } from '../module.js';

/** The client command a lens runs: opens the preview beside the editor at one view (args: document uri, view id). */
export const OPEN_VIEW_COMMAND = 'archwright.openPreviewAtView';

/** "Open in preview" above each `view` declaration, so a view is one click from its diagram. */
export class ArchwrightCodeLensProvider implements CodeLensProvider {
    private readonly models: ArchModelProvider;

    constructor(services: ArchwrightServices) {
        this.models = services.model.ArchModels;
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        const uri = document.uri.toString();
        return this.models.modelOf(uri).model.views
            .filter(v => v.decl?.name.uri === uri)
            .map(v => ({
                range: v.decl!.name.range,
                command: { title: 'Open in preview', command: OPEN_VIEW_COMMAND, arguments: [uri, v.id] }
            }));
    }
}
