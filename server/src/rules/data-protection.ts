import { isDatastore, isEncrypted, SENSITIVE_CLASSES, type ArchModel, type Constraint, type DataClass } from '../model/arch-model.js';
import type { ModelIndex } from '../model/graph.js';
import { subjects } from './engine.js';
import { propertyFix } from './fixes.js';
import type { Finding, ReadinessRule, RuleReads } from './rule.js';

// The production rules about data: sensitive data is encrypted in transit and at rest (an error
// when a compliance constraint governs it), and databases and object stores are backed up.

const GOVERNS: Partial<Record<NonNullable<Constraint['standard']>, DataClass>> = { 'GDPR': 'pii', 'PCI-DSS': 'payment', 'HIPAA': 'health' };

/** What {@link governors} and {@link sensitivity} read, with the governing constraint's place (see RuleReads). */
export const SENSITIVITY_READS = {
    constraints: ['id', 'kind', 'standard', 'decl'],
    data: ['id', 'class'],
    index: true
} as const satisfies RuleReads;

/** The first compliance constraint governing each class of data: computed once per check, so lookups stay constant-time. */
export function governors(model: ArchModel): Map<DataClass, Constraint> {
    const out = new Map<DataClass, Constraint>();
    for (const c of model.constraints) {
        const cls = c.kind === 'compliance' && c.standard !== undefined ? GOVERNS[c.standard] : undefined;
        if (cls && !out.has(cls)) out.set(cls, c);
    }
    return out;
}

/** The sensitive assets among `ids`, and the first compliance constraint that governs one of them. */
export function sensitivity(ids: readonly string[], index: ModelIndex, governed: ReadonlyMap<DataClass, Constraint> = new Map()): { sensitive: string[]; governedBy?: Constraint } {
    const sensitive = ids.filter(id => {
        const cls = index.data.get(id)?.class;
        return cls !== undefined && SENSITIVE_CLASSES.includes(cls);
    });
    const governedBy = sensitive.map(id => governed.get(index.data.get(id)!.class!)).find(c => c !== undefined);
    return { sensitive, governedBy };
}

/** Severity and related information of a finding about sensitive data: error when governed. */
function governance(governedBy: Constraint | undefined): Pick<Finding, 'severity' | 'related'> {
    if (!governedBy) return {};
    return { severity: 'error', related: [{ location: governedBy.decl.name, message: `${governedBy.id}: ${governedBy.standard} governs this data` }] };
}

function governedNote(governedBy: Constraint | undefined): string {
    return governedBy ? ` (${governedBy.standard} applies, see ${governedBy.id})` : '';
}

/** Sensitive data on the wire in clear text can be read by anyone on the path. */
export const unencryptedSensitiveFlow: ReadinessRule = {
    id: 'unencrypted-sensitive-flow', stage: 'production', severity: 'warning',
    summary: 'A flow carries sensitive data and is not encrypted (an error when a compliance constraint governs the data).',
    reads: { ...SENSITIVITY_READS, flows: ['source', 'target', 'carries', 'encrypted', 'protocol', 'decl', 'decl.properties.encrypted'] },
    check({ model, index, each, report }) {
        const governed = governors(model);
        each(model.flows, subjects.flow, flow => {
            if (isEncrypted(flow)) return;
            const { sensitive, governedBy } = sensitivity(flow.carries, index, governed);
            if (sensitive.length === 0) return;
            report({
                subject: subjects.flow(flow),
                message: `The flow ${flow.source} -> ${flow.target} carries ${sensitive.join(', ')} unencrypted${governedNote(governedBy)}: add encrypted, or use HTTPS, TLS or mTLS.`,
                ...governance(governedBy),
                ...propertyFix(flow.decl, 'encrypted', 'encrypted', 'Mark the flow encrypted')
            });
        });
    }
};

/** A stolen disk or snapshot of a store of sensitive data should yield nothing readable. */
export const unencryptedSensitiveStore: ReadinessRule = {
    id: 'unencrypted-sensitive-store', stage: 'production', severity: 'warning',
    summary: 'A datastore stores sensitive data without encryption at rest (an error when a compliance constraint governs the data).',
    reads: { ...SENSITIVITY_READS, elements: ['id', 'kind', 'stores', 'encryptionAtRest', 'decl', 'decl.properties.encryption'] },
    check({ model, index, each, report }) {
        const governed = governors(model);
        each(model.elements.filter(isDatastore), subjects.element, element => {
            if (element.encryptionAtRest) return;
            const { sensitive, governedBy } = sensitivity(element.stores, index, governed);
            if (sensitive.length === 0) return;
            report({
                subject: subjects.element(element),
                message: `${element.id} stores ${sensitive.join(', ')} without encryption at rest${governedNote(governedBy)}: add encryption at-rest.`,
                ...governance(governedBy),
                ...propertyFix(element.decl, 'encryption', 'encryption at-rest', 'Add encryption at-rest')
            });
        });
    }
};

/** Without a backup, a bad migration or a deleted bucket is permanent. */
export const missingBackup: ReadinessRule = {
    id: 'missing-backup', stage: 'production', severity: 'warning',
    summary: 'A database or storage has no backup.',
    reads: { elements: ['id', 'kind', 'backup', 'decl', 'decl.properties.backup'] },
    check({ model, each, report }) {
        each(model.elements.filter(e => e.kind === 'database' || e.kind === 'storage'), subjects.element, element => {
            if (element.backup !== undefined) return;
            report({
                subject: subjects.element(element),
                message: `The ${element.kind} ${element.id} has no backup: add backup daily (or hourly, weekly, continuous), with retain DURATION if you like.`,
                ...propertyFix(element.decl, 'backup', 'backup ${1|daily,hourly,weekly,continuous|}', 'Add backup daily')
            });
        });
    }
};
