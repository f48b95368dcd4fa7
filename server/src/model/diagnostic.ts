import type { Range, Severity, Source, SourceLocation } from './arch-model.js';

/**
 * A diagnostic computed from the ArchModel (a readiness rule, or `unknown-rule`), independent of
 * LSP: the language server and the command line turn it into their own shapes.
 */
export interface ModelDiagnostic {
    code: string;
    severity: Severity;
    message: string;
    location: SourceLocation;
    related?: { location: SourceLocation; message: string }[];
    /** What the quick fixes need. */
    fix?: FixData;
    /** For `unknown-rule`: the readiness rule id that was probably meant. */
    suggestion?: string;
}

/** Carried in the LSP diagnostic's `data` so that the code action provider can offer fixes without recomputing. */
export interface FixData {
    /** The declaration the diagnostic is about, to insert into its block. */
    subject: Pick<Source, 'full' | 'block'> & { uri: string };
    /** The kind of thing: element, flow, requirement, decision, view, architecture. */
    subjectKind: 'element' | 'flow' | 'requirement' | 'decision' | 'view' | 'architecture' | 'step';
    /** A property to add, as a snippet (`replicas ${1:2}`); absent when the cure is not one property. */
    insert?: string;
    /** An existing property that `insert` replaces instead of being added beside it. */
    replace?: Range;
    /** The title of the fix ("Add replicas 2"). */
    title?: string;
    /** The rule id, for "allow this here" / `rule ... off`. */
    rule: string;
}
