import { fromDetails } from '../../results';
import type { Rule } from '../../types';

export const appconfigGradual: Rule = {
  id: 'PLT-APPCONFIG-GRADUAL',
  message: 'AppConfig deployment strategy is not gradual with a bake time.',
  fix: 'set deployment_duration_in_minutes > 0, growth_factor < 100 and final_bake_time_in_minutes > 0',
  explanation:
    'An all-at-once change reaches every target before an alarm can fire; growth and bake time give the monitors time to roll back.',
  level: 'error',
  appliesTo: ['aws_appconfig_deployment_strategy'],
  evaluate: (strategy) => {
    const positive = (key: string) => {
      const value = strategy.config[key];
      return typeof value === 'number' && value > 0;
    };
    const growth = strategy.config['growth_factor'];
    return fromDetails([
      ...(positive('deployment_duration_in_minutes')
        ? []
        : ['deployment_duration_in_minutes is 0']),
      ...(typeof growth === 'number' && growth < 100 ? [] : ['growth_factor is not below 100']),
      ...(positive('final_bake_time_in_minutes')
        ? []
        : ['final_bake_time_in_minutes is not above 0']),
    ]);
  },
};
