import type { AstNode } from 'langium';

/**
 * The keyword that starts each property node, by AST type. Diagnostics, quick fixes and the
 * model's `Source.properties` speak of properties by this keyword.
 */
const KEYWORDS: Record<string, string> = {
    StageProperty: 'stage', RuleProperty: 'rule', DescriptionProperty: 'description', OwnerProperty: 'owner',
    RequirementKindProperty: 'kind', ConstraintKindProperty: 'kind', DeploymentKindProperty: 'kind',
    TargetProperty: 'target', PriorityProperty: 'priority', StandardProperty: 'standard', ClassProperty: 'class',
    TechnologyProperty: 'technology', TagsProperty: 'tags', SatisfiesProperty: 'satisfies',
    ExposureProperty: 'exposure', ReplicasProperty: 'replicas', ScalingProperty: 'scaling',
    HealthcheckProperty: 'healthcheck', MonitoringProperty: 'monitoring', AlertProperty: 'alert',
    StoresProperty: 'stores', EncryptionProperty: 'encryption', ReplicationProperty: 'replication',
    ShardingProperty: 'sharding', BackupProperty: 'backup', AllowProperty: 'allow',
    ProtocolProperty: 'protocol', FormatProperty: 'format', CarriesProperty: 'carries',
    EncryptedProperty: 'encrypted', AuthProperty: 'auth', AsyncProperty: 'async', RunsProperty: 'runs',
    StatusProperty: 'status', DateProperty: 'date', AffectsProperty: 'affects', RationaleProperty: 'rationale',
    ConsequencesProperty: 'consequences', IncludeProperty: 'include', ExcludeProperty: 'exclude'
};

/** Properties that may be written more than once in a block. */
export const REPEATABLE_PROPERTIES = new Set(['link', 'source', 'runbook', 'dashboard', 'alert', 'allow', 'rule', 'runs', 'include', 'exclude']);

/** The property keyword of a property node (`link`, `source`... for links), or undefined for other nodes. */
export function propertyKeyword(node: AstNode): string | undefined {
    if (node.$type === 'LinkProperty') return (node as AstNode & { kind: string }).kind;
    return KEYWORDS[node.$type];
}
