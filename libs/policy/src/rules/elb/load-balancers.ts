import type { ResourceView } from '../../types';

/** Load balancer types, resources and listeners alike (aws_alb* are aliases of aws_lb*). */
export const LOAD_BALANCERS = ['aws_lb', 'aws_alb'] as const;
export const LISTENERS = ['aws_lb_listener', 'aws_alb_listener'] as const;

/** Whether a load balancer is an application load balancer (the default type). */
export const isApplication = (lb: ResourceView) =>
  (lb.config['load_balancer_type'] ?? 'application') === 'application';
