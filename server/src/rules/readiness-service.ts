import type { Stage } from '../model/arch-model.js';
import type { ModelDiagnostic } from '../model/diagnostic.js';
import type { ModelFragment } from '../model/model-builder.js';
import type { ArchModelProvider, BuiltModel } from '../model/model-provider.js';
import { checkReadiness, checkRules, flatten, type ReadinessRun } from './engine.js';
import { READINESS_RULES } from './registry.js';
import { changeBetween, keptFindings, readsChanged } from './reuse.js';

/**
 * Readiness diagnostics of each model, computed once per build and handed out per file. After an
 * edit, a rule runs again only if the edit changed what it reads; the others keep what they found
 * (see reuse.ts).
 */
export class ReadinessService {
    /** Per folder: the fragments of the last run at the model's own stage, and what it found. */
    private readonly last = new Map<string, { fragments: readonly ModelFragment[]; run: ReadinessRun }>();
    /** How many rules the last run ran (the others kept their findings): for tests and the benchmark's notes. */
    lastRulesRun = 0;

    constructor(private readonly models: ArchModelProvider) {}

    /** The readiness diagnostics at the model's own stage, grouped by file. */
    byUri(built: BuiltModel): ReadonlyMap<string, ModelDiagnostic[]> {
        return this.models.derive(built, 'readiness', () => groupByUri(flatten(this.run(built))));
    }

    private run(built: BuiltModel): ReadinessRun {
        const last = this.last.get(built.folder);
        const change = last && changeBetween(last.fragments, built.fragments);
        let ran = 0;
        const run = checkRules(built.model, () => built.index, READINESS_RULES, {}, (rule, position) => {
            if (change && !readsChanged(rule, change)) return keptFindings(last.run.byRule[position], change);
            ran++;
            return undefined;
        });
        this.lastRulesRun = ran;
        this.last.set(built.folder, { fragments: built.fragments, run });
        return run;
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
