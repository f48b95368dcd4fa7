import { inject, type DeepPartial, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext,
    type LangiumServices, type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { ArchwrightGeneratedModule, ArchwrightGeneratedSharedModule } from './language/generated/module.js';
import { ModelFolders } from './language/model-folders.js';
import { ArchwrightAstNodeDescriptionProvider, ArchwrightScopeComputation, MovingNodeDescription } from './language/scope-computation.js';
import { ArchwrightScopeProvider } from './language/scope-provider.js';
import { ArchwrightValidator } from './language/validator.js';
import { ArchwrightValidationRegistry } from './language/validation-registry.js';
import { ArchwrightValueConverter } from './language/value-converter.js';
import { ArchwrightDocumentBuilder } from './language/document-builder.js';
import { ArchwrightParserErrorMessageProvider } from './language/parser-messages.js';
import { IncrementalDocumentFactory } from './language/incremental-parse.js';
import { CstStore } from './language/cst-store.js';
import { ArchwrightIndexManager } from './language/index-manager.js';
import { createDepthLimitedParser, createQuickRecoveryCompletionParser } from './language/depth-limited-parser.js';
import { ArchwrightLexer } from './language/lexer.js';
import { TextFileSystemProvider } from './language/text-files.js';
import { ArchwrightWorkspaceManager } from './lsp/workspace-manager.js';
import { ArchwrightDocumentUpdateHandler } from './lsp/document-update-handler.js';
import { ArchModelProvider } from './model/model-provider.js';
import { ReadinessService } from './rules/readiness-service.js';
import { ArchwrightDocumentValidator } from './lsp/document-validator.js';
import { ArchwrightDocumentLinkProvider } from './lsp/document-link-provider.js';
import { ArchwrightSemanticTokenProvider } from './lsp/semantic-tokens.js';
import { ArchwrightFormatter } from './lsp/formatter.js';
import { ArchwrightCommentProvider } from './lsp/comment-provider.js';
import { ArchwrightDocumentSymbolProvider } from './lsp/document-symbol-provider.js';
import { ArchwrightWorkspaceSymbolProvider } from './lsp/workspace-symbol-provider.js';
import { ArchwrightFoldingRangeProvider } from './lsp/folding-range-provider.js';
import { ArchwrightDefinitionProvider } from './lsp/definition-provider.js';
import { ArchwrightRenameProvider } from './lsp/rename-provider.js';
import { ArchwrightHoverProvider } from './lsp/hover-provider.js';
import { ArchwrightCompletionProvider } from './lsp/completion-provider.js';
import { ArchwrightCodeActionProvider } from './lsp/code-actions.js';
import { ArchwrightReferences } from './lsp/references.js';
import { ArchwrightAstNodeLocator, ArchwrightLinker, ArchwrightReferenceDescriptionProvider } from './language/linking.js';
import { ArchwrightCodeLensProvider } from './lsp/code-lens-provider.js';

/** The services Archwright adds to Langium's. */
export interface ArchwrightAddedServices {
    model: {
        ArchModels: ArchModelProvider;
    };
    rules: {
        Readiness: ReadinessService;
    };
    validation: {
        ArchwrightValidator: ArchwrightValidator;
    };
}

/** Shared by every language service: which model (workspace folder) a document belongs to. */
export interface ArchwrightAddedSharedServices {
    model: {
        ModelFolders: ModelFolders;
    };
    workspace: {
        /** Keeps the syntax trees of open files, drops the others' and makes them again when read. */
        CstStore: CstStore;
    };
}

export type ArchwrightSharedServices = LangiumSharedServices & ArchwrightAddedSharedServices;
export type ArchwrightServices = LangiumServices & ArchwrightAddedServices & { shared: ArchwrightSharedServices };

/** The one place that constructs Archwright's services. */
export const ArchwrightModule: Module<ArchwrightServices, PartialLangiumServices & ArchwrightAddedServices> = {
    parser: {
        Lexer: services => new ArchwrightLexer(services),
        LangiumParser: services => createDepthLimitedParser(services),
        CompletionParser: services => createQuickRecoveryCompletionParser(services),
        ValueConverter: () => new ArchwrightValueConverter(),
        ParserErrorMessageProvider: () => new ArchwrightParserErrorMessageProvider()
    },
    references: {
        ScopeComputation: services => new ArchwrightScopeComputation(services),
        ScopeProvider: services => new ArchwrightScopeProvider(services),
        References: services => new ArchwrightReferences(services),
        Linker: services => new ArchwrightLinker(services)
    },
    lsp: {
        DocumentLinkProvider: services => new ArchwrightDocumentLinkProvider(services),
        SemanticTokenProvider: services => new ArchwrightSemanticTokenProvider(services),
        Formatter: () => new ArchwrightFormatter(),
        DocumentSymbolProvider: services => new ArchwrightDocumentSymbolProvider(services),
        FoldingRangeProvider: services => new ArchwrightFoldingRangeProvider(services),
        DefinitionProvider: services => new ArchwrightDefinitionProvider(services),
        RenameProvider: services => new ArchwrightRenameProvider(services),
        HoverProvider: services => new ArchwrightHoverProvider(services),
        CompletionProvider: services => new ArchwrightCompletionProvider(services),
        CodeActionProvider: services => new ArchwrightCodeActionProvider(services),
        CodeLensProvider: services => new ArchwrightCodeLensProvider(services)
    },
    workspace: {
        ReferenceDescriptionProvider: services => new ArchwrightReferenceDescriptionProvider(services),
        AstNodeDescriptionProvider: services => new ArchwrightAstNodeDescriptionProvider(services),
        AstNodeLocator: () => new ArchwrightAstNodeLocator()
    },
    model: {
        ArchModels: services => new ArchModelProvider(services.shared, services.shared.model.ModelFolders)
    },
    rules: {
        Readiness: services => new ReadinessService(services.model.ArchModels)
    },
    documentation: {
        CommentProvider: services => new ArchwrightCommentProvider(services)
    },
    validation: {
        DocumentValidator: services => new ArchwrightDocumentValidator(services),
        ValidationRegistry: services => new ArchwrightValidationRegistry(services),
        ArchwrightValidator: services => new ArchwrightValidator(services)
    }
};

export const ArchwrightSharedModule: Module<ArchwrightSharedServices, DeepPartial<LangiumSharedServices> & ArchwrightAddedSharedServices> = {
    workspace: {
        DocumentBuilder: services => new ArchwrightDocumentBuilder(services),
        LangiumDocumentFactory: services => new IncrementalDocumentFactory(services),
        IndexManager: services => new ArchwrightIndexManager(services),
        WorkspaceManager: services => new ArchwrightWorkspaceManager(services),
        CstStore: services => new CstStore(
            document => services.ServiceRegistry.getServices(document.uri).parser.LangiumParser.parse(document.textDocument.getText()),
            uri => services.workspace.TextDocuments?.get(uri.toString()) !== undefined)
    },
    lsp: {
        WorkspaceSymbolProvider: services => new ArchwrightWorkspaceSymbolProvider(services),
        DocumentUpdateHandler: services => new ArchwrightDocumentUpdateHandler(services)
    },
    model: {
        ModelFolders: services => new ModelFolders(services)
    }
};

export interface ServicesOptions {
    /**
     * True for a build that is checked once and never edited or asked where something is used
     * (the command line). Langium's index of references is then left empty, which spares a walk
     * over every reference of the model, and nothing is kept for the next edit: not the model's
     * pieces per declaration, the checks' answers per declaration, or the exports per declaration
     * with the export signature (each a map entry or more per declaration, made for nothing).
     */
    once?: boolean;
}

/** Creates the shared and language services, for the language server, the command line and tests. */
export function createArchwrightServices(context: DefaultSharedModuleContext, options: ServicesOptions = {}): { shared: ArchwrightSharedServices; Archwright: ArchwrightServices } {
    // Model files are read as UTF-8 text or reported as unreadable, whatever file system serves them.
    const files: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>> = {
        workspace: { FileSystemProvider: services => new TextFileSystemProvider(context.fileSystemProvider(services)) }
    };
    const shared = inject(createDefaultSharedModule(context), ArchwrightGeneratedSharedModule, ArchwrightSharedModule, files);
    // Without an index of references (nothing to find references, rename or relink by), and keeping nothing for edits.
    const once: Module<ArchwrightServices, DeepPartial<ArchwrightServices>> = {
        workspace: { ReferenceDescriptionProvider: () => ({ createDescriptions: async () => [] }) },
        references: { ScopeComputation: services => new ArchwrightScopeComputation(services, { keepForEdits: false }) },
        model: { ArchModels: services => new ArchModelProvider(services.shared, services.shared.model.ModelFolders, { keepForEdits: false }) },
        validation: { DocumentValidator: services => new ArchwrightDocumentValidator(services, { keepForEdits: false }) }
    };
    const Archwright = inject(createDefaultModule({ shared }), ArchwrightGeneratedModule, ArchwrightModule, options.once ? once : {});
    shared.ServiceRegistry.register(Archwright);
    // The command line reads every tree once, in one build: nothing to drop and make again.
    shared.workspace.CstStore.enabled = !options.once;
    // Before a closed file's tree is dropped: the places of its declarations' names (the workspace's
    // symbols list all of them) and their comments (completion documents every candidate with them).
    shared.workspace.CstStore.onDrop(document => {
        const exports = (shared.workspace.IndexManager as ArchwrightIndexManager).exportsByFile().get(document.uri.toString()) ?? [];
        for (const description of exports) {
            if (description instanceof MovingNodeDescription) description.freeze();
            if (description.node) Archwright.documentation.CommentProvider.getComment(description.node);
        }
    });
    Archwright.validation.ArchwrightValidator.register();
    // Every file of the workspace gets its diagnostics at startup, not only once one is opened.
    shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
    if (!context.connection) {
        // Without a language client nothing reads the configuration; mark it as settled.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Archwright };
}
