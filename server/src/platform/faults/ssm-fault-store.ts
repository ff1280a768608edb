import { GetParametersByPathCommand, PutParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import {
  type FaultSetting,
  type FaultSettings,
  type FaultSwitchStore,
  type FaultTarget,
  faultSettingSchema,
  faultTargets,
} from './fault-switches.js';

export type SsmFaultStoreOptions = {
  client: SSMClient;
  /** The parameters' folder, e.g. `/kura/dev/faults`: one parameter per target beneath it. */
  path: string;
  /** A parameter that does not parse is read as off; the caller hears which. */
  onInvalid?: (name: string, value: string | undefined) => void;
};

/**
 * The switches as SSM parameters (`<path>/<target>` holding
 * `{"latencyMs":…,"failureRate":…}`), so the API tasks, the Lambda API and
 * the stock worker all read the same ones, and an operator can also flip one
 * in the AWS console. A parameter nobody wrote yet is a switch that is off.
 */
export function createSsmFaultStore(options: SsmFaultStoreOptions): FaultSwitchStore {
  const { client } = options;
  const path = options.path.replace(/\/+$/, '');
  const targets = new Set<string>(faultTargets);
  return {
    kind: 'ssm',
    async readAll() {
      const settings: Partial<FaultSettings> = {};
      let nextToken: string | undefined;
      // At most a handful of pages (one target per parameter); the bound stops a store that never ends.
      for (let page = 0; page < 20; page++) {
        const answer = await client.send(
          new GetParametersByPathCommand({ Path: path, Recursive: false, NextToken: nextToken, MaxResults: 10 }),
        );
        for (const parameter of answer.Parameters ?? []) {
          const target = parameter.Name?.slice(path.length + 1) ?? '';
          if (!targets.has(target)) continue;
          const setting = parseSetting(parameter.Value);
          if (setting) settings[target as FaultTarget] = setting;
          else options.onInvalid?.(parameter.Name ?? target, parameter.Value);
        }
        nextToken = answer.NextToken;
        if (!nextToken) break;
      }
      return settings;
    },
    async write(target, setting) {
      await client.send(
        new PutParameterCommand({
          Name: `${path}/${target}`,
          Value: JSON.stringify(setting),
          Type: 'String',
          Overwrite: true,
        }),
      );
    },
  };
}

function parseSetting(value: string | undefined): FaultSetting | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = faultSettingSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
