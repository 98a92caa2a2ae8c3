import { stackNameFromPath } from './stack-name';

describe('stackNameFromPath', () => {
  it.each([
    ['dist/plans/network-prod/plan.json', 'network-prod'],
    ['network-prod.json', 'network-prod'],
    ['plans/network-prod.plan.json', 'network-prod'],
    ['C:\\work\\plans\\ecs-dev\\tfplan.json', 'ecs-dev'],
    ['plan.json', 'plan'],
    ['dist/plans/ecs-dev/PLAN.json', 'ecs-dev'],
    ['plans/dev/.json', 'dev'],
    ['.json', '.json'],
    ['plans/a.planner.json', 'a.planner'],
  ])('%s belongs to stack %s', (file, stack) => {
    expect(stackNameFromPath(file)).toBe(stack);
  });
});
