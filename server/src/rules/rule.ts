import type { Allow, ArchModel, Range, Severity, Source, SourceLocation, Stage } from '../model/arch-model.js';
import type { ModelIndex } from '../model/graph.js';
import type { ModelList } from '../model/model-builder.js';

/** The thing a diagnostic is about: its declaration (for the squiggle and fixes) and its `allow`s. */
export interface Subject {
    kind: 'element' | 'flow' | 'requirement' | 'decision' | 'view' | 'architecture' | 'step';
    /** For messages: the element's id, `a -> b` for a flow. */
    label: string;
    decl: Pick<Source, 'name' | 'full' | 'block'>;
    allows: readonly Allow[];
    /** For a sequence step: where the step is (the diagnostic goes there; the view's block takes fixes). */
    location?: SourceLocation;
}

export interface Finding {
    subject: Subject;
    message: string;
    /** Overrides the rule's default severity for this finding (e.g. `error` when governed). */
    severity?: Severity;
    related?: { location: SourceLocation; message: string }[];
    /** A property that cures it, as a snippet: `replicas ${1:2}`. */
    insert?: string;
    /** An existing property that `insert` replaces (`monitoring logs` becoming `monitoring metrics logs`), so the fix never repeats a property. */
    replace?: Range;
    /** The quick fix's title: "Add replicas 2". */
    fixTitle?: string;
}

export interface RuleContext {
    model: ArchModel;
    index: ModelIndex;
    /** The stage the rules run for (the model's, or the one asked for with --stage). */
    stage: Stage;
    report(finding: Finding): void;
    /** Runs `check` on each item; an exception becomes one diagnostic on that item instead of stopping the rule. */
    each<T>(items: Iterable<T>, subjectOf: (item: T) => Subject, check: (item: T) => void): void;
}

/**
 * What a rule reads of the model: per list, the fields of its items, and of the architecture. Of a
 * declaration's `decl`, the place of each property is a field of its own (`decl.properties.owner`,
 * for a fix that replaces the owner), and the rest is `decl`. `index` says that the rule reads the ModelIndex,
 * and so whatever the index is made of (`INDEX_READS` in reuse.ts); what it reads through the
 * index's items counts as read from their lists. Each item's `allows` and the architecture's
 * `rules` and `stage`, which the engine reads for every rule, need not be listed.
 *
 * After an edit, a rule runs again only if the edit changed a field it reads, or added or removed
 * an item of a list it reads; otherwise what it found last time is kept (reuse.ts).
 * test/rules/reuse.test.ts fails when a rule reads a field it does not list.
 */
export type RuleReads = { readonly [L in ModelList | 'architecture']?: readonly string[] } & { readonly index?: boolean };

/** A readiness rule of rules.md: an id (the diagnostic's code), the stage it starts at, a default severity. */
export interface ReadinessRule {
    id: string;
    stage: 'design' | 'production';
    severity: Severity;
    /** One line for SARIF, docs and the readiness report. */
    summary: string;
    /** What it reads of the model (see {@link RuleReads}). */
    reads: RuleReads;
    check(context: RuleContext): void;
}
