import type { Stage } from '../model/arch-model.js';
import { toLspDiagnostic } from '../lsp/document-validator.js';
import { RULES_BY_ID } from '../rules/registry.js';
import type { LoadedModel } from './workspace.js';

export const STAGES: readonly Stage[] = ['whiteboard', 'design', 'production'];

/**
 * `check --stage STAGE`: each document's diagnostics already hold the readiness findings at the
 * model's own stage; swap them for the findings at the asked stage, keeping the core diagnostics.
 */
export function restage(loaded: LoadedModel, stage: Stage): void {
    const built = loaded.services.model.ArchModels.modelOf(loaded.documents[0].uri.toString());
    const byUri = new Map<string, ReturnType<typeof toLspDiagnostic>[]>();
    for (const d of loaded.services.rules.Readiness.atStage(built, stage)) {
        const list = byUri.get(d.location.uri) ?? byUri.set(d.location.uri, []).get(d.location.uri)!;
        list.push(toLspDiagnostic(d));
    }
    for (const doc of loaded.documents) {
        const core = (doc.diagnostics ?? []).filter(d => !RULES_BY_ID.has(String(d.code)) && d.code !== 'unknown-rule');
        doc.diagnostics = [...core, ...(byUri.get(doc.uri.toString()) ?? [])];
    }
}
