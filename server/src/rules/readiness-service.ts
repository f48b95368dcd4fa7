import type { Stage } from '../model/arch-model.js';
import type { ModelDiagnostic } from '../model/diagnostic.js';
import type { ArchModelProvider, BuiltModel } from '../model/model-provider.js';
import { checkReadiness } from './engine.js';
import { READINESS_RULES } from './registry.js';

/** Readiness diagnostics of each model, computed once per build and handed out per file. */
export class ReadinessService {
    constructor(private readonly models: ArchModelProvider) {}

    /** The readiness diagnostics at the model's own stage, grouped by file. */
    byUri(built: BuiltModel): ReadonlyMap<string, ModelDiagnostic[]> {
        return this.models.derive(built, 'readiness', () => groupByUri(checkReadiness(built.model, built.index, READINESS_RULES)));
    }

    /** Diagnostics of the document at `uri` at the model's own stage. */
    diagnosticsOf(uri: string): ModelDiagnostic[] {
        return this.byUri(this.models.modelOf(uri)).get(uri) ?? [];
    }

    /** All diagnostics of a model as if it were at `stage`. */
    atStage(built: BuiltModel, stage: Stage): ModelDiagnostic[] {
        return this.models.derive(built, `readiness:${stage}`, () => checkReadiness(built.model, built.index, READINESS_RULES, { stage }));
    }
}

function groupByUri(diagnostics: ModelDiagnostic[]): Map<string, ModelDiagnostic[]> {
    const map = new Map<string, ModelDiagnostic[]>();
    for (const d of diagnostics) {
        const list = map.get(d.location.uri);
        if (list) list.push(d);
        else map.set(d.location.uri, [d]);
    }
    return map;
}
