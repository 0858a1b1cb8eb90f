// What differs between SQLite and PostgreSQL, behind one interface. Nothing outside
// src/store/dialect branches on the dialect name (Kysely CONTRIBUTING: dialect-agnostic core).
import type { ColumnDefinitionBuilder, CreateTableBuilder, Dialect, Kysely } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

export interface StoreDialect {
  name: DialectName;
  /** The Kysely dialect to construct the database with. */
  kysely(): Dialect;
  /** Adds an auto-incrementing integer primary key column named `id`. */
  addIdColumn<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
  /** Column type for binary content (attachments, backups). */
  blobType: 'blob' | 'bytea';
  /** Modifier for an integer foreign-key column referencing `table(id)`. */
  references(table: string, onDelete?: 'cascade' | 'set null'): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
  /** Copies the live database to a file (SQLite online backup); absent where the server has its own tools (pg_dump). */
  backup?(file: string): Promise<void>;
  /**
   * A token that changes whenever any write to the database commits, from this process or any other:
   * equal tokens mean the same data. Read caches (src/server/read-cache.ts) are keyed on it. It may
   * change without a relevant change (a session touched, another schema written): that only costs a
   * cache miss, never a stale answer.
   */
  dataVersion(db: Kysely<any>): Promise<string>;
  /** Closes pools and handles. */
  destroy?(): Promise<void>;
  /** Runs after every migration run: what must hold for every table, whichever migration made it. */
  afterMigrate?(db: Kysely<any>): Promise<void>;
}
