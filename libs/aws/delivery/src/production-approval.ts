import type {
  CodepipelineStage,
  CodepipelineStageAction,
} from '@cdktf/provider-aws/lib/codepipeline';

/** A target environment of a pipeline, as far as the approval gate cares. */
export interface GatedEnvironment {
  /** Environment name; its stage is `Deploy-<name>`. */
  readonly name: string;
  /** Whether it serves customers. */
  readonly production: boolean;
}

const isManualApproval = (action: CodepipelineStageAction) =>
  action.category === 'Approval' && action.provider === 'Manual';

/**
 * Why the stages would let a release into production without a person's approval: every
 * production environment's `Deploy-<env>` stage must exist and follow a stage whose actions
 * are all manual approvals. Empty when the gate holds.
 */
export function productionApprovalGaps(
  stages: readonly CodepipelineStage[],
  environments: readonly GatedEnvironment[],
): string[] {
  return environments
    .filter((e) => e.production)
    .flatMap((e) => {
      const at = stages.findIndex((s) => s.name === `Deploy-${e.name}`);
      if (at === -1) return [`production environment ${e.name} has no Deploy-${e.name} stage`];
      const before = stages[at - 1];
      const actions = (before?.action ?? []) as CodepipelineStageAction[];
      return actions.length > 0 && actions.every(isManualApproval)
        ? []
        : [`Deploy-${e.name} is not preceded by a manual approval stage`];
    });
}

/**
 * Typed invariant checked at synth: a release pipeline never reaches production without a
 * manual approval (defence in depth behind the stage builder; see issue 20).
 *
 * @throws Error naming the pipeline and every gap
 */
export function assertProductionApproval(
  pipeline: string,
  stages: readonly CodepipelineStage[],
  environments: readonly GatedEnvironment[],
): void {
  const gaps = productionApprovalGaps(stages, environments);
  if (gaps.length > 0) {
    throw new Error(`pipeline ${pipeline}: ${gaps.join('; ')}`);
  }
}
