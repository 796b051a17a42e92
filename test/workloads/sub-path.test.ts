import { ConfigMap, Deployment, Volume } from '../../lib';
import { WEB, find, render, userError } from '../support/render';

/** A Deployment mounting `volume` at /etc/app/app.conf with `subPath`. */
const mount = (volume: (p: any) => Volume, subPath: string) => () =>
  render((p) => new Deployment(p, 'web', { containers: [{ ...WEB, mounts: [{ volume: volume(p), path: '/etc/app/app.conf', subPath }] }] }));
const config = (p: any) => new ConfigMap(p, 'config', { data: { 'app.conf': 'a = 1\n', 'log.conf': 'level = info\n' } });

describe('a mount\'s subPath into a ConfigMap or Secret names one of its files', () => {
  test('a key of the ConfigMap: fine', () => {
    const spec = find(mount((p) => Volume.fromSource('config', config(p)), 'app.conf')(), 'Deployment').spec.template.spec;
    expect(spec.containers[0].volumeMounts[0]).toEqual({ name: 'config', mountPath: '/etc/app/app.conf', subPath: 'app.conf', readOnly: true });
  });

  test('a key the ConfigMap lacks: an error naming the keys, with a suggestion', () => {
    expect(userError(mount((p) => Volume.fromSource('config', config(p)), 'app.cnf'))).toBe(
      'shop/web: containers[0].mounts[0].subPath "app.cnf" is not a file of volume "config" (did you mean "app.conf"?): ConfigMap "shop-config" has "app.conf", "log.conf"',
    );
  });

  test('with items, the paths the items give are the files', () => {
    const volume = (p: any) => Volume.fromSource('config', config(p), { items: { 'app.conf': 'conf/app.conf' } });
    expect(() => mount(volume, 'conf/app.conf')()).not.toThrow();
    expect(() => mount(volume, 'conf')()).not.toThrow();
    expect(userError(mount(volume, 'app.conf'))).toBe(
      'shop/web: containers[0].mounts[0].subPath "app.conf" is not a file of volume "config": the items of ConfigMap "shop-config" make "conf/app.conf"',
    );
  });

  test('a ConfigMap made elsewhere has keys unknown here: not checked', () => {
    expect(() => mount(() => Volume.fromSource('config', ConfigMap.fromName('shared')), 'anything.conf')()).not.toThrow();
  });
});
