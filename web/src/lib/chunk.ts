// Code split into chunks that are imported once and remembered (route pages, ECharts).
/**
 * A chunk loader that imports once and remembers the module, so that code which runs later can
 * tell whether the chunk is already here (see `loaded`). A failed import is forgotten, so the
 * next call tries again (a network hiccup must not break the page for good).
 */
export interface ChunkLoader<M> {
  (): Promise<M>;
  /** The module, once its import has finished; undefined before. */
  loaded: () => M | undefined;
}

export function chunk<M>(load: () => Promise<M>): ChunkLoader<M> {
  let promise: Promise<M> | undefined;
  let module: M | undefined;
  const loader = () =>
    (promise ??= load().then(
      (m) => (module = m),
      (e: unknown) => {
        promise = undefined;
        throw e;
      },
    ));
  loader.loaded = () => module;
  return loader;
}
