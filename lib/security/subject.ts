import { k8s } from '../construct/k8s';
import { IConstruct } from 'constructs';
import { problem } from '../construct/checks';

/** Who a binding grants a role to: a service account of this library, or a subject as the API has it. */
export type BindingSubject = { readonly name: string; readonly namespace?: string; readonly serviceAccountNamespace?: () => string | undefined } | k8s.Subject;

export function renderSubjects(scope: IConstruct, subjects: readonly BindingSubject[]): k8s.Subject[] {
  if (subjects.length === 0) throw problem(scope, 'subjects is required: name at least one service account, user or group');
  return subjects.map((s, i) => {
    if ('kind' in s && typeof s.kind === 'string') return s as k8s.Subject;
    const sa = s as { name: string; namespace?: string; serviceAccountNamespace?: () => string | undefined };
    const namespace = sa.namespace ?? sa.serviceAccountNamespace?.();
    if (!namespace) {
      throw problem(scope, `subjects[${i}]: the service account "${sa.name}" has no namespace: give the release a namespace, or set the subject's namespace`);
    }
    return { kind: 'ServiceAccount', name: sa.name, namespace };
  });
}
