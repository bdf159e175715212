/** Entry of the demo's Outlook stand-in page. */
import { createRoot } from "react-dom/client";
import { HarnessApp } from "./HarnessApp";

const container = document.getElementById("root");
if (!container) throw new Error("The stand-in page has no #root element.");
createRoot(container).render(<HarnessApp />);
