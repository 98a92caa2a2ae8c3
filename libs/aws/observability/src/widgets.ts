import { arn, type ArnScope } from '@platform/config';

/**
 * Typed builders for CloudWatch dashboard bodies (the dashboard body structure of the
 * CloudWatch API). Widgets are plain data; `dashboardBody` lays them out on the 24-column grid
 * in order and serializes them with a fixed key order, so the same input gives the same body.
 * Values may be Terraform tokens (e.g. an ARN suffix read from remote state): they end up as
 * interpolations inside JSON strings, which terraform fills in at plan time.
 */

/** A CloudWatch statistic: Sum, Average, Maximum, Minimum, SampleCount or a percentile (p99). */
export type Statistic = 'Sum' | 'Average' | 'Maximum' | 'Minimum' | 'SampleCount' | `p${number}`;

/** One metric of a graph. */
export interface MetricSeries {
  /** Namespace, e.g. AWS/ApplicationELB. */
  readonly namespace: string;
  /** Metric name, e.g. RequestCount. */
  readonly metricName: string;
  /** Dimensions, in the order they are shown. */
  readonly dimensions: Readonly<Record<string, string>>;
  /**
   * Statistic of this series.
   * @default the widget's statistic
   */
  readonly stat?: Statistic;
  /**
   * Legend label.
   * @default CloudWatch's label (metric name and dimensions)
   */
  readonly label?: string;
  /**
   * Id for metric math (lowercase letter first).
   * @default none: the series cannot be used in an expression
   */
  readonly id?: string;
  /**
   * Whether the series is drawn (false: only an input of an expression).
   * @default true
   */
  readonly visible?: boolean;
}

/** A metric math expression over series with ids. */
export interface ExpressionSeries {
  /** The expression, e.g. 100 * f / (s + f). */
  readonly expression: string;
  /** Legend label. */
  readonly label: string;
  /** Id of the result. */
  readonly id: string;
}

/** A series of a graph: a metric or an expression. */
export type Series = MetricSeries | ExpressionSeries;

/** The grid size of a widget: 1-24 columns wide, 1-1000 rows high. */
export interface WidgetSize {
  /**
   * Columns (of 24).
   * @default 12 (half the width)
   */
  readonly width?: number;
  /**
   * Rows.
   * @default 6
   */
  readonly height?: number;
}

/** A widget before layout. */
export interface Widget {
  /** CloudWatch widget type. */
  readonly type: 'metric' | 'alarm' | 'text' | 'log';
  /** Columns (of 24). */
  readonly width: number;
  /** Rows. */
  readonly height: number;
  /** The widget's properties, as CloudWatch reads them. */
  readonly properties: Readonly<Record<string, unknown>>;
}

/** Props of {@link metricWidget}. */
export interface MetricWidgetProps extends WidgetSize {
  /** Title shown above the graph. */
  readonly title: string;
  /** Region of the metrics. */
  readonly region: string;
  /** The series drawn. */
  readonly series: readonly Series[];
  /**
   * Default statistic of the series.
   * @default Sum
   */
  readonly stat?: Statistic;
  /**
   * Period of each data point, in seconds (a multiple of 60).
   * @default 60
   */
  readonly periodSeconds?: number;
  /**
   * Label of the left axis.
   * @default none
   */
  readonly yAxisLabel?: string;
  /**
   * Chart type.
   * @default timeSeries
   */
  readonly view?: 'timeSeries' | 'singleValue' | 'bar';
}

const size = (s: WidgetSize) => ({ width: s.width ?? 12, height: s.height ?? 6 });

function metricRow(series: Series): unknown[] {
  if ('expression' in series) {
    return [{ expression: series.expression, label: series.label, id: series.id }];
  }
  const options = {
    ...(series.stat !== undefined ? { stat: series.stat } : {}),
    ...(series.label !== undefined ? { label: series.label } : {}),
    ...(series.id !== undefined ? { id: series.id } : {}),
    ...(series.visible === false ? { visible: false } : {}),
  };
  return [
    series.namespace,
    series.metricName,
    ...Object.entries(series.dimensions).flat(),
    ...(Object.keys(options).length > 0 ? [options] : []),
  ];
}

/** A graph of metrics and metric math. */
export function metricWidget(props: MetricWidgetProps): Widget {
  const period = props.periodSeconds ?? 60;
  if (props.series.length === 0) throw new Error(`widget "${props.title}": series is empty`);
  if (period < 60 || period % 60 !== 0)
    throw new Error(
      `widget "${props.title}": periodSeconds must be a multiple of 60 (got ${period})`,
    );
  return {
    type: 'metric',
    ...size(props),
    properties: {
      title: props.title,
      region: props.region,
      view: props.view ?? 'timeSeries',
      stacked: false,
      stat: props.stat ?? 'Sum',
      period,
      metrics: props.series.map(metricRow),
      ...(props.yAxisLabel !== undefined
        ? { yAxis: { left: { label: props.yAxisLabel, min: 0, showUnits: false } } }
        : {}),
    },
  };
}

/** Props of {@link alarmStatusWidget}. */
export interface AlarmStatusWidgetProps extends WidgetSize {
  /** Title of the widget. */
  readonly title: string;
  /** ARNs of the alarms shown (at most 100). */
  readonly alarmArns: readonly string[];
}

/** The current state of a list of alarms, the ones in ALARM first. */
export function alarmStatusWidget(props: AlarmStatusWidgetProps): Widget {
  if (props.alarmArns.length === 0 || props.alarmArns.length > 100)
    throw new Error(
      `widget "${props.title}": alarmArns must list 1 to 100 alarms (got ${props.alarmArns.length})`,
    );
  return {
    type: 'alarm',
    ...size({ width: props.width ?? 24, height: props.height ?? 4 }),
    properties: {
      title: props.title,
      alarms: [...props.alarmArns],
      sortBy: 'stateUpdatedTimestamp',
    },
  };
}

/** Props of {@link logWidget}. */
export interface LogWidgetProps extends WidgetSize {
  /** Title of the widget. */
  readonly title: string;
  /** Region of the log groups. */
  readonly region: string;
  /** Log groups the query reads. */
  readonly logGroupNames: readonly string[];
  /** A CloudWatch Logs Insights query (without the SOURCE clause). */
  readonly query: string;
  /**
   * How results are shown.
   * @default table
   */
  readonly view?: 'table' | 'timeSeries' | 'bar';
}

/** The result of a Logs Insights query. */
export function logWidget(props: LogWidgetProps): Widget {
  const source = props.logGroupNames.map((g) => `SOURCE '${g}'`).join(' | ');
  return {
    type: 'log',
    ...size(props),
    properties: {
      title: props.title,
      region: props.region,
      view: props.view ?? 'table',
      query: `${source} | ${props.query}`,
    },
  };
}

/** Markdown text, e.g. a heading or what to check first. */
export function textWidget(markdown: string, sizeOf: WidgetSize = {}): Widget {
  return {
    type: 'text',
    ...size({ width: sizeOf.width ?? 24, height: sizeOf.height ?? 2 }),
    properties: { markdown },
  };
}

/** A widget with its grid position. */
export interface PlacedWidget extends Widget {
  /** Column of the left edge (0-23). */
  readonly x: number;
  /** Row of the top edge. */
  readonly y: number;
}

/** Lays widgets out left to right, wrapping at 24 columns; a row is as high as its tallest widget. */
export function layout(widgets: readonly Widget[]): PlacedWidget[] {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  return widgets.map((w) => {
    if (w.width < 1 || w.width > 24)
      throw new Error(`a widget is 1 to 24 columns wide (got ${w.width})`);
    if (x + w.width > 24) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const placed = {
      type: w.type,
      x,
      y,
      width: w.width,
      height: w.height,
      properties: w.properties,
    };
    x += w.width;
    rowHeight = Math.max(rowHeight, w.height);
    return placed;
  });
}

/** The dashboard body (JSON) of widgets laid out in order. */
export function dashboardBody(widgets: readonly Widget[]): string {
  if (widgets.length === 0) throw new Error('a dashboard needs at least one widget');
  return JSON.stringify({ widgets: layout(widgets) });
}

/** ARN of a CloudWatch alarm from its name, in the scope's region and account. */
export const alarmArn = (scope: ArnScope, name: string) =>
  arn(scope, { service: 'cloudwatch', resource: `alarm:${name}` });
