import { basename } from 'node:path';
import type { Document } from 'yaml';
import { ConfigError } from './errors';
import { loadEnvironments } from './load';
import { instanceTypeProblem } from './schema/instance-types';
import { editedEnvironments } from './test-support';

/**
 * Every problem of an edited copy of the example environments as `file:line field: message`,
 * or [] when they load.
 */
function located(edit: (docs: Record<string, Document>) => void): string[] {
  try {
    loadEnvironments(editedEnvironments(edit));
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((p) => `${basename(p.file)}:${p.line} ${p.field}: ${p.message}`);
  }
}

const dev = (docs: Record<string, Document>) => docs['dev'] as Document;
/** The AWS environments' documents (the GCP ones have no ECR repositories). */
const awsDocs = (docs: Record<string, Document>) =>
  Object.values(docs).filter((doc) => doc.get('cloud') === 'aws');

describe('AWS name and value limits, checked at load with file, line and field', () => {
  describe('ECR repository names (2-256 characters)', () => {
    it('rejects a one-character repository name', () => {
      expect(
        located((d) => {
          for (const doc of awsDocs(d)) doc.setIn(['services', 0, 'repository'], 'w');
        }),
      ).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^dev\.yaml:\d+ services\.0\.repository: ECR repository names are 2-256 characters$/,
          ),
        ]),
      );
    });

    it('accepts a namespaced repository name', () => {
      expect(
        located((d) => {
          for (const doc of awsDocs(d)) doc.setIn(['services', 0, 'repository'], 'team/web');
        }),
      ).toEqual([]);
    });
  });

  describe('DNS and ACM names', () => {
    const longLabel = 'a'.repeat(64);

    it('rejects a route host with a label longer than 63 characters', () => {
      expect(
        located((d) =>
          dev(d).setIn(['services', 0, 'route', 'host'], `${longLabel}.dev.acme-platform.example`),
        ),
      ).toContainEqual(
        expect.stringMatching(
          /^dev\.yaml:\d+ services\.0\.route\.host: label "a{64}" has 64 characters; DNS allows 63$/,
        ),
      );
    });

    it('rejects a first host longer than the 64 characters ACM allows for a certificate’s first name', () => {
      const problems = located((d) => {
        const zoneName = String(dev(d).getIn(['ecs', 'hostedZone', 'name']));
        const host = `${'b'.repeat(65 - zoneName.length)}.${zoneName}`;
        dev(d).setIn(['services', 0, 'route', 'host'], host);
      });
      expect(problems).toEqual([
        expect.stringMatching(
          /^dev\.yaml:\d+ services\.0\.route\.host: "b+\..+" is the first host, so the certificate's first name: ACM allows 64 characters for a certificate's first name \(got 66\)/,
        ),
      ]);
    });

    it('accepts a host of exactly 64 characters as the first name', () => {
      expect(
        located((d) => {
          const zoneName = String(dev(d).getIn(['ecs', 'hostedZone', 'name']));
          dev(d).setIn(
            ['services', 0, 'route', 'host'],
            `${'b'.repeat(63 - zoneName.length)}.${zoneName}`,
          );
        }),
      ).toEqual([]);
    });
  });

  describe('tag values (the Owner and CostCenter default tags reach every resource)', () => {
    it('rejects characters some tagged services refuse', () => {
      expect(located((d) => dev(d).setIn(['tags', 'owner'], 'platform#team!'))).toEqual([
        expect.stringMatching(
          /^dev\.yaml:\d+ tags\.owner: AWS tag values allow only letters, digits, spaces and _ \. : \/ = \+ - @/,
        ),
      ]);
    });

    it('rejects a value longer than 256 characters', () => {
      expect(located((d) => dev(d).setIn(['tags', 'costCenter'], 'c'.repeat(257)))).toEqual([
        expect.stringMatching(
          /^dev\.yaml:\d+ tags\.costCenter: AWS tag values are at most 256 characters$/,
        ),
      ]);
    });

    it('accepts letters of any language, spaces and the allowed punctuation', () => {
      expect(
        located((d) => {
          dev(d).setIn(['tags', 'owner'], 'Équipe plateforme @acme/eu:1=+_.-');
          dev(d).setIn(['tags', 'costCenter'], 'c'.repeat(256));
        }),
      ).toEqual([]);
    });
  });

  describe('IAM role names in EKS access entries (1-64 characters)', () => {
    const account = (d: Record<string, Document>) => String(dev(d).getIn(['aws', 'accountId']));

    it('rejects a role name of 65 characters', () => {
      expect(
        located((d) =>
          dev(d).setIn(
            ['eks', 'access', 'admins', 0],
            `arn:aws:iam::${account(d)}:role/${'r'.repeat(65)}`,
          ),
        ),
      ).toEqual([
        expect.stringMatching(
          /^dev\.yaml:\d+ eks\.access\.admins\.0: an IAM role name is 1-64 characters \(got 65: "r{65}"\)$/,
        ),
      ]);
    });

    it('accepts a role name of 64 characters under a path', () => {
      expect(
        located((d) =>
          dev(d).setIn(
            ['eks', 'access', 'admins', 0],
            `arn:aws:iam::${account(d)}:role/teams/platform/${'r'.repeat(64)}`,
          ),
        ),
      ).toEqual([]);
    });
  });

  describe('EC2 instance types', () => {
    it.each([
      ['m7i.huge', /"huge" is not an EC2 size/],
      ['m9z.large', /EC2 has no instance family "m9z"/],
      ['m7i.micro', /only burstable families .* come in micro/],
      ['t3.metal', /burstable families have no metal size/],
      ['m7i', /not an EC2 instance type: <family>\.<size>/],
      ['1m7i.large', /^"1m7i\.large" is not an EC2 instance type: <family>\.<size>/],
      ['m7i.large.x', /^"m7i\.large\.x" is not an EC2 instance type: <family>\.<size>/],
    ])('rejects %s', (type, message) => {
      expect(instanceTypeProblem(type)).toMatch(message);
    });

    it.each([
      'm7i.large',
      'm7i-flex.2xlarge',
      't3.nano',
      'c7g.metal',
      'r6i.32xlarge',
      'i4i.metal-24xl',
    ])('accepts %s', (type) => {
      expect(instanceTypeProblem(type)).toBeUndefined();
    });

    it('rejects an unknown type in a node group, naming the list position', () => {
      expect(
        located((d) => dev(d).setIn(['eks', 'nodes', 'groups', 1, 'instanceTypes', 1], 'm6i.huge')),
      ).toEqual([
        expect.stringMatching(
          /^dev\.yaml:\d+ eks\.nodes\.groups\.1\.instanceTypes\.1: "m6i\.huge": "huge" is not an EC2 size/,
        ),
      ]);
    });

    it('rejects a Graviton type in an x86_64 node group, and accepts it with the ARM AMI', () => {
      const graviton = (d: Record<string, Document>) =>
        dev(d).setIn(['eks', 'nodes', 'groups', 0, 'instanceTypes'], ['m7g.large']);
      expect(located(graviton)).toEqual([
        expect.stringMatching(
          /^dev\.yaml:\d+ eks\.nodes\.groups\.0\.instanceTypes\.0: "m7g\.large" is an arm64 instance type, but amiType AL2023_x86_64_STANDARD runs on x86_64/,
        ),
      ]);
      expect(
        located((d) => {
          graviton(d);
          dev(d).setIn(['eks', 'nodes', 'groups', 0, 'amiType'], 'AL2023_ARM_64_STANDARD');
        }),
      ).toEqual([]);
    });

    it('rejects an arm64 access instance (its image is x86_64)', () => {
      expect(
        located((d) => dev(d).setIn(['eks', 'accessInstance', 'instanceType'], 't4g.micro')),
      ).toEqual([
        expect.stringMatching(
          /^dev\.yaml:\d+ eks\.accessInstance\.instanceType: "t4g\.micro" is an arm64 instance type/,
        ),
      ]);
    });
  });

  describe('ports and instance counts the runtime allows', () => {
    it('rejects an ecs service port a sidecar of every task listens on, and accepts another', () => {
      expect(located((d) => dev(d).setIn(['services', 0, 'port'], 2772))).toEqual([
        expect.stringMatching(
          /^dev\.yaml:\d+ services\.0\.port: 2772 is the port of the AppConfig agent, which runs in every ecs task/,
        ),
      ]);
      expect(located((d) => dev(d).setIn(['services', 0, 'port'], 9090))).toEqual([]);
    });

    it('rejects an App Runner service above 25 instances, and accepts 25', () => {
      const appRunner = (d: Record<string, Document>, max: number) => {
        const doc = dev(d);
        doc.setIn(['services', 0, 'runtime'], 'app-runner');
        doc.setIn(['services', 0, 'deployment'], { strategy: 'rolling' });
        doc.setIn(['services', 0, 'tasks'], { desired: 1, min: 1, max });
        doc.deleteIn(['services', 0, 'route']);
        doc.deleteIn(['services', 0, 'appConfig']);
        doc.deleteIn(['services', 0, 'autoscaling', 'requestsPerTarget']);
      };
      expect(located((d) => appRunner(d, 26))).toEqual([
        expect.stringMatching(
          /^dev\.yaml:\d+ services\.0\.tasks\.max: App Runner runs 1 to 25 instances of a service \(tasks\.min 1, tasks\.max 26\)$/,
        ),
      ]);
      expect(located((d) => appRunner(d, 25))).toEqual([]);
    });

    it('rejects an ALB path pattern longer than 128 characters', () => {
      expect(
        located((d) => dev(d).setIn(['services', 0, 'route', 'path'], `/${'p'.repeat(128)}`)),
      ).toEqual([
        expect.stringMatching(
          /^dev\.yaml:\d+ services\.0\.route\.path: ALB path patterns are at most 128 characters$/,
        ),
      ]);
    });
  });
});
