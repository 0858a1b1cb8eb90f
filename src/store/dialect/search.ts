// Full-text search, the one place it differs: SQLite keeps the tokens in an FTS5 table whose
// rowid is search_docs.id; PostgreSQL keeps them in a tsvector column of search_docs with a GIN
// index. Both receive text already cut into tokens (src/store/tokenize.ts), so neither needs a
// Chinese parser: FTS5's unicode61 tokenizer only splits on our spaces, and PostgreSQL builds the
// vector with array_to_tsvector (no parser, no locale dependence).
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

/** A query already reduced to tokens: all of `all`, each of `prefixes` as a prefix, one of `anyOf`. */
export interface TokenQuery {
  all: string[];
  prefixes: string[];
  anyOf: string[];
}

export interface SearchDialect {
  /** Creates the dialect's part of the index (after search_docs exists). */
  migrate(db: Kysely<any>): Promise<void>;
  /** Stores the tokens of documents already inserted into search_docs. */
  write(db: Kysely<any>, docs: { id: number; tokens: string[] }[], opts?: { fresh?: boolean }): Promise<void>;
  /** Forgets the tokens of documents about to be deleted from search_docs. */
  remove(db: Kysely<any>, ids: number[]): Promise<void>;
  /** A derived table `(doc_id, score)` of matching documents; a lower score ranks higher. */
  matches(q: TokenQuery): RawBuilder<unknown>;
}

const ftsString = (t: string) => `"${t.replace(/"/g, '""')}"`;

export const sqliteSearch: SearchDialect = {
  async migrate(db) {
    // A plain (content-holding) FTS5 table: deletes by rowid need no copy of the old text.
    await sql`create virtual table search_fts using fts5(tokens, tokenize = 'unicode61')`.execute(db);
  },
  async write(db, docs, opts) {
    if (docs.length === 0) return;
    if (!opts?.fresh)
      await this.remove(
        db,
        docs.map((d) => d.id),
      );
    for (let i = 0; i < docs.length; i += 400) {
      const rows = docs.slice(i, i + 400).map((d) => sql`(${d.id}, ${d.tokens.join(' ')})`);
      await sql`insert into search_fts (rowid, tokens) values ${sql.join(rows)}`.execute(db);
    }
  },
  async remove(db, ids) {
    for (let i = 0; i < ids.length; i += 500) {
      await sql`delete from search_fts where rowid in (${sql.join(ids.slice(i, i + 500))})`.execute(db);
    }
  },
  matches(q) {
    const parts = [...q.all.map(ftsString), ...q.prefixes.map((p) => `${ftsString(p)}*`)];
    if (q.anyOf.length) parts.push(`(${q.anyOf.map(ftsString).join(' OR ')})`);
    const match = parts.join(' AND ');
    return sql`(select rowid as doc_id, bm25(search_fts) as score from search_fts where search_fts match ${match})`;
  },
};

const tsLexeme = (t: string) => `'${t.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;

export const postgresSearch: SearchDialect = {
  async migrate(db) {
    await sql`alter table search_docs add column tsv tsvector`.execute(db);
    await sql`create index search_docs_tsv on search_docs using gin (tsv)`.execute(db);
  },
  async write(db, docs) {
    for (let i = 0; i < docs.length; i += 1000) {
      const batch = docs.slice(i, i + 1000);
      const ids = batch.map((d) => d.id);
      const texts = batch.map((d) => d.tokens.join(' '));
      await sql`update search_docs as d set tsv = array_to_tsvector(array_remove(string_to_array(v.t, ' '), ''))
        from unnest(${ids}::int[], ${texts}::text[]) as v(id, t) where d.id = v.id`.execute(db);
    }
  },
  async remove() {
    // The vector lives on the search_docs row itself and goes with it.
  },
  matches(q) {
    const parts = [...q.all.map(tsLexeme), ...q.prefixes.map((p) => `${tsLexeme(p)}:*`)];
    if (q.anyOf.length) parts.push(`(${q.anyOf.map(tsLexeme).join(' | ')})`);
    const query = parts.join(' & ');
    return sql`(select id as doc_id, -ts_rank(tsv, ${query}::tsquery) as score from search_docs where tsv @@ ${query}::tsquery)`;
  },
};

/** The search implementation for a database handle (a Kysely instance or a transaction). */
export function searchDialectOf(db: Kysely<any>): SearchDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresSearch : sqliteSearch;
}
