import { CodedeployApp } from '@cdktf/provider-aws/lib/codedeploy-app';
import { CodedeployDeploymentGroup } from '@cdktf/provider-aws/lib/codedeploy-deployment-group';
import {
  awsManagedPolicyArn,
  CODEDEPLOY_CONFIGS,
  servicePrincipal,
  TRAFFIC_SHIFTS,
} from '@platform/config';
import { keepAddresses } from '@platform/core';
import { Construct } from 'constructs';
import { serviceRole } from './roles';

/** How blue/green moves traffic: all at once, canary (10 % for 5 minutes), linear (10 % a minute). */
export type TrafficShift = (typeof TRAFFIC_SHIFTS)[number];

/** What a blue/green deployment does when a prop is not given. */
export const BLUE_GREEN_DEFAULTS = {
  trafficShifting: 'canary',
  terminateBlueAfterMinutes: 5,
} as const satisfies { trafficShifting: TrafficShift; terminateBlueAfterMinutes: number };

/** Props of {@link BlueGreenDeployment}. */
export interface BlueGreenDeploymentProps {
  /** The CodeDeploy application, e.g. dev-web. */
  readonly applicationName: string;
  /** The deployment group, e.g. dev-web. */
  readonly deploymentGroupName: string;
  /** The role CodeDeploy uses, e.g. dev-web-codedeploy. */
  readonly roleName: string;
  /** The account (the role's trust is limited to it). */
  readonly accountId: string;
  /** The region (its partition names the service principal and the managed policy). */
  readonly region: string;
  /** The cluster of the service. */
  readonly clusterName: string;
  /** The ECS service (its deployment controller must be CODE_DEPLOY). */
  readonly serviceName: string;
  /** The listener of production traffic. */
  readonly productionListenerArn: string;
  /** The listener of test traffic (the replacement tasks are tested through it). */
  readonly testListenerArn: string;
  /** The blue and the green target group, by name. */
  readonly targetGroupNames: readonly [string, string];
  /** Alarms that stop a deployment and roll it back. */
  readonly rollbackAlarmNames: readonly string[];
  /**
   * How traffic moves to the replacement tasks.
   * @default "canary": 10 % of traffic for 5 minutes, then the rest
   */
  readonly trafficShifting?: TrafficShift;
  /**
   * Minutes the blue tasks keep running after the shift, for an instant rollback (0 to 2880).
   * @default 5
   */
  readonly terminateBlueAfterMinutes?: number;
}

/** Every problem of the props, each naming the prop, the value and what is allowed. */
export function blueGreenProblems(props: BlueGreenDeploymentProps): string[] {
  const minutes = props.terminateBlueAfterMinutes;
  return [
    ...(props.trafficShifting !== undefined && !TRAFFIC_SHIFTS.includes(props.trafficShifting)
      ? [
          `trafficShifting must be one of ${TRAFFIC_SHIFTS.join(', ')} (got "${props.trafficShifting}")`,
        ]
      : []),
    ...(minutes !== undefined && (!Number.isInteger(minutes) || minutes < 0 || minutes > 2880)
      ? [`terminateBlueAfterMinutes must be a whole number from 0 to 2880 (got ${minutes})`]
      : []),
    ...(props.rollbackAlarmNames.length === 0
      ? ['rollbackAlarmNames must name at least one alarm: a bad version must roll back']
      : []),
  ];
}

/**
 * CodeDeploy blue/green for one ECS service: the application, a role with AWS's managed policy
 * for ECS, and a deployment group that shifts traffic between the two target groups, tests the
 * replacement through the test listener, and rolls back on failure and on the alarms.
 * Terraform addresses are those of the enclosing service (`codedeploy-app`, `codedeploy-role…`,
 * `deployment-group`).
 */
export class BlueGreenDeployment extends Construct {
  /** The CodeDeploy application. */
  readonly application: CodedeployApp;
  /** The deployment group. */
  readonly deploymentGroup: CodedeployDeploymentGroup;

  constructor(scope: Construct, id: string, props: BlueGreenDeploymentProps) {
    super(scope, id);
    keepAddresses(this);
    const problems = blueGreenProblems(props);
    if (problems.length > 0) throw new Error(`${this.node.path}: ${problems.join('; ')}`);
    this.application = new CodedeployApp(this, 'codedeploy-app', {
      name: props.applicationName,
      computePlatform: 'ECS',
    });
    const role = serviceRole(this, 'codedeploy-role', {
      name: props.roleName,
      description: `CodeDeploy blue/green of ${props.applicationName}`,
      servicePrincipal: servicePrincipal(props.region, 'codedeploy'),
      accountId: props.accountId,
      statements: [],
      managedPolicyArns: [awsManagedPolicyArn(props, 'AWSCodeDeployRoleForECS')],
    });
    const [blue, green] = props.targetGroupNames;
    this.deploymentGroup = new CodedeployDeploymentGroup(this, 'deployment-group', {
      appName: this.application.name,
      deploymentGroupName: props.deploymentGroupName,
      serviceRoleArn: role.arn,
      deploymentConfigName:
        CODEDEPLOY_CONFIGS[props.trafficShifting ?? BLUE_GREEN_DEFAULTS.trafficShifting],
      deploymentStyle: { deploymentOption: 'WITH_TRAFFIC_CONTROL', deploymentType: 'BLUE_GREEN' },
      blueGreenDeploymentConfig: {
        deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT' },
        terminateBlueInstancesOnDeploymentSuccess: {
          action: 'TERMINATE',
          terminationWaitTimeInMinutes:
            props.terminateBlueAfterMinutes ?? BLUE_GREEN_DEFAULTS.terminateBlueAfterMinutes,
        },
      },
      autoRollbackConfiguration: {
        enabled: true,
        events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'],
      },
      alarmConfiguration: { enabled: true, alarms: [...props.rollbackAlarmNames] },
      ecsService: { clusterName: props.clusterName, serviceName: props.serviceName },
      loadBalancerInfo: {
        targetGroupPairInfo: {
          prodTrafficRoute: { listenerArns: [props.productionListenerArn] },
          testTrafficRoute: { listenerArns: [props.testListenerArn] },
          targetGroup: [{ name: blue }, { name: green }],
        },
      },
    });
  }
}
