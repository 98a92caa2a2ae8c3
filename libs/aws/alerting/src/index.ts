export { AlertingStack, ALARM_PUBLISHERS } from './alerting-stack';
