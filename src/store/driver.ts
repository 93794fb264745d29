// What sql-store.ts needs from a database: run SQL, run several statements as one
// transaction, and be ready (connected and migrated) before the first of them. A driver
// that cannot reach its database throws StoreUnavailable and tries again on the next call,
// so the store recovers by itself when the database returns.

export type Param = string | number | null;
export type Row = Record<string, unknown>;

export interface Driver {
  readonly kind: "sqlite" | "postgres";
  all(sql: string, params: readonly Param[]): Promise<Row[]>;
  /** Runs each statement in order in one transaction; resolves with each one's changed-row count. */
  transaction(statements: ReadonlyArray<readonly [string, readonly Param[]]>): Promise<number[]>;
  close(): Promise<void>;
}

/**
 * `open` memoised until it fails: the first call connects and migrates, later calls reuse the
 * result; a failure is forgotten so the next call tries again.
 */
export function retrying<T>(open: () => Promise<T>): { get(): Promise<T>; reset(): void } {
  let pending: Promise<T> | undefined;
  return {
    get() {
      if (pending === undefined) {
        const attempt = open();
        pending = attempt;
        attempt.catch(() => {
          if (pending === attempt) pending = undefined;
        });
      }
      return pending;
    },
    reset() {
      pending = undefined;
    },
  };
}
