/** Read by screen readers, not shown: for text that sighted people get another way (an icon, Outlook's own header). */
import type { GriffelStyle } from "@fluentui/react-components";

export const visuallyHidden: GriffelStyle = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clipPath: "inset(50%)",
  whiteSpace: "nowrap",
};
