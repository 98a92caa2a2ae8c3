import { PlatformStack } from '@platform/core';
import { environment } from '@platform/testing';
import { App } from 'cdktf';
import { DoraForwarder, DoraReceiver } from './dora-forwarding';
import { EdgeAlarms } from './edge-alarms';
import { PipelineFailureAlert } from './pipeline-failure-alert';

const stack = () =>
  new PlatformStack(new App(), { family: 'observability', environment: environment('dev') });

describe('observability constructs reject bad props, naming the construct, the prop and the value', () => {
  it('edge alarms need a gateway and whole thresholds of 1 or more', () => {
    expect(
      () =>
        new EdgeAlarms(stack(), 'edge', {
          environmentName: 'dev',
          region: 'eu-west-1',
          natGatewayIds: [],
          webAclName: 'dev-public-alb',
          natPortAllocationErrorsPer5Minutes: 0,
          wafBlockedRequestsPer5Minutes: 1.5,
          topicArn: 'arn:aws:sns:eu-west-1:111111111111:dev-alerts',
        }),
    ).toThrow(
      'observability-dev/edge: natGatewayIds must name at least one gateway; natPortAllocationErrorsPer5Minutes must be a whole number, 1 or more (got 0); wafBlockedRequestsPer5Minutes must be a whole number, 1 or more (got 1.5)',
    );
  });

  it('the pipeline account does not receive its own events, and forwards to at least one environment', () => {
    expect(
      () =>
        new DoraReceiver(stack(), 'receiver', {
          accountId: '111111111111',
          region: 'eu-west-1',
          pipelineAccountId: '111111111111',
          pipelineEnvironmentName: 'dev',
        }),
    ).toThrow(
      'observability-dev/receiver: the pipeline account forwards events, it does not receive them (pipelineAccountId = accountId = 111111111111)',
    );
    expect(
      () =>
        new DoraForwarder(stack(), 'forwarder', {
          environmentName: 'dev',
          accountId: '111111111111',
          region: 'eu-west-1',
          targets: [],
        }),
    ).toThrow('observability-dev/forwarder: targets must name at least one environment');
  });

  it('a pipeline failure alert watches at least one pipeline', () => {
    expect(
      () =>
        new PipelineFailureAlert(stack(), 'pipelines', {
          environmentName: 'dev',
          pipelineNames: [],
          topicArn: 'arn:aws:sns:eu-west-1:111111111111:dev-alerts',
        }),
    ).toThrow('observability-dev/pipelines: pipelineNames must name at least one pipeline');
  });
});
