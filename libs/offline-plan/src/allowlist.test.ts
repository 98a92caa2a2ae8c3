import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyAllowlist, loadAllowlist } from './allowlist';
import { residualsOf } from './stack-plan';

function file(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'allowlist-')), 'allow.json');
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe('convergence allow-list', () => {
  it('an exception without a real reason is refused, naming the entry', () => {
    expect(() =>
      loadAllowlist(file({ exceptions: [{ stack: 'ecs-*', address: 'x', reason: 'because' }] })),
    ).toThrow(/exceptions\[0\] needs .*reason/);
  });

  it('allows only the residuals its stack and address patterns match', () => {
    const exceptions = loadAllowlist(
      file({
        exceptions: [
          {
            stack: 'ecs-*',
            address: 'aws_lb.*',
            reason: 'the provider re-reads this on every plan, see issue',
          },
        ],
      }),
    );
    const residuals = [
      { address: 'aws_lb.public', actions: ['update'], paths: ['x'] },
      { address: 'aws_vpc.main', actions: ['update'], paths: ['y'] },
    ];
    const { allowed, rest } = applyAllowlist('ecs-dev', residuals, exceptions);
    expect(allowed.map((a) => a.residual.address)).toEqual(['aws_lb.public']);
    expect(rest.map((r) => r.address)).toEqual(['aws_vpc.main']);
    expect(applyAllowlist('network-dev', residuals, exceptions).rest).toHaveLength(2);
  });
});

describe('residualsOf', () => {
  it('names every resource and output that still changes, with the attribute paths that differ', () => {
    const residuals = residualsOf({
      format_version: '1.2',
      resource_changes: [
        {
          address: 'aws_vpc.main',
          mode: 'managed',
          type: 'aws_vpc',
          name: 'main',
          provider_name: 'aws',
          change: {
            actions: ['update'],
            before: { tags: { a: '1' }, cidr: 'x' },
            after: { tags: { a: '2' }, cidr: 'x' },
            after_unknown: { arn: true },
          },
        },
        {
          address: 'aws_subnet.a',
          mode: 'managed',
          type: 'aws_subnet',
          name: 'a',
          provider_name: 'aws',
          change: { actions: ['no-op'], before: {}, after: {} },
        },
      ],
      output_changes: { id: { actions: ['update'] }, same: { actions: ['no-op'] } },
    });
    expect(residuals).toEqual([
      { address: 'aws_vpc.main', actions: ['update'], paths: ['arn', 'tags.a'] },
      { address: 'output.id', actions: ['update'], paths: [] },
    ]);
  });
});
