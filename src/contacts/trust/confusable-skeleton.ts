/**
 * The UTS #39 skeleton, from unhomoglyph (Unicode's confusables.txt as a replacement table,
 * about 100 kB): NFD, map each confusable to its prototype, NFD again. Loaded on demand, only
 * when a domain involved is internationalized, so ASCII senders never download it.
 */
import type { Skeleton } from "./look-alike";

let loading: Promise<Skeleton> | null = null;

export function loadConfusableSkeleton(): Promise<Skeleton> {
  loading ??= import(/* webpackChunkName: "confusables" */ "unhomoglyph").then(
    (module) => {
      const unhomoglyph =
        (module as { default?: (text: string) => string }).default ??
        (module as unknown as (text: string) => string);
      return (text: string) => unhomoglyph(text.normalize("NFD")).normalize("NFD");
    },
    (error: unknown) => {
      // Tried again on the next call: a failed download must not stick.
      loading = null;
      throw error;
    },
  );
  return loading;
}
