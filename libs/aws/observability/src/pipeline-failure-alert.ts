import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { Construct } from 'constructs';

/** Props of {@link PipelineFailureAlert}. */
export interface PipelineFailureAlertProps {
  /** Environment name (the pipeline environment): prefixes the rule name. */
  readonly environmentName: string;
  /** The release pipelines watched (`<service>-release`). */
  readonly pipelineNames: readonly string[];
  /** The pipeline account's alerting topic. */
  readonly topicArn: string;
}

/** What on-call checks first when a release pipeline fails. */
export const PIPELINE_FAILURE_GUIDANCE =
  'Check first: the failed stage and action of the execution in the CodePipeline console (aws codepipeline get-pipeline-execution / list-action-executions): a failed build or test is the change author\u2019s; a failed deploy stage means the environment rolled back: look at that environment\u2019s service dashboard and deployment events.';

/**
 * Pipeline failures, in the pipeline account: an EventBridge rule on CodePipeline executions
 * that end FAILED for the release pipelines, straight to the alerting topic with a message that
 * names the pipeline and execution and says what to check first. (An event rule rather than a
 * metric alarm: it fires once per failed execution, immediately, and names it.)
 */
export class PipelineFailureAlert extends Construct {
  /** The rule. */
  readonly rule: CloudwatchEventRule;

  constructor(scope: Construct, id: string, props: PipelineFailureAlertProps) {
    super(scope, id);
    if (props.pipelineNames.length === 0)
      throw new Error(`${this.node.path}: pipelineNames must name at least one pipeline`);
    this.rule = new CloudwatchEventRule(this, 'rule', {
      name: `${props.environmentName}-release-pipeline-failed`,
      // At most 512 characters (EventBridge's limit); a test keeps it so.
      description: `A release pipeline execution failed. ${PIPELINE_FAILURE_GUIDANCE}`,
      eventPattern: JSON.stringify({
        source: ['aws.codepipeline'],
        'detail-type': ['CodePipeline Pipeline Execution State Change'],
        detail: { pipeline: [...props.pipelineNames], state: ['FAILED'] },
      }),
    });
    new CloudwatchEventTarget(this, 'to-alerting-topic', {
      rule: this.rule.name,
      targetId: 'alerting-topic',
      arn: props.topicArn,
      inputTransformer: {
        inputPaths: {
          pipeline: '$.detail.pipeline',
          execution: '$.detail.execution-id',
          time: '$.time',
          region: '$.region',
        },
        inputTemplate: JSON.stringify(
          `Release pipeline <pipeline> failed at <time> (execution <execution>, region <region>). ${PIPELINE_FAILURE_GUIDANCE}`,
        ),
      },
    });
  }
}
