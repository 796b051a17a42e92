/**
 * How the checks of a strategy name its settings in their errors. Given as
 * construct props, a setting is named as its prop (`partition`, strategy
 * `OnDelete`); given as package values, as its values path
 * (`rollout.partition`, strategy `onDelete`), so the error points at the
 * line of the values file to change. One set of checks serves both.
 */
export interface SettingNaming {
  /** The name of a setting, from its prop name: `partition` → `rollout.partition`. */
  readonly setting: (prop: string) => string;
  /** The name of a strategy type, from the API's: `OnDelete` → `onDelete`. */
  readonly type: (type: string) => string;
}

/** Settings named as their props. */
export const PROP_NAMING: SettingNaming = { setting: (prop) => prop, type: (type) => type };

/**
 * Settings named as values under `path`: `rollout.partition`; the prop
 * `updateStrategy` is the value `strategy`; strategy types start lower-case
 * (`rollingUpdate`, `onDelete`), as the values' enums spell them.
 */
export function valuesNaming(path: string, renamed: Record<string, string> = { updateStrategy: 'strategy' }): SettingNaming {
  return {
    setting: (prop) => `${path}.${renamed[prop] ?? prop}`,
    type: (type) => type.charAt(0).toLowerCase() + type.slice(1),
  };
}
