import os from 'node:os';
import Database from 'better-sqlite3';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly ramGiB: number;
  readonly node: string;
  readonly sqlite: string;
  readonly platform: string;
  /** 1-minute load average when the run started: other work on the machine skews the figures. */
  readonly loadAverage: number;
}

/** What the figures were measured on: they mean little without it. */
export function describeMachine(): Machine {
  const cpus = os.cpus();
  const memory = new Database(':memory:');
  const sqlite = memory.prepare('SELECT sqlite_version()').pluck().get() as string;
  memory.close();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    sqlite,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg()[0] ?? 0,
  };
}
