import type { CodepipelineStage } from '@cdktf/provider-aws/lib/codepipeline';
import { assertProductionApproval, productionApprovalGaps } from './production-approval';

const approval = {
  name: 'Approve',
  category: 'Approval',
  owner: 'AWS',
  provider: 'Manual',
  version: '1',
};
const deploy = (env: string): CodepipelineStage => ({
  name: `Deploy-${env}`,
  action: [{ name: 'Deploy', category: 'Deploy', owner: 'AWS', provider: 'ECS', version: '1' }],
});
const approve = (env: string): CodepipelineStage => ({
  name: `Approve-${env}`,
  action: [approval],
});
const environments = [
  { name: 'staging', production: false },
  { name: 'prod', production: true },
];

describe('production approval gate (typed invariant at synth)', () => {
  it('holds when every production deploy stage follows a manual approval stage', () => {
    expect(
      productionApprovalGaps([deploy('staging'), approve('prod'), deploy('prod')], environments),
    ).toEqual([]);
  });

  it('reports a production deploy with no approval before it; non-production deploys need none', () => {
    expect(productionApprovalGaps([deploy('staging'), deploy('prod')], environments)).toEqual([
      'Deploy-prod is not preceded by a manual approval stage',
    ]);
  });

  it('an approval stage that also deploys, or an approval elsewhere in the pipeline, does not count', () => {
    const mixed: CodepipelineStage = {
      name: 'Approve-prod',
      action: [approval, { ...approval, name: 'Sneak', category: 'Deploy', provider: 'ECS' }],
    };
    expect(
      productionApprovalGaps([deploy('staging'), mixed, deploy('prod')], environments),
    ).toEqual(['Deploy-prod is not preceded by a manual approval stage']);
    expect(
      productionApprovalGaps([approve('prod'), deploy('staging'), deploy('prod')], environments),
    ).toEqual(['Deploy-prod is not preceded by a manual approval stage']);
  });

  it('reports a production environment whose deploy stage is missing, and throws naming the pipeline', () => {
    expect(productionApprovalGaps([deploy('staging')], environments)).toEqual([
      'production environment prod has no Deploy-prod stage',
    ]);
    expect(() =>
      assertProductionApproval('web-release', [deploy('staging'), deploy('prod')], environments),
    ).toThrow('pipeline web-release: Deploy-prod is not preceded by a manual approval stage');
    expect(() =>
      assertProductionApproval(
        'web-release',
        [deploy('staging'), approve('prod'), deploy('prod')],
        environments,
      ),
    ).not.toThrow();
  });
});
