import type { ArchModel, SequenceStep, Severity, Stage } from '../model/arch-model.js';
import type { FixData, ModelDiagnostic } from '../model/diagnostic.js';
import type { ModelIndex } from '../model/graph.js';
import { FRAGMENT_LISTS } from '../model/model-builder.js';
import { nearest } from '../util/edit-distance.js';
import type { Finding, ReadinessRule, RuleContext, Subject } from './rule.js';

const STAGE_RANK: Record<Stage, number> = { whiteboard: 0, design: 1, production: 2 };

export interface ReadinessOptions {
    /** Check as if the model were at this stage (`archwright check --stage production`). */
    stage?: Stage;
}

/**
 * Runs every readiness rule that the stage calls for, applying the model's `rule` severities and
 * the `allow`s of each subject, and reports `rule`/`allow` lines that name no readiness rule.
 */
export function checkReadiness(model: ArchModel, index: ModelIndex, rules: readonly ReadinessRule[], options: ReadinessOptions = {}): ModelDiagnostic[] {
    return flatten(checkRules(model, () => index, rules, options));
}

/** What {@link checkRules} found: about `rule` and `allow` lines, and what each rule found (in the order of the rules). */
export interface ReadinessRun {
    unknownRules: ModelDiagnostic[];
    byRule: ModelDiagnostic[][];
}

/** All the diagnostics of a run: those about unknown rules first, then each rule's in order. */
export function flatten(run: ReadinessRun): ModelDiagnostic[] {
    return [...run.unknownRules, ...run.byRule.flat()];
}

/**
 * {@link checkReadiness}, keeping what each rule found apart. `kept` may give, for a rule, what it
 * would find (kept from an earlier run, see reuse.ts): then it is not run. The index is asked for
 * only when a rule that runs reads it.
 */
export function checkRules(model: ArchModel, index: () => ModelIndex, rules: readonly ReadinessRule[], options: ReadinessOptions = {},
    kept?: (rule: ReadinessRule, position: number) => ModelDiagnostic[] | undefined): ReadinessRun {
    const stage = options.stage ?? model.stage;
    const unknownRules: ModelDiagnostic[] = [];
    const known = new Set(rules.map(r => r.id));
    const overrides = new Map<string, Severity | 'off'>();
    for (const setting of model.architecture?.rules ?? []) {
        if (known.has(setting.rule)) overrides.set(setting.rule, setting.severity);
        else unknownRules.push(unknownRule(setting.rule, setting.location, known));
    }
    // Indexed loops: this one runs over every item of the model after every edit that runs a rule.
    for (const list of FRAGMENT_LISTS) {
        const items = model[list];
        for (let i = 0; i < items.length; i++) {
            const allows = items[i].allows;
            for (let j = 0; j < allows.length; j++) if (!known.has(allows[j].rule)) unknownRules.push(unknownRule(allows[j].rule, allows[j].location, known));
        }
    }
    const byRule = rules.map((rule, position): ModelDiagnostic[] => {
        if (STAGE_RANK[rule.stage] > STAGE_RANK[stage]) return [];
        const override = overrides.get(rule.id);
        if (override === 'off') return [];
        const reused = kept?.(rule, position);
        if (reused) return reused;
        const out: ModelDiagnostic[] = [];
        const report = (finding: Finding) => {
            if (finding.subject.allows.some(a => a.rule === rule.id)) return;
            out.push(toDiagnostic(rule, finding, override));
        };
        const context: RuleContext = {
            model, stage, report,
            get index() { return index(); },
            each(items, subjectOf, check) {
                for (const item of items) {
                    try {
                        check(item);
                    } catch (error) {
                        report({ subject: subjectOf(item), message: `The rule ${rule.id} failed on ${subjectOf(item).label}: ${String(error)}. This is a bug in Archwright; please report it.` });
                    }
                }
            }
        };
        try {
            rule.check(context);
        } catch (error) {
            const where = model.architecture?.decl.name ?? { uri: model.uris[0] ?? '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
            out.push({ code: rule.id, severity: 'warning', message: `The rule ${rule.id} failed: ${String(error)}. This is a bug in Archwright; please report it.`, location: where });
        }
        return out;
    });
    return { unknownRules, byRule };
}

function toDiagnostic(rule: ReadinessRule, finding: Finding, override: Severity | undefined): ModelDiagnostic {
    const subject = finding.subject;
    const fix: FixData = {
        subject: { uri: subject.decl.name.uri, full: subject.decl.full, block: subject.decl.block },
        subjectKind: subject.kind,
        insert: finding.insert,
        replace: finding.replace,
        title: finding.fixTitle,
        rule: rule.id
    };
    return {
        code: rule.id,
        severity: override ?? finding.severity ?? rule.severity,
        message: finding.message,
        location: subject.location ?? subject.decl.name,
        related: finding.related,
        fix
    };
}

function unknownRule(id: string, location: ModelDiagnostic['location'], known: ReadonlySet<string>): ModelDiagnostic {
    const suggestion = nearest(id, known);
    return {
        code: 'unknown-rule',
        severity: 'warning',
        message: `${id} is not a readiness rule${suggestion ? `; did you mean ${suggestion}?` : '.'}`,
        location,
        suggestion
    };
}

/** Helpers for rules: the subject of each kind of model item. */
export const subjects = {
    element: (e: { id: string; decl: Subject['decl']; allows: Subject['allows'] }): Subject => ({ kind: 'element', label: e.id, decl: e.decl, allows: e.allows }),
    flow: (f: { source: string; target: string; decl: Subject['decl']; allows: Subject['allows'] }): Subject => ({ kind: 'flow', label: `${f.source} -> ${f.target}`, decl: f.decl, allows: f.allows }),
    requirement: (r: { id: string; decl: Subject['decl']; allows: Subject['allows'] }): Subject => ({ kind: 'requirement', label: r.id, decl: r.decl, allows: r.allows }),
    decision: (d: { id: string; decl: Subject['decl']; allows: Subject['allows'] }): Subject => ({ kind: 'decision', label: d.id, decl: d.decl, allows: d.allows }),
    /** A sequence step: the diagnostic sits on the step's line; the view's block takes its `allow`s and fixes. */
    step: (view: { decl: Subject['decl']; allows: Subject['allows'] }, step: SequenceStep): Subject => ({
        kind: 'step', label: `${step.source} -> ${step.target}`, decl: view.decl, allows: view.allows, location: step.location
    }),
    /**
     * The architecture declaration (suppressed only by `rule RULE-ID off`). A model checked at a
     * stage without declaring one (`check --stage`) gets the start of its first file instead.
     */
    architecture(model: ArchModel): Subject {
        const start = { line: 0, character: 0 };
        const decl = model.architecture?.decl
            ?? { name: { uri: model.uris[0] ?? '', range: { start, end: start } }, full: { start, end: start } };
        return { kind: 'architecture', label: model.architecture?.title ?? 'the architecture', decl, allows: [] };
    }
};
