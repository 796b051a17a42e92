import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { UserError } from '../errors';
import { remembered } from '../internal/remembered';

/** Construct ids that stand for "the object itself" and add nothing to a name. */
const SILENT_IDS = new Set(['Default', 'Resource']);

/** Longest generated name per kind; DNS-1123 labels (63) unless a kind needs less. */
const MAX_LENGTH: Record<string, number> = {
  CronJob: 52, // the controller appends an 11-character suffix for its Jobs
};

/** `WebServer` → `web-server`, `api_v2` → `api-v2`. */
export const toNamePart = remembered(kebab, 100_000);

/** An id that is kebab case already (most are: `web`, `service-12`). */
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function kebab(id: string): string {
  if (KEBAB.test(id)) return id;
  return id
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The parts of a name made from construct scopes: each id in kebab case,
 * leaving out `Default` and `Resource` ids (as cdk8s does) and ids with
 * nothing left.
 */
export function namePartsOf(scopes: readonly IConstruct[]): string[] {
  return scopes.map(namePartOf).filter((part) => part.length > 0);
}

/** One construct's part of a name: its id in kebab case; empty for `Default`, `Resource` and ids with nothing left. */
export function namePartOf(scope: IConstruct): string {
  const id = scope.node.id;
  return SILENT_IDS.has(id) ? '' : toNamePart(id);
}

/**
 * A construct's path as messages show it: the ids from the release down,
 * without the `Default` and `Resource` ids the library's constructs use for
 * the object they stand for (`shop/web/Default/CanaryIngress/Resource` is
 * `shop/web/CanaryIngress`), which the user never wrote.
 */
export function constructPath(scope: IConstruct): string {
  return scope.node.scopes
    .map((s) => s.node.id)
    .filter((id) => id !== '' && !SILENT_IDS.has(id))
    .join('/');
}

/**
 * The name of an object that was given none: its construct path from the
 * release down, in name parts joined with '-'.
 */
export function objectName(apiObject: ApiObject): string {
  const name = namePartsOf(apiObject.node.scopes.slice(1)).join('-'); // slice: the App root
  const max = MAX_LENGTH[apiObject.kind] ?? 63;
  if (name.length === 0) {
    throw new UserError(`${constructPath(apiObject)}: cannot derive a name for this ${apiObject.kind} from its construct path: set metadata.name`);
  }
  if (name.length > max) {
    throw new UserError(
      `${constructPath(apiObject)}: the name "${name}" derived from the construct path is ${name.length} characters, ` +
        `more than the ${max} a ${apiObject.kind} name may have: use shorter construct ids or set metadata.name`,
    );
  }
  return name;
}
