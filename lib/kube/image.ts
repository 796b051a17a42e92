/**
 * Container image references: `[registry[:port]/]repository[:tag][@digest]`,
 * such as `nginx:1.27.3` or `ghcr.io/acme/api@sha256:…`.
 */

/** Docker image reference: [registry[:port]/]path[:tag][@digest]. */
export const IMAGE_REFERENCE = /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?|\[[0-9a-fA-F:]+\](?::[0-9]+)?)\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/;

/** An image reference's repository, tag and digest, split without checking the syntax (IMAGE_REFERENCE does that). */
export interface ImageParts {
  /** Everything before the tag and digest: `nginx`, `registry:5000/team/app`. */
  readonly repository: string;
  /** What follows the first ':' after the last '/', up to any digest; undefined when there is no tag. */
  readonly tag?: string;
  /** What follows '@': `sha256:…`; undefined when the image is not pinned by digest. */
  readonly digest?: string;
}

/** The parts of an image reference (a registry's port is no tag). */
export function parseImage(image: string): ImageParts {
  const at = image.indexOf('@');
  const name = at < 0 ? image : image.slice(0, at);
  const digest = at < 0 ? undefined : image.slice(at + 1);
  const colon = name.indexOf(':', name.lastIndexOf('/') + 1);
  return colon < 0 ? { repository: name, digest } : { repository: name.slice(0, colon), tag: name.slice(colon + 1), digest };
}

/** The tag of an image reference, or undefined when it has none; `digest` when pinned by digest. */
export function imageTag(image: string): string | undefined {
  const parts = parseImage(image);
  return parts.digest !== undefined ? 'digest' : parts.tag;
}
