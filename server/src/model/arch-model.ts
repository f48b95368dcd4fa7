// ArchModel: the whole workspace model as plain, serialisable data. Rules, views, the command line
// and the docs generator read only this (and its indexes in graph.ts), never the AST, so each of them
// can be tested with plain objects. Positions are 0-based, as in LSP.

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface SourceLocation { uri: string; range: Range }

/**
 * Where a declaration sits in its file: enough for diagnostics, reveal, and quick fixes. In the
 * language server a PackedSource (packed-source.ts) stands for it: each part is made when first
 * read, then kept, and JSON gives the plain object.
 */
export interface Source {
    /** The id (or, for a flow or step, the arrow): where diagnostics about it start. */
    name: SourceLocation;
    /** The whole declaration, block included. */
    full: Range;
    /** The `{ ... }` block, when there is one: quick fixes insert before its closing brace. */
    block?: { open: Position; close: Position };
    /** Where each property was written (the first one, for repeatable properties). */
    properties: Partial<Record<string, Range>>;
}

export const ELEMENT_KINDS = [
    'person', 'external', 'system', 'service', 'app', 'function', 'job', 'gateway',
    'loadbalancer', 'database', 'cache', 'queue', 'storage', 'component'
] as const;
export type ElementKind = typeof ELEMENT_KINDS[number];

export const DATASTORE_KINDS: readonly ElementKind[] = ['database', 'cache', 'queue', 'storage'];
export const NON_DEPLOYABLE_KINDS: readonly ElementKind[] = ['person', 'external', 'system'];

export type Stage = 'whiteboard' | 'design' | 'production';
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Signal = 'metrics' | 'logs' | 'traces';
export type DataClass = 'public' | 'internal' | 'confidential' | 'pii' | 'payment' | 'health' | 'secret';
export const SENSITIVE_CLASSES: readonly DataClass[] = ['pii', 'payment', 'health', 'secret'];

/** `allow RULE-ID "reason"` written in a block. */
export interface Allow { rule: string; reason: string; location: SourceLocation }

export interface Link { kind: 'link' | 'source' | 'runbook' | 'dashboard'; target: string; location: SourceLocation }

export interface ArchElement {
    id: string;
    kind: ElementKind;
    title?: string;
    description?: string;
    technology?: string;
    owner?: string;
    tags: string[];
    links: Link[];
    /** Ids of the requirements it satisfies (only those that resolve to a requirement). */
    satisfies: string[];
    exposure?: 'public' | 'internal';
    replicas?: number;
    scaling?: { mode: 'horizontal' | 'vertical'; min?: number; max?: number };
    healthcheck?: string;
    monitoring?: Signal[];
    alerts: string[];
    /** Ids of the data assets held at rest. */
    stores: string[];
    encryptionAtRest: boolean;
    replication?: 'none' | 'primary-replica' | 'multi-primary' | 'cluster';
    sharding?: string;
    backup?: { frequency: 'hourly' | 'daily' | 'weekly' | 'continuous'; retain?: string };
    allows: Allow[];
    /** The enclosing element's id (a system, unless the file misplaces it). */
    parent?: string;
    children: string[];
    decl: Source;
}

export interface Flow {
    /** Stable within one build: `source->target#n`, n counting flows between the same ends. */
    key: string;
    source: string;
    target: string;
    label?: string;
    protocol?: string;
    format?: string;
    carries: string[];
    /** `encrypted` written explicitly; see isEncrypted() for the protocol-implied case. */
    encrypted: boolean;
    auth?: string;
    async: boolean;
    description?: string;
    allows: Allow[];
    decl: Source;
}

export interface Requirement {
    id: string;
    title?: string;
    kind?: 'functional' | 'performance' | 'availability' | 'scalability' | 'security' | 'compliance'
        | 'usability' | 'maintainability' | 'cost';
    target?: { text?: string; percent?: number };
    priority?: 'must' | 'should' | 'could';
    description?: string;
    allows: Allow[];
    decl: Source;
}

export interface Constraint {
    id: string;
    title?: string;
    kind?: 'compliance' | 'budget' | 'timeline' | 'technology' | 'regulatory' | 'other';
    standard?: 'GDPR' | 'PCI-DSS' | 'HIPAA' | 'SOC2' | 'ISO27001';
    description?: string;
    allows: Allow[];
    decl: Source;
}

export interface DataAsset {
    id: string;
    title?: string;
    class?: DataClass;
    description?: string;
    owner?: string;
    allows: Allow[];
    decl: Source;
}

export interface DeploymentNode {
    id: string;
    kind: 'region' | 'zone' | 'node';
    title?: string;
    technology?: string;
    description?: string;
    children: DeploymentNode[];
    instances: Instance[];
    decl: Source;
}

/** `runs ELEMENT xN` on a node. */
export interface Instance {
    element: string;
    count: number;
    deployment: string;
    node: string;
    /** The nearest enclosing zone, if any. */
    zone?: string;
    location: SourceLocation;
}

export interface Deployment {
    id: string;
    title?: string;
    kind: 'production' | 'staging' | 'development' | 'test';
    description?: string;
    nodes: DeploymentNode[];
    /** Every instance of every node, in document order. */
    instances: Instance[];
    /** Ids of every zone declared anywhere in it. */
    zones: string[];
    allows: Allow[];
    decl: Source;
}

export interface Decision {
    id: string;
    title?: string;
    status?: 'proposed' | 'accepted' | 'rejected' | 'deprecated' | 'superseded';
    supersededBy?: string;
    date?: string;
    affects: string[];
    rationale?: string;
    consequences?: string;
    description?: string;
    allows: Allow[];
    decl: Source;
}

export type ViewForm = 'landscape' | 'of' | 'deployment' | 'sequence' | 'requirements' | 'dataflow';

export interface SequenceStep { source: string; target: string; label?: string; location: SourceLocation }

export interface View {
    id: string;
    title?: string;
    form: ViewForm;
    /** The system, deployment or data asset of `of`, `deployment` and `dataflow` views. */
    subject?: string;
    /** Landscape: '*' or the listed element ids. */
    include: '*' | string[];
    exclude: string[];
    steps: SequenceStep[];
    description?: string;
    allows: Allow[];
    /** True for the automatic views offered when a model declares none. */
    automatic?: boolean;
    decl?: Source;
}

export interface RuleSetting { rule: string; severity: Severity | 'off'; location: SourceLocation }

export interface Architecture {
    title?: string;
    stage: Stage;
    description?: string;
    owner?: string;
    rules: RuleSetting[];
    decl: Source;
}

export interface ArchModel {
    /** The first `architecture` declaration in path order, if any. */
    architecture?: Architecture;
    /** The stage in force: the architecture's, or whiteboard. */
    stage: Stage;
    elements: ArchElement[];
    flows: Flow[];
    requirements: Requirement[];
    constraints: Constraint[];
    data: DataAsset[];
    deployments: Deployment[];
    decisions: Decision[];
    views: View[];
    /** The model's files, in path order. */
    uris: string[];
}

export function isDatastore(e: ArchElement): boolean {
    return DATASTORE_KINDS.includes(e.kind);
}

export function isDeployable(e: ArchElement): boolean {
    return !NON_DEPLOYABLE_KINDS.includes(e.kind);
}

const ENCRYPTED_PROTOCOLS = new Set(['https', 'wss', 'tls', 'mtls', 'sftp', 'ftps']);

/** `encrypted`, or a protocol that always encrypts (HTTPS, WSS, TLS, mTLS, SFTP, FTPS). */
export function isEncrypted(flow: Flow): boolean {
    return flow.encrypted || (flow.protocol !== undefined && ENCRYPTED_PROTOCOLS.has(flow.protocol.toLowerCase()));
}
