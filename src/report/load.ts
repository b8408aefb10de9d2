/**
 * Something that arrives later: a list, a chunk, a definition. One shape for "loading / here / could not", so each
 * view renders the three the same way and a failure keeps its cause (the view turns it into one plain sentence).
 */
export type Load<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: unknown };

export const ready = <T>(value: T): Load<T> => ({ state: 'ready', value });

/** The value, once it is here. */
export const valueOf = <T>(load: Load<T> | undefined): T | undefined =>
  load?.state === 'ready' ? load.value : undefined;

/**
 * Runs `work`, reporting each state to `set` (loading first). `current` says whether this run still counts when it
 * settles (the resident may have asked for something else meanwhile): a stale answer is dropped.
 */
export async function track<T>(
  work: () => Promise<T>,
  set: (load: Load<T>) => void,
  current: () => boolean = () => true,
): Promise<T | undefined> {
  set({ state: 'loading' });
  try {
    const value = await work();
    if (current()) set({ state: 'ready', value });
    return value;
  } catch (error) {
    if (current()) set({ state: 'failed', error });
    return undefined;
  }
}
