export { exportHelmChart } from './helm';
export type { ExportHelmOptions, ExportHelmResult } from './helm';
