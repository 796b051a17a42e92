import { IConstruct } from 'constructs';
import { checkLabels, problem } from '../construct/checks';
import { ContainerProps } from '../workloads/container';
import { parseImage } from '../kube/image';

/** The main container's image for a version. */
export type ImageForVersion = (version: string) => string;

/**
 * The version and the image-for-a-version of a web service that runs several
 * versions: given, or read from the first container's image tag
 * (`nginx:1.27.3` is version `1.27.3`, and version `1.27.4` is `nginx:1.27.4`).
 */
export function versioning(scope: IConstruct, containers: readonly ContainerProps[], version?: string, image?: ImageForVersion): { version: string; image: ImageForVersion } {
  const main = containers?.[0]?.image;
  const parsed = typeof main === 'string' ? parseImage(main) : undefined;
  const parts = parsed?.digest === undefined ? parsed : undefined; // pinned by digest: no other version's image
  const imageFor: ImageForVersion =
    image ??
    ((v) => {
      if (!parts) throw problem(scope, `containers[0].image ${JSON.stringify(main)} is pinned by digest, so the image of another version cannot be derived from it: give image: (version) => "repository:" + version`);
      return `${parts.repository}:${v}`;
    });
  const current = version ?? parts?.tag;
  if (current === undefined) {
    throw problem(scope, `containers[0].image ${JSON.stringify(main)} has no tag to take the version from: give version, such as version: "1.27.3"`);
  }
  checkLabels(scope, 'version', { 'app.kubernetes.io/version': current });
  return { version: current, image: imageFor };
}

/** The containers with the main one's image replaced. */
export function withImage(containers: readonly ContainerProps[], image: string): ContainerProps[] {
  return [{ ...containers[0], image }, ...containers.slice(1)];
}
