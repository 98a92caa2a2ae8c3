import { degradedRule } from './service-composite-alarm';
import {
  alarmStatusWidget,
  dashboardBody,
  layout,
  logWidget,
  metricWidget,
  textWidget,
} from './widgets';

const graph = (width?: number) =>
  metricWidget({
    title: 'requests',
    region: 'eu-west-1',
    width,
    series: [
      {
        namespace: 'AWS/ApplicationELB',
        metricName: 'RequestCount',
        dimensions: { LoadBalancer: 'app/x/1', TargetGroup: 'targetgroup/y/2' },
        label: 'requests',
      },
    ],
  });

describe('dashboard widgets', () => {
  it('writes a metric as CloudWatch reads it: namespace, name, dimension pairs, then options', () => {
    expect(graph().properties['metrics']).toEqual([
      [
        'AWS/ApplicationELB',
        'RequestCount',
        'LoadBalancer',
        'app/x/1',
        'TargetGroup',
        'targetgroup/y/2',
        { label: 'requests' },
      ],
    ]);
  });

  it('lays widgets out left to right and wraps at 24 columns', () => {
    expect(
      layout([textWidget('# t'), graph(12), graph(8), graph(8), graph(24)]).map((w) => [w.x, w.y]),
    ).toEqual([
      [0, 0],
      [0, 2],
      [12, 2],
      [0, 8],
      [0, 14],
    ]);
  });

  it('serializes the same widgets to the same body', () => {
    const widgets = () => [
      graph(),
      alarmStatusWidget({ title: 'alarms', alarmArns: ['arn:aws:cloudwatch:eu-west-1:1:alarm:a'] }),
      logWidget({
        title: 'q',
        region: 'eu-west-1',
        logGroupNames: ['/g'],
        query: 'stats count(*)',
      }),
    ];
    expect(dashboardBody(widgets())).toBe(dashboardBody(widgets()));
    expect(JSON.parse(dashboardBody(widgets())).widgets[2].properties.query).toBe(
      "SOURCE '/g' | stats count(*)",
    );
  });

  it('rejects widgets CloudWatch would refuse, naming the widget and the value', () => {
    expect(() => metricWidget({ title: 'empty', region: 'eu-west-1', series: [] })).toThrow(
      'widget "empty": series is empty',
    );
    expect(() =>
      metricWidget({
        title: 'p',
        region: 'eu-west-1',
        series: [{ expression: '1', label: 'one', id: 'one' }],
        periodSeconds: 90,
      }),
    ).toThrow('widget "p": periodSeconds must be a multiple of 60 (got 90)');
    expect(() => alarmStatusWidget({ title: 'none', alarmArns: [] })).toThrow(
      'widget "none": alarmArns must list 1 to 100 alarms (got 0)',
    );
    expect(() => layout([graph(25)])).toThrow('a widget is 1 to 24 columns wide (got 25)');
  });

  it('the composite rule needs a user-facing symptom confirmed by a second one', () => {
    expect(
      degradedRule({
        errorRate: 'e',
        latency: 'l',
        unhealthyHosts: 'u',
        cpu: 'c',
        memory: 'm',
      }),
    ).toBe(
      '(ALARM("e") AND ALARM("l")) OR ((ALARM("e") OR ALARM("l")) AND (ALARM("u") OR ALARM("c") OR ALARM("m")))',
    );
  });
});
