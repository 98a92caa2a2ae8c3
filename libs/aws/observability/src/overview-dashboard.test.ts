import { overviewWidgets } from './overview-dashboard';

const props = (alarms: number) => ({
  name: 'dev-overview',
  environmentName: 'dev',
  region: 'eu-west-1',
  eksClusterName: 'dev',
  natGatewayIds: ['nat-1'],
  webAclName: 'dev-public-alb',
  loadBalancerArnSuffix: 'app/dev-public/0',
  alarmArns: Array.from(
    { length: alarms },
    (_, i) => `arn:aws:cloudwatch:eu-west-1:111111111111:alarm:dev-${i}`,
  ),
});

const alarmWidgets = (alarms: number) =>
  overviewWidgets(props(alarms))
    .filter((w) => w.type === 'alarm')
    .map((w) => ({
      title: w.properties['title'],
      alarms: (w.properties['alarms'] as string[]).length,
    }));

describe('overview dashboard alarm states', () => {
  it("one widget while the alarms fit within CloudWatch's limit of 100", () => {
    expect(alarmWidgets(100)).toEqual([{ title: 'Alarm states', alarms: 100 }]);
  });

  it('an environment with many services gets one widget per hundred alarms, none left out', () => {
    expect(alarmWidgets(272)).toEqual([
      { title: 'Alarm states (1/3)', alarms: 100 },
      { title: 'Alarm states (2/3)', alarms: 100 },
      { title: 'Alarm states (3/3)', alarms: 72 },
    ]);
  });
});
