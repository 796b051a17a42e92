import { PackageClass } from '../../lib';
import { Api } from '../../examples/api';
import { Guestbook } from '../../examples/guestbook';
import { LogAgent } from '../../examples/log-agent';
import { StatusPage } from '../../examples/mixed';
import { Podinfo } from '../../examples/podinfo';
import { MySql } from '../../examples/mysql/src';
import { Postgres } from '../../examples/postgres/src';
import { Redis } from '../../examples/redis/src';
import { WordPress } from '../../examples/wordpress';

/** The examples under examples/: each a folder with platform.ts (dev, staging, prod) and READMEs with a values table, by the package they document. */
export const EXAMPLES: { name: string; readmes: [string, PackageClass<any>][] }[] = [
  { name: 'guestbook', readmes: [['README.md', Guestbook]] },
  { name: 'log-agent', readmes: [['README.md', LogAgent]] },
  { name: 'mysql', readmes: [['README.md', MySql]] },
  { name: 'redis', readmes: [['README.md', Redis]] },
  { name: 'wordpress', readmes: [['README.md', WordPress]] },
  { name: 'postgres', readmes: [['README.md', Postgres]] },
  { name: 'api', readmes: [['README.md', Api]] },
  { name: 'mixed', readmes: [['README.md', StatusPage]] },
  { name: 'podinfo', readmes: [['README.md', Podinfo]] },
];
