/**
 * The views a person sees only after a click, in one chunk ("after-click") loaded on
 * demand and prefetched once a verdict is shown: with them go Fluent's Field, Input,
 * Textarea and ProgressBar, which nothing before the first click needs.
 */
export { DraftEditor } from "./DraftEditor";
export { MailTipEditor } from "./MailTipEditor";
export { PromoteProgress } from "./PromoteProgress";
