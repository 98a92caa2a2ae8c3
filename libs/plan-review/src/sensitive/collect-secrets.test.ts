import { plan, rc } from '../../test-fixtures/builders';
import { collectSecrets } from './collect-secrets';

const seen = (p: ReturnType<typeof plan>, text: string) => collectSecrets(p).scrub(text);

describe('collectSecrets finds sensitive values in every place a plan keeps them', () => {
  it('resource changes: whole objects and nested maps of booleans', () => {
    const p = plan([
      rc('a.whole', ['update'], {
        before: { k: 'whole-before' },
        after: { k: 'whole-after' },
        before_sensitive: true,
        after_sensitive: true,
      }),
      rc('a.nested', ['update'], {
        before: { list: [{ pw: 'nested-before' }] },
        after: { list: [{ pw: 'nested-after', plain: 'visible-value' }] },
        before_sensitive: { list: [{ pw: true }] },
        after_sensitive: { list: [{ pw: true }] },
      }),
    ]);
    expect(seen(p, 'whole-before whole-after nested-before nested-after visible-value')).toBe(
      '(sensitive) (sensitive) (sensitive) (sensitive) visible-value',
    );
  });

  it('drift entries', () => {
    const p = plan([], {
      resource_drift: [
        rc('a.d', ['update'], { before: { t: 'drift-secret' }, before_sensitive: { t: true } }),
      ],
    });
    expect(seen(p, 'drift-secret')).toBe('(sensitive)');
  });

  it('output changes and sensitive outputs of planned values and prior state', () => {
    const p = plan([], {
      output_changes: {
        o: {
          actions: ['update'],
          before: 'out-before',
          after: 'out-after',
          before_sensitive: true,
          after_sensitive: true,
        },
      },
      planned_values: {
        outputs: {
          p: { sensitive: true, value: 'planned-out' },
          q: { sensitive: false, value: 'public-out' },
        },
      },
      prior_state: {
        values: { outputs: { r: { sensitive: true, value: { nested: 'prior-out' } } } },
      },
    });
    expect(seen(p, 'out-before out-after planned-out public-out prior-out')).toBe(
      '(sensitive) (sensitive) (sensitive) public-out (sensitive)',
    );
  });

  it('sensitive_values of planned and prior resources, in child modules too', () => {
    const p = plan([], {
      planned_values: {
        root_module: {
          child_modules: [
            {
              resources: [
                {
                  address: 'module.m.a.b',
                  values: { key: 'module-secret' },
                  sensitive_values: { key: true },
                },
              ],
            },
          ],
        },
      },
    });
    expect(seen(p, 'module-secret')).toBe('(sensitive)');
  });

  it('sensitive variables: the clear-text value in "variables", defaults, and values passed to modules', () => {
    const p = plan([], {
      variables: { db_password: { value: 'var-clear-text' }, region: { value: 'eu-west-1' } },
      configuration: {
        root_module: {
          variables: { db_password: { sensitive: true, default: 'var-default' }, region: {} },
          module_calls: {
            db: {
              expressions: { token: { constant_value: 'module-input' } },
              module: { variables: { token: { sensitive: true, default: 'module-default' } } },
            },
          },
        },
      },
    });
    expect(seen(p, 'var-clear-text var-default module-input module-default eu-west-1')).toBe(
      '(sensitive) (sensitive) (sensitive) (sensitive) eu-west-1',
    );
  });

  it("a module's sensitive variable does not hide the root's variable of the same name", () => {
    const p = plan([], {
      variables: { region: { value: 'eu-west-1' } },
      configuration: {
        root_module: {
          variables: { region: {} },
          module_calls: {
            m: { module: { variables: { region: { sensitive: true } } } },
          },
        },
      },
    });
    expect(seen(p, 'eu-west-1')).toBe('eu-west-1');
  });

  it("takes a sensitive variable's default when the plan has no value for it", () => {
    const config = {
      configuration: {
        root_module: { variables: { token: { sensitive: true, default: 'default-token' } } },
      },
    };
    expect(seen(plan([], config), 'default-token')).toBe('(sensitive)');
    expect(seen(plan([], { ...config, variables: {} }), 'default-token')).toBe('(sensitive)');
  });

  it('finds nothing in a plan without changes, values or configuration', () => {
    expect(seen({ format_version: '1.2' }, 'nothing-here')).toBe('nothing-here');
  });
});
