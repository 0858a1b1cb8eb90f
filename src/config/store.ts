// The store location from the configuration (PostgreSQL when DATABASE_URL is set, else the SQLite file).
import type { StoreConfig } from '../store/db.js';
import type { DubanConfig } from './settings.js';

export function storeConfigOf(config: DubanConfig, flags: { db?: string } = {}): StoreConfig {
  // `--db FILE` asks for that SQLite file even when DATABASE_URL is set (as before).
  if (config.databaseUrl && !flags.db) return { url: config.databaseUrl, poolSize: config.poolSize };
  return { file: flags.db || config.dbFile };
}
