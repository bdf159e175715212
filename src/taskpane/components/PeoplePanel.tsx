/**
 * The people list for the item on screen (chunk "people", loaded when the list is opened or a
 * meeting is shown): one PeopleController per pane, kept for the pane's lifetime so a batch goes
 * on across message switches, fed the item's participants on each switch.
 */
import { useEffect, useSyncExternalStore, type JSX } from "react";
import type { ItemParticipants } from "../../contacts/people";
import type { PaneController } from "../state/pane-controller";
import { PeopleController } from "../state/people-controller";
import { PeopleList } from "./PeopleList";

const controllers = new WeakMap<PaneController, PeopleController>();

/** The pane's one people controller (created and started on first use). */
export function peopleControllerFor(pane: PaneController): PeopleController {
  let controller = controllers.get(pane);
  if (!controller) {
    controller = new PeopleController(pane);
    controllers.set(pane, controller);
  }
  controller.start();
  return controller;
}

export interface PeoplePanelProps {
  pane: PaneController;
  participants: ItemParticipants;
  /** The pane's selection generation: a new item, a new list. */
  generation: number;
}

export default function PeoplePanel({ pane, participants, generation }: PeoplePanelProps): JSX.Element {
  const controller = peopleControllerFor(pane);
  useEffect(() => {
    controller.showItem(participants);
    // The participants object is read once per selection: the generation says when it changed.
  }, [controller, generation]);
  const view = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
  return (
    <PeopleList
      view={view}
      onToggle={(key, selected) => controller.toggle(key, selected)}
      onSelectAllExternal={(selected) => controller.selectAllExternal(selected)}
      onAdd={(confirmed) => void controller.add(confirmed)}
      onRetryRow={(key) => void controller.retryRow(key)}
    />
  );
}
