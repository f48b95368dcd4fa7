import { DocumentState, URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { Stage } from '../model/arch-model.js';
import type { BuiltModel } from '../model/model-provider.js';
import type { ArchwrightServices, ArchwrightSharedServices } from '../module.js';
import { ReadinessRequest, type ReadinessGap, type ReadinessParams, type ReadinessResult } from '../protocol.js';
import type { ReadinessService } from '../rules/readiness-service.js';
import { READINESS_RULES, RULES_BY_ID } from '../rules/registry.js';
import { inPathOrder } from '../util/arrays.js';

const NEXT_STAGE: Record<Stage, Stage> = { whiteboard: 'design', design: 'production', production: 'production' };
const RULE_ORDER = new Map(READINESS_RULES.map((r, i) => [r.id, i]));

/**
 * What a model still lacks for a stage (the next one by default): every readiness diagnostic the
 * rules would report there, sorted by rule (in the order of rules.md's table, which puts design
 * gaps before production ones), then file and line.
 */
export function readinessReport(built: BuiltModel, readiness: ReadinessService, stage?: Stage): ReadinessResult {
    const target = stage ?? NEXT_STAGE[built.model.stage];
    const gaps: ReadinessGap[] = readiness.atStage(built, target)
        .filter(d => RULES_BY_ID.has(d.code))
        .map(d => ({ rule: d.code, severity: d.severity, message: d.message, uri: d.location.uri, range: d.location.range }))
        .sort((a, b) => RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)! || inPathOrder(a.uri, b.uri)
            || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const counts = new Map<string, number>();
    for (const gap of gaps) counts.set(gap.rule, (counts.get(gap.rule) ?? 0) + 1);
    const rules = [...counts].map(([id, count]) => ({ id, summary: RULES_BY_ID.get(id)!.summary, count }));
    return { stage: built.model.stage, target, gaps, rules };
}

/** Answers `archwright/readiness` once the workspace is built, for the model of the document asked about. */
export async function handleReadiness(shared: ArchwrightSharedServices, params: ReadinessParams, token?: CancellationToken): Promise<ReadinessResult> {
    await shared.workspace.WorkspaceManager.ready;
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
    const services = shared.ServiceRegistry.getServices(URI.parse(params.uri)) as ArchwrightServices;
    return readinessReport(services.model.ArchModels.modelOf(params.uri), services.rules.Readiness, params.stage);
}

/** Registers the `archwright/readiness` request on the server's connection (none in tests or the command line). */
export function registerReadinessHandler(shared: ArchwrightSharedServices): void {
    shared.lsp.Connection?.onRequest(ReadinessRequest, (params: ReadinessParams, token: CancellationToken) => handleReadiness(shared, params, token));
}
