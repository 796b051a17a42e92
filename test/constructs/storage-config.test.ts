import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  ConfigMap, ContainerProps, EmptyDirMedium, EnvValue, ExternalSecret, ExternalSecretProps, PersistentVolume, PersistentVolumeClaim, PersistentVolumeProps, Pod, Secret, SecretProps, StorageClass, Volume,
} from '../../lib';
import { find, render, userError, warnings } from '../support/render';

const QUANTITY = 'a Kubernetes quantity such as "100m", "0.5", "128Mi" or "10Gi"';
const SUBDOMAIN = "a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', at most 253 characters";
const KEY = "a key of letters, digits, '-', '_' and '.', at most 253 characters, not '.' or '..' nor starting with '..'";

/** A run-to-completion Pod with one container. */
const pod = (container: Partial<ContainerProps>, before?: (p: any) => Partial<ContainerProps>) => () =>
  render((p) => new Pod(p, 'pod', { restartPolicy: 'Never', containers: [{ image: 'tool:1.0.0', ...container, ...before?.(p) }] }));

describe('volumes and mounts', () => {
  test('Volume.fromClaim mounts a PVC, read-only when asked, and a mount can take a subPath', () => {
    const objects = render((p) => {
      const claim = new PersistentVolumeClaim(p, 'data', { size: '10Gi' });
      new Pod(p, 'pod', {
        restartPolicy: 'Never',
        containers: [{
          image: 'tool:1.0.0',
          mounts: [
            { volume: Volume.fromClaim('data', claim, { readOnly: true }), path: '/data', subPath: 'tenant-a' },
            { volume: Volume.fromClaim('cache', 'shared-cache'), path: '/cache', readOnly: true },
            { volume: Volume.fromClaim('scratch', 'scratch'), path: '/scratch' },
          ],
        }],
      });
    });
    const spec = find(objects, 'Pod').spec;
    expect(spec.volumes).toEqual([
      { name: 'data', persistentVolumeClaim: { claimName: 'shop-data', readOnly: true } },
      { name: 'cache', persistentVolumeClaim: { claimName: 'shared-cache' } },
      { name: 'scratch', persistentVolumeClaim: { claimName: 'scratch' } },
    ]);
    expect(spec.containers[0].volumeMounts).toEqual([
      { name: 'data', mountPath: '/data', subPath: 'tenant-a' },
      { name: 'cache', mountPath: '/cache', readOnly: true },
      { name: 'scratch', mountPath: '/scratch' },
    ]);
  });

  test('memory-backed emptyDir, hostPath with a type (read-only by default), a volume from a spec, and a writable Secret mount', () => {
    const spec = find(
      pod({
        mounts: [
          { volume: Volume.emptyDir('shm', { medium: EmptyDirMedium.MEMORY, sizeLimit: '1Gi' }), path: '/dev/shm' },
          { volume: Volume.hostPath('sock', '/var/run/app.sock', 'Socket'), path: '/run/app.sock' },
          { volume: Volume.fromSpec('nfs', { nfs: { server: 'nfs.local', path: '/exports' } }), path: '/nfs', subPath: 'team/a' },
          { volume: Volume.fromSource('creds', Secret.fromName('creds'), { defaultMode: 0o400, optional: true }), path: '/creds', readOnly: false },
        ],
      })(),
      'Pod',
    ).spec;
    expect(spec.volumes).toEqual([
      { name: 'shm', emptyDir: { medium: 'Memory', sizeLimit: '1Gi' } },
      { name: 'sock', hostPath: { path: '/var/run/app.sock', type: 'Socket' } },
      { name: 'nfs', nfs: { server: 'nfs.local', path: '/exports' } },
      { name: 'creds', secret: { secretName: 'creds', defaultMode: 0o400, optional: true } },
    ]);
    expect(spec.containers[0].volumeMounts).toEqual([
      { name: 'shm', mountPath: '/dev/shm' },
      { name: 'sock', mountPath: '/run/app.sock', readOnly: true },
      { name: 'nfs', mountPath: '/nfs', subPath: 'team/a' },
      { name: 'creds', mountPath: '/creds', readOnly: false },
    ]);
  });

  test.each<[string, () => unknown, string]>([
    ['relative mount path', pod({ mounts: [{ volume: Volume.emptyDir('tmp'), path: 'tmp' }] }), 'shop/pod: containers[0].mounts[0].path "tmp" is not valid: expected an absolute path such as "/data"'],
    ['two mounts at one path', pod({ mounts: [{ volume: Volume.emptyDir('a'), path: '/data' }, { volume: Volume.emptyDir('b'), path: '/data' }] }), 'shop/pod: containers[0].mounts[1]: two mounts at /data'],
    ['absolute subPath', pod({ mounts: [{ volume: Volume.emptyDir('a'), path: '/data', subPath: '/etc' }] }), "shop/pod: containers[0].mounts[0].subPath \"/etc\" is not valid: expected a relative path within the volume, without '..'"],
    ['subPath climbing out', pod({ mounts: [{ volume: Volume.fromClaim('a', 'c'), path: '/data', subPath: 'a/../../b' }] }), "shop/pod: containers[0].mounts[0].subPath \"a/../../b\" is not valid: expected a relative path within the volume, without '..'"],
    ['two volumes of one name', pod({ mounts: [{ volume: Volume.emptyDir('data'), path: '/a' }, { volume: Volume.fromClaim('data', 'c'), path: '/b' }] }), 'shop/pod: containers[0]: two different volumes are named "data": give each volume its own name'],
    ['a mounted key the ConfigMap does not hold', pod({}, (p) => ({ mounts: [{ volume: Volume.fromSource('cfg', new ConfigMap(p, 'cfg', { data: { a: '1' } }), { items: { b: 'b.conf' } }), path: '/etc/app' }] })), 'shop/pod: containers[0].mounts[0]: ConfigMap "shop-cfg" has no key "b"; its keys are: a'],
  ])('error: %s', (_, build, message) => {
    expect(userError(build)).toBe(message);
  });
});

describe('EnvValue', () => {
  test('fromResource gives a resourceFieldRef, with a divisor when given; fromField a fieldRef; fromValue a literal', () => {
    const env = find(
      pod({
        env: {
          MEMORY_MB: EnvValue.fromResource('limits.memory', '1Mi'),
          CPU: EnvValue.fromResource('requests.cpu'),
          NODE: EnvValue.fromField('spec.nodeName'),
          POD_IP: EnvValue.fromField('status.podIP'),
          MODE: EnvValue.fromValue('batch'),
        },
      })(),
      'Pod',
    ).spec.containers[0].env;
    expect(env).toEqual([
      { name: 'MEMORY_MB', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
      { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'requests.cpu' } } },
      { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      { name: 'MODE', value: 'batch' },
    ]);
  });

  test('fields and resources the API server serves pass: one label or annotation, hugepages, any spelling of an allowed divisor', () => {
    const env = find(
      pod({
        env: {
          APP: EnvValue.fromField("metadata.labels['app.kubernetes.io/name']"),
          NOTE: EnvValue.fromField("metadata.annotations['example.com/note']"),
          HUGE: EnvValue.fromResource('requests.hugepages-2Mi', '1Mi'),
          CPU_M: EnvValue.fromResource('limits.cpu', '1m'),
          CPU: EnvValue.fromResource('limits.cpu', '1000m'),
          MEMORY_K: EnvValue.fromResource('limits.memory', '1k'),
        },
      })(),
      'Pod',
    ).spec.containers[0].env;
    expect(env.map((e: { name: string }) => e.name)).toEqual(['APP', 'NOTE', 'HUGE', 'CPU_M', 'CPU', 'MEMORY_K']);
  });

  test.each<[string, EnvValue, string]>([
    ['a misspelled field', EnvValue.fromField('metadata.nmae'),
      "shop/pod: containers[0].env.X: fieldPath \"metadata.nmae\" is not a pod field environment variables can read: use metadata.name, metadata.namespace, metadata.uid, spec.nodeName, spec.serviceAccountName, status.hostIP, status.hostIPs, status.podIP, status.podIPs, metadata.labels['<key>'] or metadata.annotations['<key>']"],
    ['all labels (volumes only)', EnvValue.fromField('metadata.labels'), 'shop/pod: containers[0].env.X: fieldPath "metadata.labels" is not a pod field environment variables can read'],
    ['a label key that is not one', EnvValue.fromField("metadata.labels['bad key']"), 'shop/pod: containers[0].env.X: fieldPath "metadata.labels[\'bad key\']" names the label key "bad key", which '],
    ['a misspelled resource', EnvValue.fromResource('limits.cpus'), 'shop/pod: containers[0].env.X: resource "limits.cpus" is not a container resource environment variables can read: use limits.cpu, limits.memory'],
    ['a byte divisor for cpu', EnvValue.fromResource('limits.cpu', '1Mi'), 'shop/pod: containers[0].env.X: divisor 1Mi is not allowed with limits.cpu: use 1m or 1'],
    ['a divisor of 2 for memory', EnvValue.fromResource('requests.memory', '2'), 'shop/pod: containers[0].env.X: divisor 2 is not allowed with requests.memory: use 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi or 1Ei'],
  ])('%s is an error naming the variable', (_, value, message) => {
    expect(userError(pod({ env: { X: value } }))).toContain(message);
  });

  test('an optional key of a Secret, and a key the Secret does not hold', () => {
    const env = find(pod({ env: { TOKEN: EnvValue.fromSource(Secret.fromName('api'), 'token', { optional: true }) } })(), 'Pod').spec.containers[0].env;
    expect(env).toEqual([{ name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'api', key: 'token', optional: true } } }]);
    const missing = pod({}, (p) => ({ env: { TOKEN: EnvValue.fromSource(new Secret(p, 'api', { stringData: { key: 'k' }, allowLiteralData: true }), 'token') } }));
    expect(userError(missing)).toBe('shop/pod: containers[0].env.TOKEN: Secret "shop-api" has no key "token"; its keys are: key');
  });
});

describe('PersistentVolume', () => {
  test('hostPath, local with nodes, and CSI volumes', () => {
    const objects = render((p) => {
      new PersistentVolume(p, 'host', { capacity: '5Gi', source: { hostPath: { path: '/mnt/data', type: 'DirectoryOrCreate' } }, reclaimPolicy: 'Delete', storageClassName: 'manual' });
      new PersistentVolume(p, 'disk', { capacity: '100Gi', source: { local: { path: '/mnt/disk1' } }, nodes: ['node-1', 'node-2'] });
      new PersistentVolume(p, 'ebs', { capacity: '20Gi', source: { csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-123', fsType: 'ext4' } }, accessModes: ['ReadWriteOncePod'], mountOptions: ['noatime'] });
    });
    expect(find(objects, 'PersistentVolume', 'shop-host').spec).toEqual({
      capacity: { storage: '5Gi' },
      accessModes: ['ReadWriteOnce'],
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'manual',
      hostPath: { path: '/mnt/data', type: 'DirectoryOrCreate' },
    });
    expect(find(objects, 'PersistentVolume', 'shop-disk').spec).toMatchObject({
      local: { path: '/mnt/disk1' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-1', 'node-2'] }] }] } },
    });
    expect(find(objects, 'PersistentVolume', 'shop-ebs').spec).toMatchObject({
      accessModes: ['ReadWriteOncePod'],
      mountOptions: ['noatime'],
      csi: { driver: 'ebs.csi.aws.com', volumeHandle: 'vol-123', fsType: 'ext4' },
    });
  });

  const pv = (props: Partial<PersistentVolumeProps>) => () => render((p) => new PersistentVolume(p, 'v', { capacity: '1Gi', source: { hostPath: { path: '/mnt' } }, ...props }));
  test.each<[string, () => unknown, string]>([
    ['relative hostPath', pv({ source: { hostPath: { path: 'mnt/data' } } }), 'shop/v: source.hostPath.path "mnt/data" is not valid: expected an absolute path'],
    ['hostPath type', pv({ source: { hostPath: { path: '/mnt', type: 'Directry' as never } } }),
      'shop/v: source.hostPath.type "Directry" is not valid: expected one of DirectoryOrCreate, Directory, FileOrCreate, File, Socket, CharDevice, BlockDevice, or "" for no check (did you mean "Directory"?)'],
    ['relative NFS path', pv({ source: { nfs: { server: 'nfs.local', path: 'exports' } } }), 'shop/v: source.nfs.path "exports" is not valid: expected an absolute path'],
    ['relative local path', pv({ source: { local: { path: 'disk' } }, nodes: ['n'] }), 'shop/v: source.local.path "disk" is not valid: expected an absolute path'],
    ['two sources', pv({ source: { hostPath: { path: '/mnt' }, nfs: { server: 'nfs.local', path: '/e' } } }), 'shop/v: source ["hostPath","nfs"] is not valid: expected exactly one of hostPath, nfs, csi, local'],
    ['local without nodes', pv({ source: { local: { path: '/mnt' } }, nodes: [] }), 'shop/v: a local volume needs nodes: name the node(s) the disk is attached to'],
    ['no capacity', pv({ capacity: undefined }), 'shop/v: capacity is required: a quantity such as "100Gi"'],
    ['capacity', pv({ capacity: '100GB' }), `shop/v: capacity "100GB" is not valid: expected ${QUANTITY}`],
    ['access mode', pv({ accessModes: ['ReadWriteOnce', 'RWX' as any] }), 'shop/v: accessModes[1] "RWX" is not valid: expected one of ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod'],
    ['reclaim policy', pv({ reclaimPolicy: 'Recycled' as any }), 'shop/v: reclaimPolicy "Recycled" is not valid: expected one of Retain, Delete, Recycle (did you mean "Recycle"?)'],
    ['name', pv({ name: 'PV_1' }), `shop/v: name "PV_1" is not valid: expected ${SUBDOMAIN}`],
  ])('error: %s', (_, build, message) => {
    expect(userError(build)).toBe(message);
  });
});

describe('PersistentVolumeClaim and StorageClass', () => {
  test('a claim bound to a volume in block mode; a default StorageClass', () => {
    const objects = render((p) => {
      new PersistentVolumeClaim(p, 'raw', { size: '1Ti', volumeName: 'pv-1', volumeMode: 'Block', storageClass: '' });
      new StorageClass(p, 'std', { provisioner: 'pd.csi.storage.gke.io', isDefault: true, volumeBindingMode: 'Immediate', allowVolumeExpansion: false, mountOptions: ['discard'] });
    });
    expect(find(objects, 'PersistentVolumeClaim').spec).toEqual({ accessModes: ['ReadWriteOnce'], storageClassName: '', volumeName: 'pv-1', volumeMode: 'Block', resources: { requests: { storage: '1Ti' } } });
    expect(find(objects, 'StorageClass')).toMatchObject({
      metadata: { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'pd.csi.storage.gke.io',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'Immediate',
      allowVolumeExpansion: false,
      mountOptions: ['discard'],
    });
  });

  test.each<[string, () => unknown, string]>([
    ['claim without size', () => render((p) => new PersistentVolumeClaim(p, 'c', {} as any)), 'shop/c: size is required: a quantity such as "10Gi"'],
    ['volume mode', () => render((p) => new PersistentVolumeClaim(p, 'c', { size: '1Gi', volumeMode: 'block' as any })), 'shop/c: volumeMode "block" is not valid: expected one of Filesystem, Block (did you mean "Block"?)'],
    ['claim name', () => render((p) => new PersistentVolumeClaim(p, 'c', { size: '1Gi', name: 'Data' })), `shop/c: name "Data" is not valid: expected ${SUBDOMAIN}`],
    ['no provisioner', () => render((p) => new StorageClass(p, 's', { provisioner: '' })), 'shop/s: provisioner is required, such as "ebs.csi.aws.com"'],
    ['StorageClass reclaim policy', () => render((p) => new StorageClass(p, 's', { provisioner: 'x', reclaimPolicy: 'Retained' as any })), 'shop/s: reclaimPolicy "Retained" is not valid: expected one of Delete, Retain (did you mean "Retain"?)'],
  ])('error: %s', (_, build, message) => {
    expect(userError(build)).toBe(message);
  });
});

describe('Secret', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-secret-'));
  const pem = path.join(dir, 'ca.crt');
  const p12 = path.join(dir, 'keystore.p12');
  fs.writeFileSync(pem, '-----BEGIN CERTIFICATE-----\nMIIB\n');
  fs.writeFileSync(p12, Buffer.from([0, 255, 1, 128]));

  test('from files, text and binary, both base64 in data; file data is literal data too', () => {
    const build = (allowLiteralData?: boolean) => (p: any) => new Secret(p, 'trust', { files: { 'ca.crt': pem, 'keystore.p12': p12 }, immutable: true, allowLiteralData });
    const secret = find(render(build(true)), 'Secret');
    expect(secret).toMatchObject({ type: 'Opaque', immutable: true });
    expect(secret.data).toEqual({ 'ca.crt': Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n').toString('base64'), 'keystore.p12': 'AP8BgA==' });
    expect(secret.stringData).toBeUndefined();
    expect(warnings(build())).toEqual([expect.stringMatching(/^shop\/trust: holds literal secret data/)]);
    expect(warnings(build(true))).toEqual([]);
  });

  test('Secret.tls, Secret.dockerRegistry (with email) and Secret.basicAuth, each with a name of its own', () => {
    const objects = render((p) => {
      Secret.tls(p, 'cert', { name: 'edge-tls', cert: 'CERT', key: 'KEY', allowLiteralData: true });
      Secret.dockerRegistry(p, 'pull', { name: 'ghcr', server: 'ghcr.io', username: 'bot', password: 'pw', email: 'bot@example.com', allowLiteralData: true });
      Secret.basicAuth(p, 'basic', { name: 'admin', username: 'admin', password: 's3cret', allowLiteralData: true });
    });
    expect(find(objects, 'Secret', 'edge-tls')).toMatchObject({ type: 'kubernetes.io/tls', data: { 'tls.crt': 'Q0VSVA==', 'tls.key': 'S0VZ' } });
    const docker = find(objects, 'Secret', 'ghcr');
    expect(docker.type).toBe('kubernetes.io/dockerconfigjson');
    expect(JSON.parse(Buffer.from(docker.data['.dockerconfigjson'], 'base64').toString())).toEqual({
      auths: { 'ghcr.io': { username: 'bot', password: 'pw', email: 'bot@example.com', auth: Buffer.from('bot:pw').toString('base64') } },
    });
    expect(find(objects, 'Secret', 'admin')).toMatchObject({ type: 'kubernetes.io/basic-auth', data: { username: 'YWRtaW4=', password: 'czNjcmV0' } });
  });

  test('typed Secrets warn about literal data unless allowed', () => {
    expect(warnings((p) => Secret.tls(p, 'cert', { cert: 'C', key: 'K' }))).toEqual([expect.stringMatching(/^shop\/cert: holds literal secret data/)]);
    expect(warnings((p) => Secret.dockerRegistry(p, 'pull', { server: 'ghcr.io', username: 'u', password: 'p' }))).toEqual([expect.stringMatching(/^shop\/pull: holds literal secret data/)]);
    expect(warnings((p) => Secret.basicAuth(p, 'basic', { username: 'u', password: 'p' }))).toEqual([expect.stringMatching(/^shop\/basic: holds literal secret data/)]);
  });

  const secret = (props: SecretProps) => () => render((p) => new Secret(p, 's', { allowLiteralData: true, ...props }));
  test.each<[string, () => unknown, string]>([
    ['missing file', secret({ files: { x: '/no/such/file' } }), `shop/s: files["x"]: cannot read "/no/such/file" (ENOENT): give a path relative to ${path.resolve('.')}`],
    ['key in data and files', secret({ stringData: { 'ca.crt': 'x' }, files: { 'ca.crt': pem } }), 'shop/s: files: the key "ca.crt" is given twice'],
    ['key', secret({ stringData: { 'a b': 'x' } }), `shop/s: stringData key "a b" is not valid: expected ${KEY}`],
    ['file key', secret({ files: { 'ca/crt': pem } }), `shop/s: files key "ca/crt" is not valid: expected ${KEY}`],
    ['value', secret({ stringData: { port: 5432 as any } }), 'shop/s: stringData["port"] a number (not shown: a secret\'s value) is not valid: expected a string'],
    ['name', secret({ name: 'DB' }), `shop/s: name "DB" is not valid: expected ${SUBDOMAIN}`],
    ['tls without keys', secret({ type: 'kubernetes.io/tls' }), 'shop/s: a kubernetes.io/tls Secret needs the keys "tls.crt", "tls.key"'],
    ['docker-registry without its key', secret({ type: 'kubernetes.io/dockerconfigjson', stringData: { config: '{}' } }), 'shop/s: a kubernetes.io/dockerconfigjson Secret needs the keys ".dockerconfigjson"'],
    ['basic-auth without a password', secret({ type: 'kubernetes.io/basic-auth', stringData: { username: 'u' } }), 'shop/s: a kubernetes.io/basic-auth Secret needs the keys "password"'],
    ['ssh-auth without a key', secret({ type: 'kubernetes.io/ssh-auth' }), 'shop/s: a kubernetes.io/ssh-auth Secret needs the keys "ssh-privatekey"'],
    ['Secret.tls without a key', () => render((p) => Secret.tls(p, 'cert', { cert: 'C', key: undefined as any, allowLiteralData: true })), 'shop/cert: stringData["tls.key"] undefined is not valid: expected a string'],
    ['Secret.basicAuth without a password', () => render((p) => Secret.basicAuth(p, 'basic', { username: 'u', password: undefined as any })), 'shop/basic: stringData["password"] undefined is not valid: expected a string'],
    ['Secret.dockerRegistry without a password', () => render((p) => Secret.dockerRegistry(p, 'pull', { server: 'ghcr.io', username: 'u', password: undefined as any })), 'shop/pull: password undefined is not valid: expected a string'],
    ['Secret.dockerRegistry without a username', () => render((p) => Secret.dockerRegistry(p, 'pull', { server: 'ghcr.io', username: null as any, password: 'p' })), 'shop/pull: username null is not valid: expected a string'],
    ['Secret.dockerRegistry without a server', () => render((p) => Secret.dockerRegistry(p, 'pull', { server: '', username: 'u', password: 'p' })), 'shop/pull: server "" is not valid: expected a registry host such as "ghcr.io"'],
    ['Secret.dockerRegistry name', () => render((p) => Secret.dockerRegistry(p, 'pull', { name: 'Pull', server: 'ghcr.io', username: 'u', password: 'p' })), `shop/pull: name "Pull" is not valid: expected ${SUBDOMAIN}`],
  ])('error: %s', (_, build, message) => {
    expect(userError(build)).toBe(message);
  });
});

describe('ConfigMap and ExternalSecret', () => {
  test('addData and addFile after construction; an ExternalSecret with a version and a Secret type', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-cm-'));
    fs.writeFileSync(path.join(dir, 'app.conf'), 'a=1\n');
    const objects = render((p) => {
      const cm = new ConfigMap(p, 'cfg');
      cm.addData('mode', 'fast');
      cm.addFile(path.join(dir, 'app.conf'));
      new ExternalSecret(p, 'db', { store: { name: 'vault' }, data: [{ secretKey: 'password', remoteKey: 'prod/db', version: '3' }], refreshInterval: '15m', secretType: 'kubernetes.io/basic-auth' });
    });
    expect(find(objects, 'ConfigMap').data).toEqual({ mode: 'fast', 'app.conf': 'a=1\n' });
    expect(find(objects, 'ExternalSecret').spec).toEqual({
      refreshInterval: '15m',
      secretStoreRef: { name: 'vault', kind: 'SecretStore' },
      target: { name: 'shop-db', creationPolicy: 'Owner', template: { type: 'kubernetes.io/basic-auth' } },
      data: [{ secretKey: 'password', remoteRef: { key: 'prod/db', version: '3' } }],
    });
  });

  const external = (props: Partial<ExternalSecretProps>) => () => render((p) => new ExternalSecret(p, 'x', { store: { name: 'vault' }, data: [{ secretKey: 'a', remoteKey: 'b' }], ...props }));
  test.each<[string, () => unknown, string]>([
    ['ConfigMap value', () => render((p) => new ConfigMap(p, 'cfg', { data: { replicas: 3 as any } })), 'shop/cfg: data["replicas"] 3 is not valid: expected a string'],
    ['ConfigMap key twice', () => render((p) => new ConfigMap(p, 'cfg', { data: { mode: 'a' } }).addData('mode', 'b')), 'shop/cfg: data: the key "mode" is given twice'],
    ['ConfigMap name', () => render((p) => new ConfigMap(p, 'cfg', { name: 'Config' })), `shop/cfg: name "Config" is not valid: expected ${SUBDOMAIN}`],
    ['store name', external({ store: { name: '' } }), 'shop/x: store.name is required: name the SecretStore or ClusterSecretStore to read from'],
    ['store kind', external({ store: { name: 'vault', kind: 'ClusterStore' as any } }), 'shop/x: store.kind "ClusterStore" is not valid: expected one of SecretStore, ClusterSecretStore'],
    ['secret key', external({ data: [{ secretKey: 'a b', remoteKey: 'b' }] }), `shop/x: data[0].secretKey "a b" is not valid: expected ${KEY}`],
    ['remote key', external({ data: [{ secretKey: 'a', remoteKey: '' }] }), "shop/x: data[0].remoteKey is required: the entry's path or name in the secret manager"],
    ['refresh interval', external({ refreshInterval: '1 hour' }), 'shop/x: refreshInterval "1 hour" is not valid: expected a Go duration such as "1h", "15m" or "30s"'],
  ])('error: %s', (_, build, message) => {
    expect(userError(build)).toBe(message);
  });
});
