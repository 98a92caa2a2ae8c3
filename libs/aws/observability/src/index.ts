export {
  alarmArn,
  alarmStatusWidget,
  dashboardBody,
  layout,
  logWidget,
  metricWidget,
  textWidget,
  type AlarmStatusWidgetProps,
  type ExpressionSeries,
  type LogWidgetProps,
  type MetricSeries,
  type MetricWidgetProps,
  type PlacedWidget,
  type Series,
  type Statistic,
  type Widget,
  type WidgetSize,
} from './widgets';
export { serviceMetricsRef, type ServiceMetricsRef } from './service-refs';
export {
  LATENCY_PERCENTILES,
  ServiceDashboard,
  serviceWidgets,
  type ServiceDashboardProps,
} from './service-dashboard';
export {
  OverviewDashboard,
  overviewWidgets,
  type OverviewDashboardProps,
} from './overview-dashboard';
export { DoraDashboard, doraWidgets, type DoraDashboardProps } from './dora-dashboard';
export {
  DORA_METRIC_FILTERS,
  DORA_NAMESPACE,
  DORA_QUERIES,
  doraQuery,
  type DoraMetricFilter,
  type DoraQueryName,
} from './dora-queries';
export { DoraEvents, type DoraEventsProps, type DoraRuleName } from './dora-events';
export {
  defaultBusArn,
  DoraForwarder,
  DoraReceiver,
  type DoraForwarderProps,
  type DoraReceiverProps,
  type ForwardTarget,
} from './dora-forwarding';
export { EdgeAlarms, type EdgeAlarmsProps } from './edge-alarms';
export {
  degradedRule,
  ServiceCompositeAlarm,
  type ServiceCompositeAlarmProps,
} from './service-composite-alarm';
export {
  PIPELINE_FAILURE_GUIDANCE,
  PipelineFailureAlert,
  type PipelineFailureAlertProps,
} from './pipeline-failure-alert';
export { SAMPLING_PRIORITY_BASE, Tracing, type TracingProps } from './tracing';
export { natGatewayCount, ObservabilityStack, releasePipelines } from './observability-stack';
