/** @size-limit/file ships no types: its default export is the plugin list size-limit's API takes. */
declare module "@size-limit/file";
